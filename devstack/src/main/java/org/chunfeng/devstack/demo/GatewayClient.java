package org.chunfeng.devstack.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Someone signed in to Chunfeng, talking to it through the gateway's public API as the web app does: a member of
 * staff with a bearer token from {@code POST /api/auth/token}, or a worker with one from {@code POST /api/auth/worker};
 * signed in again when the token runs out. It waits and tries again where the
 * gateway says so (429 and 503 with {@code Retry-After}) and on a dropped connection, and it paces itself below the
 * gateway's per-user rate limit, so a loader that sends thousands of calls is never turned away.
 */
public final class GatewayClient {

    /** The gateway answers up to 100 calls a second per user by default; staying below leaves room for people. */
    public static final int CALLS_PER_SECOND = 80;
    private static final int ATTEMPTS = 8;
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: the HTTP status and the JSON body (a missing node when there was none). */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's {@code code} or the last part of its {@code type}, for a 4xx answer. */
        public String problem() {
            String code = body.path("code").asString("");
            if (!code.isEmpty()) {
                return code;
            }
            String type = body.path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    /** A call the gateway refused or failed; the message has the status and the problem's detail. */
    public static final class CallFailed extends RuntimeException {
        private final int status;

        CallFailed(String call, Answer answer) {
            super(call + " answered " + answer.status() + ": " + describe(answer.body()));
            this.status = answer.status();
        }

        public int status() {
            return status;
        }

        private static String describe(JsonNode body) {
            if (body.isMissingNode()) {
                return "(no body)";
            }
            String detail = body.path("detail").asString("");
            JsonNode errors = body.path("errors");
            return (detail.isEmpty() ? body.toString() : detail) + (errors.isArray() ? " " + errors : "");
        }
    }

    private final HttpClient http;
    private final String gatewayUrl;
    private final String who;
    private final String signInPath;
    private final Map<String, String> credentials;
    private final Pacer pacer;
    private volatile String accessToken;
    private volatile String subject;

    private GatewayClient(String gatewayUrl, String who, String signInPath, Map<String, String> credentials,
            int callsPerSecond) {
        this.pacer = new Pacer(callsPerSecond);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.who = who;
        this.signInPath = signInPath;
        this.credentials = Map.copyOf(credentials);
    }

    /** Signs a member of staff in (office, coordinator, admin in demo mode); throws if the gateway refuses. */
    public static GatewayClient signIn(String gatewayUrl, String username, String password) {
        return signIn(gatewayUrl, username, password, CALLS_PER_SECOND);
    }

    /** As {@link #signIn(String, String, String)}, pacing calls to at most {@code callsPerSecond}. */
    public static GatewayClient signIn(String gatewayUrl, String username, String password, int callsPerSecond) {
        GatewayClient client = new GatewayClient(gatewayUrl, username, "/api/auth/token",
                Map.of("username", username, "password", password), callsPerSecond);
        client.signIn();
        return client;
    }

    /**
     * Signs a worker in with their ID number, phone and the reference the labour office or self-registration gave
     * them; throws if the gateway refuses.
     */
    public static GatewayClient signInWorker(String gatewayUrl, String idNumber, String phone, String reference) {
        GatewayClient client = new GatewayClient(gatewayUrl, "a worker", "/api/auth/worker",
                Map.of("idNumber", idNumber, "phone", phone, "reference", reference), CALLS_PER_SECOND);
        client.signIn();
        return client;
    }

    /** The current access token, for a caller that sends its own requests (a browser test puts it in storage). */
    public String accessToken() {
        return accessToken;
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    private synchronized void signIn() {
        Answer answer = exchange("POST", signInPath, json(credentials), "application/json", false);
        if (!answer.ok()) {
            throw new CallFailed("Signing in as " + who, answer);
        }
        accessToken = answer.body().path("accessToken").asString();
        subject = answer.body().path("subject").asString();
    }

    /** Who the gateway says this is: the username, or a worker's id. */
    public String subject() {
        return subject;
    }

    /** GET; throws {@link CallFailed} unless the answer is 2xx. */
    public JsonNode get(String path) {
        return expectOk("GET " + path, call("GET", path, null));
    }

    /** POST with a JSON body (or none when {@code body} is null); throws {@link CallFailed} unless 2xx. */
    public JsonNode post(String path, Object body) {
        return expectOk("POST " + path, call("POST", path, body));
    }

    /** Any method; the answer whatever its status, for callers that expect a 404 or a 409 now and then. */
    public Answer call(String method, String path, Object body) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : json(body),
                body == null ? null : "application/json", true);
    }

    /** Uploads a file as the multipart part {@code file}, as the import pages do; throws unless 2xx. */
    public JsonNode upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "chunfeng-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Answer answer = exchange("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary, true);
        return expectOk("POST " + path + " (" + fileName + ")", answer);
    }

    private static JsonNode expectOk(String call, Answer answer) {
        if (!answer.ok()) {
            throw new CallFailed(call, answer);
        }
        return answer.body();
    }

    private Answer exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType,
            boolean authorised) {
        boolean signedInAgain = false;
        for (int attempt = 1; ; attempt++) {
            pacer.await();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").method(method, body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (authorised) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
                }
                pause(Duration.ofMillis(250L * attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during " + method + " " + path, e);
            }
            Answer answer = new Answer(response.statusCode(), parse(response.body()));
            if (answer.status() == 401 && authorised && !signedInAgain) {
                // The access token ran out (15 minutes): sign in again once and repeat the call.
                signedInAgain = true;
                signIn();
                continue;
            }
            if ((answer.status() == 429 || answer.status() == 503) && attempt < ATTEMPTS) {
                pause(retryAfter(response, attempt));
                continue;
            }
            return answer;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response, int attempt) {
        long seconds = response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse((long) attempt);
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, 30)));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Spaces calls evenly: at most {@code perSecond} a second from this client, whatever the threads. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(int perSecond) {
            this.intervalNanos = 1_000_000_000L / perSecond;
        }

        void await() {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                next = Math.max(next, now) + intervalNanos;
                wait = next - intervalNanos - now;
            }
            if (wait > 0) {
                pause(Duration.ofNanos(wait));
            }
        }
    }
}
