package org.chunfeng.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path HOME = Path.of("/home/staff/chunfeng");

    @Test
    void defaultsToTheFixedPortsAndAFolderInTheRepository() {
        Options options = Options.parse(List.of("up"), HOME);

        assertThat(options.dataDir()).isEqualTo(HOME.resolve(".chunfeng"));
        assertThat(options.portsToOpen()).extracting(Options.PortUse::port)
                .containsExactly(9092, 27017, 8081, 8082, 8083, 8080);
        assertThat(options.embeddedKafka()).isTrue();
        assertThat(options.embeddedMongo()).isTrue();
    }

    @Test
    void takesValuesWithOrWithoutAnEqualsSign() {
        Options options = Options.parse(List.of("up", "--gateway-port", "9080", "--kafka-port=19092", "--fresh",
                "--demo", "--no-build"), HOME);

        assertThat(options.gatewayPort()).isEqualTo(9080);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.fresh()).isTrue();
        assertThat(options.demo()).isTrue();
    }

    @Test
    void externalInfrastructureOpensNoPortForIt() {
        Options options = Options.parse(List.of("up", "--kafka-bootstrap=kafka:9092",
                "--mongo-uri=mongodb://mongo:27017"), HOME);

        assertThat(options.portsToOpen()).extracting(Options.PortUse::what)
                .containsExactly("employment-service", "jobs-service", "transport-service", "gateway");
    }

    @Test
    void rejectsWhatItCannotUseWithAClearMessage() {
        assertThatThrownBy(() -> Options.parse(List.of("up", "--gateway-port=http"), HOME))
                .hasMessageContaining("--gateway-port must be a number from 1 to 65535, not http");
        assertThatThrownBy(() -> Options.parse(List.of("up", "--colour"), HOME))
                .hasMessageContaining("Unknown option --colour").hasMessageContaining("./chunfeng help");
        assertThatThrownBy(() -> Options.parse(List.of("up", "--jobs-port=8080"), HOME))
                .hasMessageContaining("Port 8080 is given to both");
        assertThatThrownBy(() -> Options.parse(List.of("up", "--mongo-uri=localhost:27017"), HOME))
                .hasMessageContaining("must start with mongodb://");
    }

    @Test
    void mongoUriGetsEachServicesDatabaseAndKeepsCredentialsAndOptions() {
        assertThat(addresses("mongodb://127.0.0.1:27017").mongoUri("jobs"))
                .isEqualTo("mongodb://127.0.0.1:27017/jobs");
        assertThat(addresses("mongodb://a:27017,b:27017/?replicaSet=rs0").mongoUri("jobs"))
                .isEqualTo("mongodb://a:27017,b:27017/jobs?replicaSet=rs0");
        assertThat(addresses("mongodb://chunfeng:secret@mongo/admin?tls=true").mongoUri("jobs"))
                .isEqualTo("mongodb://chunfeng:secret@mongo/jobs?tls=true&authSource=admin");
        assertThat(Stack.redact("mongodb://chunfeng:secret@mongo/admin")).isEqualTo("mongodb://chunfeng:****@mongo/admin");
    }

    private static StackAddresses addresses(String mongoUri) {
        return new StackAddresses("127.0.0.1:9092", mongoUri, "http://localhost:8080", HOME);
    }
}
