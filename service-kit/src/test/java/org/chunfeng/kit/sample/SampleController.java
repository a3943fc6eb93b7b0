package org.chunfeng.kit.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.Map;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.kit.error.ConflictException;
import org.chunfeng.kit.error.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exercise each kind of error answer. */
@RestController
class SampleController {

    record SampleForm(@NotBlank String name, @Min(16) int age, PovertyStatus povertyStatus, LocalDate availableFrom) {
    }

    @PostMapping("/api/sample")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    Map<String, Object> create(@Valid @RequestBody SampleForm form) {
        if ("duplicate".equals(form.name())) {
            throw new ConflictException("duplicate", "Already registered", Map.of("existingId", "w-1"));
        }
        if ("domain".equals(form.name())) {
            throw new InvalidInputException("name", "is reserved");
        }
        return Map.of("name", form.name());
    }

    @GetMapping("/api/sample/{page}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> page(@PathVariable int page, @RequestParam(defaultValue = "10") int size) {
        return Map.of("page", page, "size", size);
    }

    @PostMapping("/api/sample/open")
    Map<String, Object> open() {
        return Map.of("open", true);
    }
}
