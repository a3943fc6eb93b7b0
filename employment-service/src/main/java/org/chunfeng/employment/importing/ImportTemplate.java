package org.chunfeng.employment.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.chunfeng.contracts.common.Skill;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The sheet a village clerk fills in: the headers in Chinese, and a notes sheet saying what each column takes. */
public final class ImportTemplate {

    private static final int TEXT_ROWS = 5000;

    private ImportTemplate() {
    }

    public static byte[] csv() {
        String header = Arrays.stream(ImportColumn.values()).map(ImportColumn::header)
                .collect(Collectors.joining(","));
        // With a BOM, Excel opens the UTF-8 file with the right characters.
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Chunfeng", "1.0");
        Worksheet sheet = workbook.newWorksheet("登记表");
        ImportColumn[] columns = ImportColumn.values();
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c].header());
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
            sheet.width(c, columns[c] == ImportColumn.ID_NUMBER ? 22 : 14);
            if (columns[c] == ImportColumn.ID_NUMBER || columns[c] == ImportColumn.PHONE
                    || columns[c] == ImportColumn.HOUSEHOLD_ID) {
                // As text, so Excel does not turn an 18-digit number into 3.41623E+17.
                sheet.range(1, c, TEXT_ROWS, c).style().format("@").set();
            }
        }
        Worksheet notes = workbook.newWorksheet("说明");
        String[] heads = {"列 Column", "English alias", "必填 Required", "填写说明 What it takes"};
        for (int c = 0; c < heads.length; c++) {
            notes.value(0, c, heads[c]);
            notes.style(0, c).bold().set();
        }
        notes.width(0, 14);
        notes.width(1, 20);
        notes.width(3, 90);
        for (int r = 0; r < columns.length; r++) {
            notes.value(r + 1, 0, columns[r].header());
            notes.value(r + 1, 1, columns[r].english());
            notes.value(r + 1, 2, columns[r].required() ? "是 yes" : "否 no");
            notes.value(r + 1, 3, note(columns[r]));
        }
        workbook.finish();
        return out.toByteArray();
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
