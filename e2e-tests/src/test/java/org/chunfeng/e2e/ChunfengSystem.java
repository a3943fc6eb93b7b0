package org.chunfeng.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.chunfeng.devstack.demo.CampaignDriver;
import org.chunfeng.devstack.demo.CampaignGenerator;
import org.chunfeng.devstack.demo.CampaignSample;
import org.chunfeng.devstack.demo.ChengjiajiDemo;
import org.chunfeng.devstack.demo.DemoCampaign;
import org.chunfeng.devstack.demo.DemoReport;
import org.chunfeng.devstack.demo.DemoWorker;
import org.chunfeng.devstack.demo.GatewayClient;
import org.chunfeng.devstack.infra.Ports;
import org.chunfeng.devstack.launcher.JarRunner;
import org.chunfeng.devstack.launcher.Options;
import org.chunfeng.devstack.launcher.Stack;
import org.chunfeng.devstack.launcher.StackAddresses;
import org.chunfeng.devstack.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The whole of Chunfeng, started for real once per test JVM: the shared test broker and Mongo server
 * ({@link TestInfrastructure}), then employment-, jobs- and transport-service and the gateway as child JVMs from
 * their built jars on free ports, by devstack's launcher with its external Kafka and MongoDB options. The gateway
 * runs in demo mode: {@code office}, {@code coordinator} and {@code admin} sign in with {@link #password()}.
 * Data and logs live in {@code e2e-tests/target/e2e-stack}; {@link #close()} stops every child and checks that no
 * process is left. Tests reach it through {@link WholeSystemTest}.
 */
public final class ChunfengSystem implements AutoCloseable {

    /** The demo accounts' password, unless {@code CHUNFENG_DEMO_PASSWORD} chooses another. */
    public static final String DEFAULT_PASSWORD = "e2e-chunfeng-spring-2026";
    /** Workers in the demo campaign these tests play out: a tenth of the real town, with postings and buses to match. */
    public static final int DEMO_WORKERS = 300;

    /**
     * Besides the launcher's JVM defaults: plan a travel date in half a second rather than five (the demo plans
     * twenty), and let the test clients call as fast as they like and sign in as often as browser tests need (the
     * defaults are 100 calls a second per user and 10 sign-ins a minute per address; the gateway's own tests check
     * those limits).
     */
    static final List<String> TEST_PROPERTIES = List.of(
            "-Dchunfeng.transport.solver-seconds=0.5",
            "-Dchunfeng.gateway.rate-limits.default.capacity=5000",
            "-Dchunfeng.gateway.rate-limits.default.tokens=5000",
            "-Dchunfeng.gateway.rate-limits.default.period=1s",
            "-Dchunfeng.gateway.rate-limits.sign-in.capacity=1000",
            "-Dchunfeng.gateway.rate-limits.sign-in.tokens=1000",
            "-Dchunfeng.gateway.rate-limits.sign-in.period=1m");
    /** How fast the staff clients of the tests may call: the pace of a busy office, not of a load test. */
    static final int CALLS_PER_SECOND = 400;

    /** The demo campaign as loaded, and what playing it out did. */
    public record DemoRun(DemoCampaign campaign, DemoReport report) {
    }

    private final Stack stack;
    private final StackAddresses addresses;
    private final Options options;
    private final String password;
    private final Map<String, Long> childPids;
    private final Map<String, GatewayClient> staff = new ConcurrentHashMap<>();
    private volatile MongoClient mongo;
    private DemoRun demo;

    private ChunfengSystem(Stack stack, StackAddresses addresses, Options options, String password,
            Map<String, Long> childPids) {
        this.stack = stack;
        this.addresses = addresses;
        this.options = options;
        this.password = password;
        this.childPids = childPids;
    }

    /** Starts everything and returns once every application is healthy; throws if one is not. */
    static ChunfengSystem start() {
        if (!System.getenv().getOrDefault("CHUNFENG_AUTH_ADMIN_USERNAME", "").isBlank()) {
            throw new IllegalStateException("CHUNFENG_AUTH_ADMIN_USERNAME is set, which turns the gateway's demo"
                    + " accounts off; the end-to-end tests sign in with them. Unset it for the tests.");
        }
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path home = module.getParent();
        Path dataDir = module.resolve("target").resolve("e2e-stack");
        String password = System.getenv().getOrDefault("CHUNFENG_DEMO_PASSWORD", "");
        password = password.isBlank() ? DEFAULT_PASSWORD : password;
        prepare(dataDir, password);

        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < 4) {
            ports.add(Ports.anyFree());
        }
        List<Integer> free = new ArrayList<>(ports);
        Options options = Options.parse(List.of("up",
                "--data-dir=" + dataDir,
                "--kafka-bootstrap=" + infrastructure.kafkaBootstrapServers(),
                "--mongo-uri=" + infrastructure.mongoUri("chunfeng"),
                "--gateway-port=" + free.get(0),
                "--employment-port=" + free.get(1),
                "--jobs-port=" + free.get(2),
                "--transport-port=" + free.get(3),
                "--timeout=300"), home);
        List<String> javaOptions = new ArrayList<>(JarRunner.javaOptionsFromEnvironment());
        javaOptions.addAll(TEST_PROPERTIES);
        Stack stack = new Stack(options, new JarRunner(home, javaOptions), System.out);
        Thread safetyNet = new Thread(stack::stop, "e2e-stack-stop");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        StackAddresses addresses;
        try {
            addresses = stack.start();
        } catch (Stack.Failure e) {
            throw new IllegalStateException("The system did not start: " + e.getMessage() + " (the applications'"
                    + " logs are in " + dataDir.resolve("logs") + ")", e);
        }
        return new ChunfengSystem(stack, addresses, options, password, childPids(dataDir));
    }

    /** A clean data folder, with the demo accounts' password where the launcher looks for it. */
    private static void prepare(Path dataDir, String password) {
        try {
            if (Files.exists(dataDir)) {
                try (Stream<Path> all = Files.walk(dataDir)) {
                    for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("demo-password"), password + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The launcher writes the process id of each child to its data folder. */
    private static Map<String, Long> childPids(Path dataDir) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("running.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(name -> !name.equals("launcher"))
                .forEach(name -> pids.put(name, Long.parseLong(properties.getProperty(name))));
        return pids;
    }

    /** Where browsers and API clients reach Chunfeng: the web app, {@code /api/**} and Swagger UI. */
    public String gatewayUrl() {
        return addresses.gatewayUrl();
    }

    /**
     * An application's own address, for what is open there without a token ({@code /actuator/health},
     * {@code /actuator/prometheus}): {@code employment-service}, {@code jobs-service}, {@code transport-service}
     * or {@code gateway}.
     */
    public String appUrl(String app) {
        int port = switch (app) {
            case "employment-service" -> options.employmentPort();
            case "jobs-service" -> options.jobsPort();
            case "transport-service" -> options.transportPort();
            case "gateway" -> options.gatewayPort();
            default -> throw new IllegalArgumentException("No application " + app);
        };
        return "http://127.0.0.1:" + port;
    }

    /** The four applications, in the order the launcher starts them. */
    public List<String> apps() {
        return List.of("employment-service", "jobs-service", "transport-service", "gateway");
    }

    /** The password of the demo accounts {@code office}, {@code coordinator} and {@code admin}. */
    public String password() {
        return password;
    }

    /** The labour office ({@code LABOUR_OFFICE}), signed in once and shared. */
    public GatewayClient office() {
        return staff(ChengjiajiDemo.OFFICE);
    }

    /** A transport coordinator ({@code TRANSPORT_COORDINATOR}), signed in once and shared. */
    public GatewayClient coordinator() {
        return staff(ChengjiajiDemo.COORDINATOR);
    }

    /** The administrator ({@code ADMIN}), signed in once and shared. */
    public GatewayClient admin() {
        return staff("admin");
    }

    private GatewayClient staff(String username) {
        return this.staff.computeIfAbsent(username,
                name -> GatewayClient.signIn(gatewayUrl(), name, password, CALLS_PER_SECOND));
    }

    /** A fresh sign-in of a member of staff, for a test that signs out or counts sign-ins. */
    public GatewayClient signIn(String username, String password) {
        return GatewayClient.signIn(gatewayUrl(), username, password);
    }

    /**
     * A worker ({@code WORKER}) signed in as they would on their phone. The labour office issues them a new sign-in
     * reference first, so any registered worker will do; their earlier reference stops working.
     */
    public GatewayClient worker(String workerId, String idNumber, String phone) {
        String reference = office().post("/api/workers/" + workerId + "/reference", null).path("reference").asString();
        return GatewayClient.signInWorker(gatewayUrl(), idNumber, phone, reference);
    }

    /** A worker of the demo campaign signed in on their phone (see {@link #worker(String, String, String)}). */
    public GatewayClient worker(DemoWorker worker) {
        return worker(workerId(worker), worker.idNumber(), worker.phone());
    }

    /**
     * The id Chunfeng gave a registered worker of the demo campaign, found as the labour office would: in their
     * village's list, by name and household.
     */
    public String workerId(DemoWorker worker) {
        String village = URLEncoder.encode(worker.village(), StandardCharsets.UTF_8);
        for (int page = 0; ; page++) {
            JsonNode answer = office().get("/api/workers?village=" + village + "&size=200&page=" + page);
            for (JsonNode row : answer.path("items")) {
                if (row.path("name").asString().equals(worker.name())
                        && row.path("householdId").asString().equals(worker.householdId())) {
                    return row.path("workerId").asString();
                }
            }
            if ((page + 1) * 200L >= answer.path("total").asLong()) {
                throw new IllegalArgumentException(worker.name() + " of " + worker.village() + " is not registered");
            }
        }
    }

    /** The broker's bootstrap servers, for reading and writing topics as an outside observer. */
    public String kafkaBootstrap() {
        return addresses.kafkaBootstrap();
    }

    /** A connection string for one database: {@code employment}, {@code jobs}, {@code transport} or {@code gateway}. */
    public String mongoUri(String database) {
        return addresses.mongoUri(database);
    }

    /** One of the applications' databases, read through a client this system owns and closes. */
    public MongoDatabase database(String database) {
        MongoClient client = mongo;
        if (client == null) {
            synchronized (this) {
                if (mongo == null) {
                    mongo = MongoClients.create(addresses.mongoUri("admin"));
                }
                client = mongo;
            }
        }
        return client.getDatabase(database);
    }

    /**
     * The demo campaign, {@value #DEMO_WORKERS} workers of it, loaded and played out through the gateway by the
     * same driver as {@code ./chunfeng up --demo}. The first caller waits for it; later callers get the same run.
     */
    public synchronized DemoRun demo() {
        if (demo == null) {
            DemoCampaign campaign = CampaignSample.of(CampaignGenerator.generate(ChengjiajiDemo.SEED, 1), DEMO_WORKERS);
            CampaignDriver driver = new CampaignDriver(office(), coordinator(), System.out,
                    new CampaignDriver.Settings(Duration.ofSeconds(2), Duration.ofMinutes(2), 2, 4));
            demo = new DemoRun(campaign, driver.run(campaign));
        }
        return demo;
    }

    /** The process ids of the children the launcher started (Kafka is the test JVM's own here, so only the apps). */
    public Map<String, Long> childPids() {
        return childPids;
    }

    /**
     * Stops the applications, then checks that none of them, nor anything else this JVM started, is still running.
     * The shared broker and Mongo server stop with the JVM.
     */
    @Override
    public void close() {
        if (mongo != null) {
            mongo.close();
        }
        stack.stop();
        List<String> left = new ArrayList<>();
        childPids.forEach((name, pid) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .ifPresent(p -> left.add(name + " (pid " + pid + ")")));
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .forEach(p -> left.add(p.info().command().orElse("?") + " (pid " + p.pid() + ")"));
        if (!left.isEmpty()) {
            throw new IllegalStateException("Still running after the system stopped: " + left);
        }
        System.out.println("Every process the end-to-end tests started has ended.");
    }
}
