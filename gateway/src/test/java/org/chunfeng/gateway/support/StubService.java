package org.chunfeng.gateway.support;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one Chunfeng service on a fixed local port: it echoes what it received as JSON, so a test sees
 * what the gateway passed on. It can be stopped and started again on the same port. Employment's stand-in also
 * answers the sign-in check: reference {@code GOOD-<workerId>} matches, anything else does not.
 */
public final class StubService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile DisposableServer server;
    private volatile String lastSignInCheckAuthorization;

    StubService(String name) {
        this.name = name;
        this.port = freePort();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How many requests reached this service. */
    public int requests() {
        return requests.get();
    }

    /** The {@code Authorization} header of the latest sign-in check employment's stand-in received. */
    public String lastSignInCheckAuthorization() {
        return lastSignInCheckAuthorization;
    }

    public synchronized void start() {
        if (server == null) {
            server = HttpServer.create().host("127.0.0.1").port(port).handle(this::answer).bindNow();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.disposeNow(Duration.ofSeconds(5));
            server = null;
        }
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        requests.incrementAndGet();
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            String path = request.fullPath();
            if (path.equals("/v3/api-docs")) {
                return json(response, 200, Map.of("openapi", "3.1.0", "info", Map.of("title", name + "-service",
                        "version", "test"), "servers", java.util.List.of(Map.of("url", url())), "paths", Map.of()));
            }
            if (path.equals("/api/workers/sign-in-check")) {
                lastSignInCheckAuthorization = request.requestHeaders().get("Authorization");
                JsonNode credentials = JSON.readTree(body);
                String reference = credentials.path("reference").asString("");
                if (reference.startsWith("GOOD-")) {
                    return json(response, 200, Map.of("workerId", reference.substring(5)));
                }
                return json(response, 401, Map.of("title", "no match"));
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", request.method().name());
            echo.put("uri", request.uri());
            echo.put("authorization", request.requestHeaders().get("Authorization"));
            echo.put("traceparent", request.requestHeaders().get("traceparent"));
            echo.put("bodyBytes", body.length);
            Mono<Void> answer = json(response, 200, echo);
            return path.contains("/slow") ? Mono.delay(Duration.ofSeconds(3)).then(answer) : answer;
        });
    }

    private static Mono<Void> json(HttpServerResponse response, int status, Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return response.status(status).header("Content-Type", "application/json")
                .sendByteArray(Mono.just(bytes)).then();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
