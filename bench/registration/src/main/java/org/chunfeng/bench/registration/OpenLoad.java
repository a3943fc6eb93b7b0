package org.chunfeng.bench.registration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registrations sent at a fixed rate whatever the answers (open loop): the i-th leaves at start + i / rate, and its
 * latency counts from then, so a server that falls behind shows in the latency instead of slowing the sender.
 */
final class OpenLoad {

    /** One run: per registration its intended send time, latency and worker id (null when it failed). */
    record Run(String target, int rate, double seconds, long startNanos, long[] sentNanos, long[] latencyNanos,
            String[] workerIds, Map<String, Integer> answers, Map<String, String> firstBodies,
            long maxSenderLagNanos) {

        int ok() {
            int ok = 0;
            for (String id : workerIds) {
                if (id != null) {
                    ok++;
                }
            }
            return ok;
        }

        /** Registrations answered 201 per second, from the first send to the last answer. */
        double okPerSecond() {
            long last = startNanos;
            for (int i = 0; i < sentNanos.length; i++) {
                last = Math.max(last, sentNanos[i] + latencyNanos[i]);
            }
            return ok() / ((last - startNanos) / 1e9);
        }

        Latencies okLatencies() {
            long[] ok = new long[ok()];
            int n = 0;
            for (int i = 0; i < workerIds.length; i++) {
                if (workerIds[i] != null) {
                    ok[n++] = latencyNanos[i];
                }
            }
            return Latencies.of(ok);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    OpenLoad(String token) {
        this.token = token;
    }

    Run run(String target, String baseUrl, int rate, byte[][] bodies) throws InterruptedException {
        int n = bodies.length;
        long interval = 1_000_000_000L / rate;
        long[] sent = new long[n];
        long[] latency = new long[n];
        String[] workerIds = new String[n];
        Map<String, Integer> answers = new TreeMap<>();
        Map<String, String> firstBodies = new TreeMap<>();
        CountDownLatch done = new CountDownLatch(n);
        URI uri = URI.create(baseUrl + "/api/workers");
        long maxLag = 0;
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            sent[i] = due;
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(PATIENCE)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i])).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                latency[index] = System.nanoTime() - due;
                String answer;
                if (failure != null) {
                    answer = failure.getClass().getSimpleName();
                } else {
                    answer = Integer.toString(response.statusCode());
                    if (response.statusCode() == 201) {
                        workerIds[index] = JSON.readTree(response.body()).path("workerId").asString();
                    }
                }
                synchronized (answers) {
                    answers.merge(answer, 1, Integer::sum);
                    if (!answer.equals("201")) {
                        // One body per kind of failure is enough to tell what refused the registration.
                        firstBodies.computeIfAbsent(answer, a -> failure != null ? String.valueOf(failure)
                                : new String(response.body(), StandardCharsets.UTF_8));
                    }
                }
                done.countDown();
            });
        }
        if (!done.await(PATIENCE.toSeconds() + 10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " registrations neither answered nor failed");
        }
        return new Run(target, rate, n / (double) rate, start, sent, latency, workerIds, answers, firstBodies, maxLag);
    }
}
