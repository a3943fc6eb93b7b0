package org.chunfeng.employment.worker;

/** Someone else changed the worker between our read and our write; the caller reads again and retries. */
class ConcurrentChangeException extends RuntimeException {
    ConcurrentChangeException(String workerId) {
        super("Worker " + workerId + " changed concurrently");
    }
}
