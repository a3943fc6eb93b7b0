package org.chunfeng.employment.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A registration as typed on the form or read from a spreadsheet row. Vocabulary fields and dates are text, so
 * that every bad field can be named in one answer (a typed enum would stop at the first), and so clerks may write
 * either the code or the Chinese label.
 */
@Schema(description = "A worker's registration. Vocabulary fields accept the code or the Chinese label.")
public record RegistrationForm(
        @Schema(example = "王秀英", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "18-character resident ID number (GB 11643); stored only hashed and masked",
                example = "34162319850612002X", requiredMode = Schema.RequiredMode.REQUIRED) String idNumber,
        @Schema(description = "Mainland mobile number", example = "13800000000",
                requiredMode = Schema.RequiredMode.REQUIRED) String phone,
        @Schema(description = "户编号", example = "LX-CJJ-0001", requiredMode = Schema.RequiredMode.REQUIRED)
        String householdId,
        @Schema(description = "POOR (建档立卡贫困户), UNSTABLE (脱贫不稳定户), MARGINAL (边缘户) or NONE",
                example = "POOR", requiredMode = Schema.RequiredMode.REQUIRED) String povertyStatus,
        @Schema(description = "Any of ELDERLY, SERIOUSLY_ILL, DISABLED") List<String> specialGroups,
        @Schema(example = "利辛县", requiredMode = Schema.RequiredMode.REQUIRED) String county,
        @Schema(example = "程家集镇", requiredMode = Schema.RequiredMode.REQUIRED) String town,
        @Schema(example = "李楼村", requiredMode = Schema.RequiredMode.REQUIRED) String village,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CollectionPointForm collectionPoint,
        @Schema(description = "Home coordinates (WGS-84)", requiredMode = Schema.RequiredMode.REQUIRED)
        Coordinates home,
        List<SkillForm> skills,
        @Schema(description = "LOCAL (就地就近), AWAY (外出务工) or EITHER", example = "EITHER",
                requiredMode = Schema.RequiredMode.REQUIRED) String intent,
        List<String> preferredCities,
        @Schema(description = "Yuan per month; 0 when any wage will do", example = "3000") Integer minMonthlyWage,
        @Schema(description = "Date like 2026-02-20; today when absent", example = "2026-02-20") String availableFrom,
        @Schema(description = "GREEN, YELLOW or RED", example = "GREEN",
                requiredMode = Schema.RequiredMode.REQUIRED) String fitness,
        @Schema(description = "Date of the health check", example = "2026-02-10",
                requiredMode = Schema.RequiredMode.REQUIRED) String fitnessCheckedOn) {

    /**
     * Where a bus can pick the worker up. Named points are shared per village: a known name keeps its first
     * coordinates, and a new one without coordinates takes the worker's home.
     */
    public record CollectionPointForm(@Schema(example = "李楼村村委会") String name,
            @Schema(example = "33.1432") Double lat, @Schema(example = "116.2101") Double lon) {
    }

    public record Coordinates(@Schema(example = "33.1410") Double lat, @Schema(example = "116.2089") Double lon) {
    }

    public record SkillForm(@Schema(description = "Code or label from GET /api/workers/skills",
            example = "ELECTRONICS_ASSEMBLY") String skill, @Schema(example = "3") Integer years) {
    }
}
