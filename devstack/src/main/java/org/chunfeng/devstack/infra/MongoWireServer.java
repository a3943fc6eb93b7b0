package org.chunfeng.devstack.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire protocol served from Java (mongo-java-server), for machines with no MongoDB.
 * With a file the data survives a restart (H2 backend); without one it lives in memory, which suits tests.
 * It has no multi-document transactions, no change streams and no geo queries: Chunfeng needs none of them.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts an in-memory server on a free port of the loopback interface. */
    public static MongoWireServer inMemory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new MongoWireServer(server, server.getLocalAddress());
    }

    /** Starts a server that keeps its data in an H2 file, on the given host and port (0 for any free port). */
    public static MongoWireServer onFile(Path file, String host, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data folder for " + file, e);
        }
        MongoServer server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        server.bind(host, port);
        return new MongoWireServer(server, server.getLocalAddress());
    }

    public int port() {
        return address.getPort();
    }

    /** A connection string for one database, such as {@code mongodb://127.0.0.1:27017/employment}. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
