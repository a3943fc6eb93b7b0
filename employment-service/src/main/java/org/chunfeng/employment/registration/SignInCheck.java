package org.chunfeng.employment.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.chunfeng.employment.worker.IdentityHasher;
import org.chunfeng.employment.worker.Phone;
import org.chunfeng.employment.worker.WorkerRepository;
import org.springframework.stereotype.Service;

/**
 * Checks a worker's sign-in for the gateway: ID number, phone and reference must all match one worker. The answer
 * does not say which one was wrong, so the check cannot be used to learn whether an ID number is registered.
 */
@Service
public class SignInCheck {

    private final WorkerRepository workers;
    private final IdentityHasher hasher;

    public SignInCheck(WorkerRepository workers, IdentityHasher hasher) {
        this.workers = workers;
        this.hasher = hasher;
    }

    public Optional<String> workerId(String idNumber, String phone, String reference) {
        if (idNumber == null || phone == null || reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String normalisedPhone;
        try {
            normalisedPhone = Phone.parse(phone);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String referenceHash = hasher.reference(reference);
        return workers.findByIdHash(hasher.idNumber(idNumber))
                .filter(w -> w.referenceHash() != null && same(w.referenceHash(), referenceHash))
                .filter(w -> same(w.phone(), normalisedPhone))
                .map(w -> w.id());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
