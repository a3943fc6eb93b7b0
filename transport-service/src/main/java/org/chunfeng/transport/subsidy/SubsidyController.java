package org.chunfeng.transport.subsidy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.kit.error.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/subsidies")
@PreAuthorize("hasAnyRole('TRANSPORT_COORDINATOR', 'LABOUR_OFFICE')")
@Tag(name = "Fare subsidies", description = "The ledger of fares paid where no bus fits (补贴车费)")
class SubsidyController {

    record Ledger(List<SubsidyRecord> entries, SubsidyLedger.Totals totals) {
    }

    private final SubsidyLedger ledger;

    SubsidyController(SubsidyLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    @Operation(summary = "Subsidies paid, with totals by town and by travel date",
            description = "Optionally only one travel date and/or one town")
    Ledger list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String town) {
        List<SubsidyRecord> entries = ledger.list(date, town);
        return new Ledger(entries, SubsidyLedger.totals(entries));
    }

    @GetMapping("/{placementId}")
    @Operation(summary = "The subsidy of one placement, with the reason no bus could carry the worker")
    SubsidyRecord one(@PathVariable String placementId) {
        return ledger.find(placementId).orElseThrow(() -> new NotFoundException("Subsidy for placement", placementId));
    }
}
