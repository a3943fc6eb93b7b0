package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's map and employment-service's county file ({@code GET /api/places}, which self-registration is checked
 * against) must name the same villages, collection points and cities, or demo workers could not register themselves.
 */
class CountyPlacesTest {

    static final Path PLACES = Path.of(System.getProperty("basedir", "."))
            .resolve("../employment-service/src/main/resources/places.json");

    @Test
    void theDemoMapIsTheCountyFileEmploymentServes() throws Exception {
        JsonNode places = JsonMapper.builder().build().readTree(Files.readString(PLACES));
        JsonNode county = places.path("counties").get(0);
        JsonNode town = county.path("towns").get(0);
        DemoTown demo = Geography.town();
        assertThat(county.path("name").stringValue()).isEqualTo(demo.county());
        assertThat(town.path("name").stringValue()).isEqualTo(demo.name());

        List<String> served = new ArrayList<>();
        town.path("villages").forEach(v -> served.add(v.path("name").stringValue() + " "
                + v.path("collectionPoint").stringValue() + " " + v.path("lat").asDouble() + ","
                + v.path("lon").asDouble()));
        assertThat(served).containsExactlyElementsOf(demo.villages().stream().map(v -> v.name() + " "
                + v.collectionPoint().name() + " " + v.collectionPoint().location().lat() + ","
                + v.collectionPoint().location().lon()).toList());

        List<String> cities = new ArrayList<>();
        places.path("cities").forEach(c -> cities.add(c.stringValue()));
        assertThat(cities).containsExactlyElementsOf(Geography.CITIES.stream().map(DestinationCity::name).toList());
    }
}
