package org.chunfeng.transport.vehicle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.chunfeng.kit.error.FieldViolation;

/** A vehicle as a coordinator enters it, by form or as one row of an imported sheet. */
@Schema(description = "A bus lent to the campaign")
public record VehicleForm(
        @Schema(example = "皖S12345") String plate,
        @Schema(example = "45") Integer seats,
        @Schema(example = "利辛县客运公司") String operator,
        @Schema(example = "张师傅") String driverName,
        @Schema(example = "13912345678") String driverPhone,
        @Schema(example = "33.144") Double depotLat,
        @Schema(example = "116.208") Double depotLon,
        @Schema(example = "2026-02-15") LocalDate availableFrom,
        @Schema(example = "2026-03-15") LocalDate availableTo) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final int MAX_SEATS = 80;

    public List<FieldViolation> violations() {
        List<FieldViolation> v = new ArrayList<>();
        if (plate == null || plate.isBlank()) {
            v.add(new FieldViolation("plate", "is required"));
        } else if (plate.strip().length() > 12) {
            v.add(new FieldViolation("plate", "must be at most 12 characters"));
        }
        if (seats == null) {
            v.add(new FieldViolation("seats", "is required"));
        } else if (seats < 1 || seats > MAX_SEATS) {
            v.add(new FieldViolation("seats", "must be between 1 and " + MAX_SEATS));
        }
        if (driverName == null || driverName.isBlank()) {
            v.add(new FieldViolation("driverName", "is required"));
        }
        if (driverPhone == null || !MOBILE.matcher(driverPhone.strip()).matches()) {
            v.add(new FieldViolation("driverPhone", "must be an 11-digit mobile number"));
        }
        if (depotLat == null || depotLat < -90 || depotLat > 90) {
            v.add(new FieldViolation("depotLat", "must be a latitude between -90 and 90"));
        }
        if (depotLon == null || depotLon < -180 || depotLon > 180) {
            v.add(new FieldViolation("depotLon", "must be a longitude between -180 and 180"));
        }
        if (availableFrom == null) {
            v.add(new FieldViolation("availableFrom", "is required"));
        }
        if (availableTo == null) {
            v.add(new FieldViolation("availableTo", "is required"));
        }
        if (availableFrom != null && availableTo != null && availableTo.isBefore(availableFrom)) {
            v.add(new FieldViolation("availableTo", "must not be before availableFrom"));
        }
        return v;
    }

    String normalisedPlate() {
        return plate.strip().toUpperCase();
    }
}
