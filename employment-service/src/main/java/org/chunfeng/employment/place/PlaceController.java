package org.chunfeng.employment.place;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Registration", description = "Registering workers one by one, self-registration, corrections")
class PlaceController {

    @Configuration(proxyBeanMethods = false)
    static class PlacesFile {

        /** Read once at start: a broken file stops the service rather than every registration later. */
        @Bean
        CountyPlaces countyPlaces(@Value("${chunfeng.employment.places-file:classpath:places.json}") Resource file,
                JsonMapper json) {
            try (InputStream in = file.getInputStream()) {
                CountyPlaces places = json.readValue(in, CountyPlaces.class);
                if (places.counties().isEmpty()) {
                    throw new IllegalStateException("No county in " + file);
                }
                return places;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the county's places from " + file, e);
            }
        }
    }

    private final CountyPlaces places;

    PlaceController(CountyPlaces places) {
        this.places = places;
    }

    @GetMapping("/api/places")
    @SecurityRequirements
    @Operation(summary = "The county's towns and villages with their collection points (no sign-in)",
            description = "What the registration forms offer; a self-registration must name one of these villages "
                    + "and its collection point")
    ResponseEntity<CountyPlaces> places() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePublic())
                .body(places);
    }
}
