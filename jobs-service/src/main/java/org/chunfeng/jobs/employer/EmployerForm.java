package org.chunfeng.jobs.employer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.jobs.posting.SiteForm;

/** A new employer. A public-welfare programme names the town it belongs to. */
public record EmployerForm(
        @NotBlank @Size(max = 200) String name,
        @NotNull EmployerKind kind,
        @Size(max = 100) String contactName,
        @Size(max = 40) String contactPhone,
        @Size(max = 100) String town,
        @Valid SiteForm location) {
}
