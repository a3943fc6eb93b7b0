package org.chunfeng.jobs.posting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.kit.importing.SheetTemplate;

/**
 * The postings' sheet a clerk fills in: the first Chinese header {@link PostingImport} knows for each field, in its
 * order, the field's English name as the alias, and one example row that imports as it stands once its employer id
 * is one of the county's employers.
 */
final class PostingTemplate {

    /** The example row, by field; its employer id is a stand-in the clerk replaces. */
    static final Map<String, String> EXAMPLE = Map.ofEntries(Map.entry("employerId", "emp-示例-请换成用人单位编号"),
            Map.entry("title", "服装缝纫工"), Map.entry("category", "服装加工"), Map.entry("requiredSkills", "服装加工"),
            Map.entry("openings", "20"), Map.entry("siteName", "利辛经济开发区服装产业园"), Map.entry("city", "利辛县"),
            Map.entry("lat", "33.1412"), Map.entry("lon", "116.2085"), Map.entry("monthlyWage", "4200"),
            Map.entry("startDate", "2027-03-01"), Map.entry("accommodation", "是"), Map.entry("minAge", "18"),
            Map.entry("maxAge", "55"), Map.entry("suitableFor", "老人、残疾"));

    static final SheetTemplate SHEET = sheet();

    private PostingTemplate() {
    }

    private static SheetTemplate sheet() {
        List<SheetTemplate.Column> columns = new ArrayList<>();
        List<String> example = new ArrayList<>();
        PostingImport.names().forEach((field, names) -> {
            columns.add(new SheetTemplate.Column(names[1], field, PostingImport.REQUIRED.contains(field),
                    note(field), field.equals("employerId") || field.equals("siteName") ? 24 : 12,
                    field.equals("employerId")));
            example.add(EXAMPLE.get(field));
        });
        return new SheetTemplate("岗位表", "job-import-template", columns, List.of(example));
    }

    static String note(String field) {
        return switch (field) {
            case "employerId" -> "“用工单位”页上列出的单位编号，如 emp-…；示例行的编号要换掉 / the employer's id as the "
                    + "Employers page lists it; replace the example's";
            case "category" -> "工种，写名称或代码：" + String.join("、", java.util.Arrays.stream(Skill.values())
                    .map(s -> s.labelZh() + " " + s.name()).toList());
            case "requiredSkills" -> "可多选，用、分隔 / several, separated by 、";
            case "openings" -> "招聘人数，整数 / a whole number, 1 to 100,000";
            case "siteName" -> "上班的地点名称 / the site where the work is";
            case "city" -> "地点所在的市或县 / the city or county of the site";
            case "lat", "lon" -> "工作地点坐标 / the site's coordinates (WGS-84, decimal degrees)";
            case "monthlyWage" -> "元/月 / yuan per month";
            case "startDate" -> "日期，如 2027-03-01 / a date like 2027-03-01";
            case "accommodation" -> "是 / 否 (yes, no)；空为否 / blank is no";
            case "minAge" -> "空为16岁 / blank is 16";
            case "maxAge" -> "空为不限 / blank is no limit";
            case "suitableFor" -> "可多选，用、分隔：老人、重病、残疾 (ELDERLY, SERIOUSLY_ILL, DISABLED)";
            default -> "";
        };
    }
}
