package org.chunfeng.transport.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.transport.Fixture.COORDINATOR;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

@ServiceTest
class VehicleApiTest {

    static final String HEADER =
            "plate,seats,operator,driverName,driverPhone,depotLat,depotLon,availableFrom,availableTo\n";

    @Autowired
    RestTestClient http;

    @Test
    void registersAVehicleOncePerPlateAndNamesEveryBadField() {
        String plate = plate();
        Map<String, Object> form = Map.of("plate", plate, "seats", 45, "driverName", "李师傅", "driverPhone",
                "13800001111", "depotLat", 33.14, "depotLon", 116.21, "availableFrom", "2031-02-01",
                "availableTo", "2031-02-28");
        http.post().uri("/api/vehicles").header(AUTHORIZATION, COORDINATOR).contentType(MediaType.APPLICATION_JSON)
                .body(form).exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.plate").isEqualTo(plate).jsonPath("$.seats").isEqualTo(45);
        http.post().uri("/api/vehicles").header(AUTHORIZATION, COORDINATOR).contentType(MediaType.APPLICATION_JSON)
                .body(form).exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("duplicate-plate").jsonPath("$.existingVehicleId").exists();
        http.post().uri("/api/vehicles").header(AUTHORIZATION, COORDINATOR).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("plate", plate(), "seats", 0, "driverName", "", "driverPhone", "123",
                        "depotLat", 95, "depotLon", 116.21, "availableFrom", "2031-02-10", "availableTo",
                        "2031-02-01"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((java.util.List<Object>) fields)
                        .containsExactlyInAnyOrder("seats", "driverName", "driverPhone", "depotLat", "availableTo"));
        http.get().uri("/api/vehicles?date=2031-02-15").header(AUTHORIZATION, COORDINATOR).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.plate == '" + plate + "')]").exists();
    }

    @Test
    void importsCsvRowByRowAndReportsEachRow() {
        String good = plate();
        String csv = "\uFEFF" + HEADER
                + good + ",45,利辛县客运公司,张师傅,13912345678,33.144,116.208,2031-03-01,2031-03-31\n"
                + plate() + ",many,利辛县客运公司,王师傅,13912345679,33.144,116.208,2031-03-01,2031-03-31\n"
                + plate() + ",45,,赵师傅,555,33.144,116.208,2031-03-01,2031-02-01\n";
        upload("fleet.csv", csv.getBytes()).expectStatus().isOk().expectBody()
                .jsonPath("$.rows").isEqualTo(3)
                .jsonPath("$.created").isEqualTo(1)
                .jsonPath("$.rejected").isEqualTo(2)
                .jsonPath("$.results[0].outcome").isEqualTo("CREATED")
                .jsonPath("$.results[1].row").isEqualTo(3)
                .jsonPath("$.results[1].errors[0].field").isEqualTo("seats")
                .jsonPath("$.results[2].errors[*].field").value(f -> assertThat((java.util.List<Object>) f)
                        .containsExactlyInAnyOrder("driverPhone", "availableTo"));
        upload("fleet.csv", csv.getBytes()).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(0).jsonPath("$.unchanged").isEqualTo(1);
        upload("fleet.txt", csv.getBytes()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("file");
    }

    @Test
    void importsXlsxIncludingExcelDateCells() throws Exception {
        String plate = plate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Chunfeng", "1.0");
        Worksheet sheet = workbook.newWorksheet("车辆");
        String[] header = HEADER.strip().split(",");
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, plate);
        sheet.value(1, 1, 53);
        sheet.value(1, 2, "阜阳客运");
        sheet.value(1, 3, "陈师傅");
        sheet.value(1, 4, "13700001234");
        sheet.value(1, 5, 33.2);
        sheet.value(1, 6, 116.3);
        sheet.value(1, 7, LocalDate.of(2031, 4, 1));
        sheet.style(1, 7).format("yyyy-mm-dd").set();
        sheet.value(1, 8, "2031-04-30");
        workbook.finish();

        upload("车辆.xlsx", out.toByteArray()).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(1).jsonPath("$.results[0].plate").isEqualTo(plate);
        http.get().uri("/api/vehicles?date=2031-04-01").header(AUTHORIZATION, COORDINATOR).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.plate == '" + plate + "')].seats").isEqualTo(53);
    }

    @Test
    void rolesDecideWhoSeesAndWhoRunsTheBuses() {
        String office = TestTokens.bearer(Role.LABOUR_OFFICE);
        String worker = TestTokens.worker("w-1");
        http.get().uri("/api/trips?date=2031-05-01").header(AUTHORIZATION, office).exchange().expectStatus().isOk();
        http.get().uri("/api/subsidies").header(AUTHORIZATION, office).exchange().expectStatus().isOk();
        http.post().uri("/api/trips/plan?date=2031-05-01").header(AUTHORIZATION, office).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/vehicles").header(AUTHORIZATION, office).exchange().expectStatus().isForbidden();
        http.get().uri("/api/trips?date=2031-05-01").header(AUTHORIZATION, worker).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/subsidies").header(AUTHORIZATION, worker).exchange().expectStatus().isForbidden();
        http.get().uri("/api/trips?date=2031-05-01").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/trips?date=tomorrow").header(AUTHORIZATION, office).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/trips/nope").header(AUTHORIZATION, office).exchange().expectStatus().isNotFound();
    }

    @Test
    void everyEndpointIsDocumentedAndTheMetricsAreServed() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/trips/plan'].post.summary").exists()
                .jsonPath("$.paths['/api/trips/{id}/explain'].get").exists()
                .jsonPath("$.paths['/api/trips/{id}/riders/{workerId}/board'].post").exists()
                .jsonPath("$.paths['/api/trips/{id}/riders/{workerId}/no-show'].post").exists()
                .jsonPath("$.paths['/api/trips/{id}/riders/{workerId}/arrive'].post").exists()
                .jsonPath("$.paths['/api/trips/{id}/depart'].post").exists()
                .jsonPath("$.paths['/api/trips/{id}/lock'].post").exists()
                .jsonPath("$.paths['/api/vehicles/import'].post").exists()
                .jsonPath("$.paths['/api/subsidies'].get").exists()
                .jsonPath("$.paths['/api/riders/{workerId}/explain'].get").exists();
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("chunfeng_seats_assigned_total", "chunfeng_subsidies_granted_total",
                "chunfeng_riders_boarded_total", "chunfeng_riders_arrived_total", "chunfeng_planning_duration_seconds",
                "chunfeng_planning_buses");
    }

    private RestTestClient.ResponseSpec upload(String name, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return http.post().uri("/api/vehicles/import").header(AUTHORIZATION, COORDINATOR)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange();
    }

    private static String plate() {
        return "皖K" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    }
}
