package org.chunfeng.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerFileTest {

    @TempDir
    Path dir;

    @Test
    void keepsADocumentAcrossARestartOnTheSameFile() {
        Path file = dir.resolve("mongo").resolve("chunfeng.mv");

        try (MongoWireServer server = MongoWireServer.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.uri("employment"))) {
            client.getDatabase("employment").getCollection("workers")
                    .insertOne(new Document("_id", "worker-1").append("village", "Chengjiaji"));
        }

        try (MongoWireServer server = MongoWireServer.onFile(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.uri("employment"))) {
            Document worker = client.getDatabase("employment").getCollection("workers")
                    .find(Filters.eq("_id", "worker-1")).first();
            assertThat(worker).isNotNull();
            assertThat(worker.getString("village")).isEqualTo("Chengjiaji");
        }
    }
}
