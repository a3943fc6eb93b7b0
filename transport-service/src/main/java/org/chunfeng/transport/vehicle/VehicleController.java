package org.chunfeng.transport.vehicle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.error.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/vehicles")
@PreAuthorize("hasRole('TRANSPORT_COORDINATOR')")
@Tag(name = "Vehicles", description = "The buses lent to the campaign, their drivers, depots and free days")
class VehicleController {

    private final Vehicles vehicles;
    private final VehicleImport imports;

    VehicleController(Vehicles vehicles, VehicleImport imports) {
        this.vehicles = vehicles;
        this.imports = imports;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a vehicle", description = "Plates are unique (409 duplicate-plate). The dates it "
            + "is free on are planned again.")
    Vehicle create(@RequestBody VehicleForm form) {
        return vehicles.create(form);
    }

    @GetMapping
    @Operation(summary = "List vehicles", description = "All of them, or those free on a date")
    List<Vehicle> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return date == null ? vehicles.all() : vehicles.availableOn(date);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vehicle")
    Vehicle one(@PathVariable String id) {
        return vehicles.byId(id).orElseThrow(() -> new NotFoundException("Vehicle", id));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import vehicles from CSV or XLSX", description = "Header row: " + "plate, seats, operator, "
            + "driverName, driverPhone, depotLat, depotLon, availableFrom, availableTo. Rows are created or updated "
            + "by plate; each row's outcome (CREATED, UPDATED, UNCHANGED or REJECTED with its errors) is reported.")
    VehicleImport.Report importFile(@RequestPart("file") MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        return imports.importFile(file.getOriginalFilename(), file.getInputStream());
    }
}
