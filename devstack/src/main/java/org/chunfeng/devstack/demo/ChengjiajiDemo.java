package org.chunfeng.devstack.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chunfeng.devstack.launcher.DemoLoader;
import org.chunfeng.devstack.launcher.StackAddresses;

/**
 * {@code ./chunfeng up --demo}: the Chengjiaji Town campaign at its real size (2,000 workers, 650 postings, 40
 * buses), loaded and played out through the gateway as the demo accounts {@code office} and {@code coordinator}.
 * Their password is the one the launcher gave the gateway: {@code CHUNFENG_DEMO_PASSWORD}, or the one it keeps in
 * {@code <data folder>/demo-password}.
 */
public final class ChengjiajiDemo implements DemoLoader {

    /** The year of the campaign in the seed text; any seed gives a campaign of the same shape. */
    public static final long SEED = 2020;
    public static final String OFFICE = "office";
    public static final String COORDINATOR = "coordinator";

    private final DemoCampaign campaign = CampaignGenerator.generate(SEED, 1);

    @Override
    public String description() {
        return campaign.summary() + ", played out from registration to arrival";
    }

    @Override
    public void load(StackAddresses stack) {
        String password = password(stack.dataDir(), System.getenv());
        GatewayClient office = GatewayClient.signIn(stack.gatewayUrl(), OFFICE, password);
        GatewayClient coordinator = GatewayClient.signIn(stack.gatewayUrl(), COORDINATOR, password);
        DemoReport report = new CampaignDriver(office, coordinator, System.out, CampaignDriver.Settings.DEFAULT)
                .run(campaign);
        if (!report.errors().isEmpty()) {
            System.out.printf("  (%,d calls failed; the gateway's and the services' logs say why)%n",
                    report.errors().size());
        }
    }

    /** The demo accounts' password, found where the launcher put it. */
    static String password(Path dataDir, Map<String, String> environment) {
        String chosen = environment.get("CHUNFENG_DEMO_PASSWORD");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        if (environment.getOrDefault("CHUNFENG_AUTH_ADMIN_USERNAME", "").isBlank()) {
            try {
                String kept = Files.readString(dataDir.resolve("demo-password")).trim();
                if (!kept.isEmpty()) {
                    return kept;
                }
            } catch (IOException e) {
                // said below
            }
        }
        throw new IllegalStateException("The demo needs the gateway's demo accounts (office, coordinator): unset"
                + " CHUNFENG_AUTH_ADMIN_USERNAME, or create them yourself and load the demo with their password in"
                + " CHUNFENG_DEMO_PASSWORD");
    }
}
