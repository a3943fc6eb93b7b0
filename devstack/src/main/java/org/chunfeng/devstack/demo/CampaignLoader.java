package org.chunfeng.devstack.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.EmployerKind;
import tools.jackson.databind.JsonNode;

/**
 * Puts a demo campaign into a running Chunfeng through the gateway, the way its staff would: the labour office
 * registers the employers, imports the job postings and then the workers' spreadsheet; the transport coordinator
 * imports the fleet list. Whatever is already there is left alone, so loading the same campaign twice adds nothing:
 * employers are known by name, postings by what they say, buses by plate and workers by ID number.
 */
final class CampaignLoader {

    /** What was put in. */
    record Loaded(int employersAdded, int postingsAdded, int postingsRejected, int vehiclesAdded,
            int vehiclesRejected, int workersImported, int workersAlreadyThere, int workersRejected) {
    }

    private static final int PAGE = 500;
    private static final int SHOWN_REJECTIONS = 5;

    private final GatewayClient office;
    private final GatewayClient coordinator;
    private final PrintStream out;
    private final Duration timeout;

    CampaignLoader(GatewayClient office, GatewayClient coordinator, PrintStream out, Duration timeout) {
        this.office = office;
        this.coordinator = coordinator;
        this.out = out;
        this.timeout = timeout;
    }

    Loaded load(DemoCampaign campaign) {
        Map<String, String> employerIds = new HashMap<>();
        int employersAdded = employers(campaign, employerIds);
        int[] postings = postings(campaign, employerIds);
        int[] vehicles = vehicles(campaign);
        int[] workers = workers(campaign);
        return new Loaded(employersAdded, postings[0], postings[1], vehicles[0], vehicles[1], workers[0], workers[1],
                workers[2]);
    }

    /** Registers the employers not yet known by name; fills in every employer's id. */
    private int employers(DemoCampaign campaign, Map<String, String> ids) {
        Map<String, String> byName = new HashMap<>();
        for (JsonNode e : office.get("/api/employers")) {
            byName.put(e.path("name").asString(), e.path("id").asString());
        }
        int added = 0;
        for (DemoEmployer employer : campaign.employers()) {
            String id = byName.get(employer.name());
            if (id == null) {
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("name", employer.name());
                form.put("kind", employer.kind().name());
                form.put("contactName", employer.contactName());
                form.put("contactPhone", employer.contactPhone());
                if (employer.kind() == EmployerKind.PUBLIC_WELFARE) {
                    form.put("town", publicWelfareTown(campaign, employer));
                }
                id = office.post("/api/employers", form).path("id").asString();
                added++;
            }
            ids.put(employer.employerRef(), id);
        }
        out.printf("  employers: %,d registered, %,d already there%n", added, campaign.employers().size() - added);
        return added;
    }

    private static String publicWelfareTown(DemoCampaign campaign, DemoEmployer employer) {
        return campaign.postings().stream().filter(p -> p.employerRef().equals(employer.employerRef()))
                .map(DemoPosting::publicWelfareTown).filter(t -> t != null && !t.isBlank()).findFirst()
                .orElse(campaign.town().name());
    }

    /**
     * Imports the postings not yet posted as one sheet and follows the import job to its end. A row posted before
     * comes back as a duplicate, so a load that was stopped half-way can simply run again. Returns {added, rejected}.
     */
    private int[] postings(DemoCampaign campaign, Map<String, String> employerIds) {
        List<DemoPosting> missing = missingPostings(campaign);
        int alreadyThere = campaign.postings().size() - missing.size();
        if (missing.isEmpty()) {
            out.printf("  job postings: none to import, %,d already posted%n", alreadyThere);
            return new int[] {0, 0};
        }
        JsonNode accepted = office.upload("/api/jobs/import", "demo-postings.csv", "text/csv",
                DemoSheets.postings(missing, employerIds));
        String path = "/api/jobs/import/" + accepted.path("jobId").asString();
        JsonNode progress = follow(path, "job postings").path("progress");
        int created = progress.path("imported").asInt();
        int rejected = progress.path("rejected").asInt();
        long openings = missing.stream().mapToLong(DemoPosting::openings).sum();
        out.printf("  job postings: %,d imported with %,d openings, %,d rejected, %,d already posted%n", created,
                openings, rejected, alreadyThere + progress.path("duplicates").asInt());
        if (rejected > 0) {
            showRejections(office.get(path + "?outcome=REJECTED&size=" + SHOWN_REJECTIONS).path("rows"), "errors");
        }
        return new int[] {created, rejected};
    }

    /** The campaign's postings that jobs-service does not have yet, known by what they say. */
    private List<DemoPosting> missingPostings(DemoCampaign campaign) {
        Map<String, Integer> existing = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = office.get("/api/jobs?size=" + PAGE + "&page=" + page);
            for (JsonNode job : answer.path("items")) {
                existing.merge(key(job.path("employerName").asString(), job.path("title").asString(),
                        job.path("site").path("name").asString(), job.path("startDate").asString(),
                        job.path("openings").asInt()), 1, Integer::sum);
            }
            if ((long) (page + 1) * PAGE >= answer.path("total").asLong()) {
                break;
            }
        }
        List<DemoPosting> missing = new ArrayList<>();
        for (DemoPosting p : campaign.postings()) {
            String key = key(p.employerName(), p.title(), p.site().name(), p.startDate().toString(), p.openings());
            if (existing.getOrDefault(key, 0) > 0) {
                existing.merge(key, -1, Integer::sum);
            } else {
                missing.add(p);
            }
        }
        return missing;
    }

    private static String key(String employer, String title, String site, String startDate, int openings) {
        return employer + "\u001f" + title + "\u001f" + site + "\u001f" + startDate + "\u001f" + openings;
    }

    /** Imports the fleet list; the import itself creates or updates by plate. Returns {added, rejected}. */
    private int[] vehicles(DemoCampaign campaign) {
        JsonNode report = coordinator.upload("/api/vehicles/import", "demo-fleet.csv", "text/csv",
                DemoSheets.vehicles(campaign.buses()));
        int created = report.path("created").asInt();
        int rejected = report.path("rejected").asInt();
        out.printf("  buses: %,d registered, %,d already there, %,d rejected%n", created,
                report.path("updated").asInt() + report.path("unchanged").asInt(), rejected);
        showRejections(report.path("results"), "errors");
        return new int[] {created, rejected};
    }

    /** Imports the workers' sheet and follows the import job; returns {imported, duplicates, rejected}. */
    private int[] workers(DemoCampaign campaign) {
        JsonNode accepted = office.upload("/api/workers/import", "demo-workers.csv", "text/csv",
                DemoSheets.workers(campaign.workers()));
        String path = "/api/workers/import/" + accepted.path("jobId").asString();
        JsonNode progress = follow(path, "workers").path("progress");
        int imported = progress.path("imported").asInt();
        int duplicates = progress.path("duplicates").asInt();
        int rejected = progress.path("rejected").asInt();
        out.printf("  workers: %,d registered from the spreadsheet, %,d already registered, %,d rejected%n", imported,
                duplicates, rejected);
        if (rejected > 0) {
            showRejections(office.get(path + "?outcome=REJECTED&size=" + SHOWN_REJECTIONS).path("rows"), "errors");
        }
        return new int[] {imported, duplicates, rejected};
    }

    /** Polls an import job (either service's: they answer alike) until it is DONE; returns the job. */
    private JsonNode follow(String path, String what) {
        long start = System.nanoTime();
        int lastPercent = -1;
        while (true) {
            JsonNode job = office.get(path + "?size=1").path("job");
            String state = job.path("state").asString();
            int percent = job.path("progress").path("percent").asInt();
            if (state.equals("DONE")) {
                return job;
            }
            if (percent / 25 != lastPercent / 25) {
                out.printf("  %s: importing, %d%% read%n", what, percent);
                lastPercent = percent;
            }
            if (state.equals("FAILED") || state.equals("INTERRUPTED")) {
                throw new IllegalStateException("The import of " + what + " " + state + ": "
                        + job.path("message").asString());
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("The import of " + what + " did not finish within "
                        + timeout.toSeconds() + " s (" + percent + "% read)");
            }
            GatewayClient.pause(Duration.ofMillis(500));
        }
    }

    private void showRejections(JsonNode rows, String errorsField) {
        int shown = 0;
        for (JsonNode row : rows.has("items") ? rows.path("items") : rows) {
            JsonNode errors = row.path(errorsField);
            if (errors.isArray() && !errors.isEmpty() && shown++ < SHOWN_REJECTIONS) {
                out.println("    row " + row.path("row").asInt() + ": " + errors);
            }
        }
    }
}
