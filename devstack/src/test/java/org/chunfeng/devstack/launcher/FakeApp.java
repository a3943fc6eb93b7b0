package org.chunfeng.devstack.launcher;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Chunfeng application in launcher tests: it takes the same arguments, listens on
 * {@code --server.port} and answers the readiness probe. {@code --fake.exit=<code>} makes it end at once instead,
 * like an application that cannot start.
 */
public final class FakeApp {

    public static void main(String[] args) throws Exception {
        int port = 0;
        for (String arg : args) {
            if (arg.startsWith("--server.port=")) {
                port = Integer.parseInt(arg.substring("--server.port=".length()));
            }
            if (arg.startsWith("--fake.exit=")) {
                System.out.println("Application run failed: cannot reach the database");
                System.exit(Integer.parseInt(arg.substring("--fake.exit=".length())));
            }
        }
        // Said before binding: the port accepts connections from the moment it is bound.
        System.out.println("Fake app listening on " + port + " with " + String.join(" ", args));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Thread.currentThread().join();
    }
}
