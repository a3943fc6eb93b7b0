package org.chunfeng.jobs.employer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/employers")
@Tag(name = "Employers", description = "Enterprises, cooperatives, industrial parks, public-welfare programmes and headquarters that post jobs")
@PreAuthorize("hasRole('LABOUR_OFFICE')")
class EmployerController {

    private final Employers employers;

    EmployerController(Employers employers) {
        this.employers = employers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an employer", description = "Labour office only. A public-welfare programme must name its town.")
    Employer register(@Valid @RequestBody EmployerForm form) {
        return employers.register(form);
    }

    @GetMapping
    @Operation(summary = "List employers, by name", description = "Labour office only; optionally of one kind.")
    List<Employer> list(@RequestParam(required = false) EmployerKind kind) {
        return employers.list(kind);
    }
}
