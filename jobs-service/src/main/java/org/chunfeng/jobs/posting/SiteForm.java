package org.chunfeng.jobs.posting;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;

/** A site as a form gives it: address, the city or county it belongs to, and WGS-84 coordinates. */
public record SiteForm(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

    public Place toPlace(String id) {
        return new Place(id, name.trim(), city.trim(), new GeoPoint(lat, lon));
    }
}
