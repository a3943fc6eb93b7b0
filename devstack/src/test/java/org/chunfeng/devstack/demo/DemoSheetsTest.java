package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoSheetsTest {

    private static final DemoCampaign CAMPAIGN = CampaignGenerator.generate(2020, 1);

    @Test
    void everyWorkerIsOneRowUnderTheImportsEnglishHeaders() {
        List<String> lines = lines(DemoSheets.workers(CAMPAIGN.workers()));

        assertThat(lines.get(0)).isEqualTo(String.join(",", DemoSheets.WORKER_COLUMNS));
        assertThat(lines).hasSize(CAMPAIGN.workers().size() + 1);
        DemoWorker first = CAMPAIGN.workers().get(0);
        List<String> cells = List.of(lines.get(1).split(",", -1));
        assertThat(cells).hasSize(DemoSheets.WORKER_COLUMNS.size());
        assertThat(cell(cells, "idNumber")).isEqualTo(first.idNumber());
        assertThat(cell(cells, "phone")).isEqualTo(first.phone());
        assertThat(cell(cells, "povertyStatus")).isEqualTo(first.povertyStatus().name());
        assertThat(cell(cells, "skills")).isEqualTo(first.skills().stream()
                .map(s -> s.skill().name() + ":" + s.years()).collect(Collectors.joining(";")));
        assertThat(cell(cells, "fitnessCheckedOn")).isEqualTo(first.fitnessCheckedOn().toString());
    }

    @Test
    void postingsNameTheServicesEmployerIds() {
        Map<String, String> ids = CAMPAIGN.employers().stream()
                .collect(Collectors.toMap(DemoEmployer::employerRef, e -> "id-" + e.employerRef()));
        List<String> lines = lines(DemoSheets.postings(CAMPAIGN.postings(), ids));

        assertThat(lines.get(0)).isEqualTo(String.join(",", DemoSheets.POSTING_COLUMNS));
        assertThat(lines).hasSize(CAMPAIGN.postings().size() + 1);
        DemoPosting first = CAMPAIGN.postings().get(0);
        assertThat(lines.get(1)).startsWith("id-" + first.employerRef() + "," + first.title() + ","
                + first.category().name() + ",");
        assertThatThrownBy(() -> DemoSheets.postings(CAMPAIGN.postings(), Map.of()))
                .hasMessageContaining(first.employerRef());
    }

    @Test
    void aBusIsFreeFromItsFirstDayToItsLast() {
        List<String> lines = lines(DemoSheets.vehicles(CAMPAIGN.buses()));

        assertThat(lines).hasSize(CAMPAIGN.buses().size() + 1);
        DemoBus bus = CAMPAIGN.buses().get(0);
        assertThat(lines.get(1)).startsWith(bus.plate() + "," + bus.seats() + ",")
                .endsWith("," + bus.availableDates().get(0) + ","
                        + bus.availableDates().get(bus.availableDates().size() - 1));
    }

    @Test
    void cellsWithCommasOrQuotesAreQuoted() {
        assertThat(DemoSheets.cell("李楼村")).isEqualTo("李楼村");
        assertThat(DemoSheets.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(DemoSheets.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DemoSheets.cell(null)).isEmpty();
    }

    private static List<String> lines(byte[] csv) {
        return List.of(new String(csv, StandardCharsets.UTF_8).split("\r\n"));
    }

    private static String cell(List<String> cells, String column) {
        Function<String, Integer> index = DemoSheets.WORKER_COLUMNS::indexOf;
        return cells.get(index.apply(column));
    }
}
