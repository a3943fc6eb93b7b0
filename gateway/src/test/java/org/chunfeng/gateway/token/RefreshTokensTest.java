package org.chunfeng.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.error.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** A store that accepts connections but never answers: every sign-in step gives up with a 503, none hangs. */
class RefreshTokensTest {

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private RefreshTokens tokens;

    @BeforeEach
    void aStoreThatNeverAnswers() throws IOException {
        silent = new ServerSocket(0);
        daemon(() -> {
            try {
                while (true) {
                    Socket socket = silent.accept();
                    accepted.add(socket);
                    daemon(() -> drain(socket));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        client = MongoClients.create("mongodb://localhost:" + silent.getLocalPort() + "/gateway");
        tokens = new RefreshTokens(new ReactiveMongoTemplate(client, "gateway"), Duration.ofHours(8),
                Duration.ofMillis(300), Clock.systemUTC());
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void everyStepAnswersServiceUnavailableAfterTheStoreTimeout() {
        assertUnavailable(() -> tokens.issue("office", List.of(Role.LABOUR_OFFICE), null).block(Duration.ofSeconds(10)));
        assertUnavailable(() -> tokens.rotate("some-refresh-token").block(Duration.ofSeconds(10)));
        assertUnavailable(() -> tokens.revoke("some-refresh-token").block(Duration.ofSeconds(10)));
    }

    /** Blocking for longer than the store timeout: a hang fails with another exception. */
    private static void assertUnavailable(Runnable step) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, step::run);
        assertThat(problem).as("a 503, not a hang or another error").isNotNull();
        assertThat(problem.problem().getStatus()).isEqualTo(503);
        assertThat(problem.problem().getProperties()).containsEntry("service", "sign-in store");
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "silent-store");
        thread.setDaemon(true);
        thread.start();
    }

    private static void drain(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            while (in.read() >= 0) {
                // read what the driver sends and never reply
            }
        } catch (IOException closed) {
            // the test is over
        }
    }
}
