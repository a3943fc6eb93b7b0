package org.chunfeng.employment.importing;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.kit.importing.SheetTemplate;

/**
 * The sheet a village clerk fills in: the headers in Chinese, one example row, and a notes sheet saying what each
 * column takes. The kit's {@link SheetTemplate} writes it, as it writes the postings' sheet.
 */
public final class ImportTemplate {

    /**
     * The example row, by column: a made-up worker of one of the county's villages (places.json) whose ID number
     * has a valid check digit, so the row imports as it stands and shows each column filled in as the clerk's
     * words allow. A clerk deletes it before filling in real workers.
     */
    static final Map<ImportColumn, String> EXAMPLE = example();

    static final SheetTemplate SHEET = new SheetTemplate("登记表", "worker-import-template",
            Arrays.stream(ImportColumn.values()).map(ImportTemplate::column).toList(),
            List.of(Arrays.stream(ImportColumn.values()).map(c -> EXAMPLE.getOrDefault(c, "")).toList()));

    private ImportTemplate() {
    }

    private static Map<ImportColumn, String> example() {
        Map<ImportColumn, String> row = new EnumMap<>(ImportColumn.class);
        row.put(ImportColumn.NAME, "张秀兰");
        // 341623 is 利辛县; born 1988-03-15; sequence 002; check digit 2 (GB 11643).
        row.put(ImportColumn.ID_NUMBER, "341623198803150022");
        row.put(ImportColumn.PHONE, "13955501234");
        row.put(ImportColumn.HOUSEHOLD_ID, "CJJ-CJ-0001");
        row.put(ImportColumn.POVERTY_STATUS, "边缘户");
        row.put(ImportColumn.COUNTY, "利辛县");
        row.put(ImportColumn.TOWN, "程家集镇");
        row.put(ImportColumn.VILLAGE, "程集村");
        row.put(ImportColumn.COLLECTION_POINT, "程集村村委会集合点");
        row.put(ImportColumn.LAT, "33.1231");
        row.put(ImportColumn.LON, "116.2287");
        row.put(ImportColumn.SKILLS, "服装加工:3、保洁");
        row.put(ImportColumn.YEARS, "1");
        row.put(ImportColumn.INTENT, "就地就近");
        row.put(ImportColumn.PREFERRED_CITIES, "利辛县、阜阳");
        row.put(ImportColumn.MIN_MONTHLY_WAGE, "3500");
        row.put(ImportColumn.AVAILABLE_FROM, "2027-03-01");
        row.put(ImportColumn.FITNESS, "绿");
        row.put(ImportColumn.FITNESS_CHECKED_ON, "2026-10-20");
        return Map.copyOf(row);
    }

    private static SheetTemplate.Column column(ImportColumn column) {
        boolean idNumber = column == ImportColumn.ID_NUMBER;
        boolean text = idNumber || column == ImportColumn.PHONE || column == ImportColumn.HOUSEHOLD_ID;
        return new SheetTemplate.Column(column.header(), column.english(), column.required(), note(column),
                idNumber ? 22 : 14, text);
    }

    static String note(ImportColumn column) {
        return switch (column) {
            case ID_NUMBER -> "18位身份证号，单元格设为文本 / 18 characters, cell formatted as text";
            case PHONE -> "11位手机号 / mainland mobile, 11 digits";
            case POVERTY_STATUS -> "建档立卡贫困户 / 脱贫不稳定户 / 边缘户 / 一般户 (POOR, UNSTABLE, MARGINAL, NONE)";
            case SPECIAL_GROUPS -> "可多选，用、分隔：贫困老人、重病病人、贫困残疾人 (ELDERLY, SERIOUSLY_ILL, DISABLED)";
            case COLLECTION_POINT -> "村里的集合点名称；同村同名即同一地点 / the village pickup point's name";
            case LAT, LON -> "家庭位置坐标 / home coordinates (WGS-84, decimal degrees)";
            case COLLECTION_POINT_LAT, COLLECTION_POINT_LON ->
                    "新集合点的坐标；空则用已登记坐标或家庭坐标 / for a new point; blank uses the known point or home";
            case SKILLS -> "用、分隔，可写年限如 电子装配:3；可选：" + Arrays.stream(Skill.values())
                    .map(Skill::labelZh).collect(Collectors.joining("、"));
            case YEARS -> "技能未写年限时的从业年限 / years for skills listed without their own";
            case INTENT -> "就地就近 / 外出务工 / 均可 (LOCAL, AWAY, EITHER)";
            case PREFERRED_CITIES -> "用、分隔 / separated by 、";
            case MIN_MONTHLY_WAGE -> "元/月 / yuan per month";
            case AVAILABLE_FROM, FITNESS_CHECKED_ON -> "日期，如 2026-02-20 / a date like 2026-02-20";
            case FITNESS -> "绿 / 黄 / 红 (GREEN, YELLOW, RED)";
            default -> "";
        };
    }
}
