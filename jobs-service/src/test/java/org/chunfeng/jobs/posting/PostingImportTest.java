package org.chunfeng.jobs.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.importing.SourceRow;
import org.junit.jupiter.api.Test;

/** The postings' sheet without Spring: its headers, its cells and the ids that make a second upload harmless. */
class PostingImportTest {

    static final List<String> CHINESE = List.of("\uFEFF用人单位编号", "岗位名称", "工种", "招聘人数", "工作地点", "所在城市", "纬度",
            "经度", "月薪", "开工日期", "包住宿", "适合群体", "备注");

    @Test
    void chineseAndEnglishHeadersNameTheSameFieldsAndUnknownColumnsAreIgnored() {
        List<String> columns = PostingImport.columns(CHINESE);
        assertThat(columns).containsExactly("employerId", "title", "category", "openings", "siteName", "city", "lat",
                "lon", "monthlyWage", "startDate", "accommodation", "suitableFor", null);
        assertThat(PostingImport.columns(List.of("EmployerId", " TITLE ", "category", "openings", "siteName", "city",
                "lat", "lon", "monthlyWage", "startDate"))).startsWith("employerId", "title");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedNamingThemInBothLanguages() {
        assertThatThrownBy(() -> PostingImport.columns(List.of("岗位名称", "招聘人数", "colour")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    FieldViolation v = ((InvalidInputException) e).violations().get(0);
                    assertThat(v.field()).isEqualTo("file");
                    assertThat(v.message()).contains("用人单位编号 (employerId)", "工种 (category)", "经度 (lon)",
                            "开工日期 (startDate)").doesNotContain("(title)", "(openings)");
                });
    }

    @Test
    void cellsBecomeAFormInTheClerksWords() {
        List<String> columns = PostingImport.columns(CHINESE);
        SourceRow row = new SourceRow(2, Arrays.asList("emp-1", " 剪枝工 ", "果树种植", "8", "一号园区", "利辛县", "33.14",
                "116.21", "3800", "2027/03/05", "包住", "老人、残疾", "随便写"), Set.of());
        List<FieldViolation> errors = new ArrayList<>();
        PostingForm form = PostingImport.form(PostingImport.values(row, columns), errors);
        assertThat(errors).isEmpty();
        assertThat(form.title()).isEqualTo("剪枝工");
        assertThat(form.category()).isEqualTo(Skill.FRUIT_GROWING);
        assertThat(form.openings()).isEqualTo(8);
        assertThat(form.site().lat()).isEqualTo(33.14);
        assertThat(form.startDate()).isEqualTo(LocalDate.of(2027, 3, 5));
        assertThat(form.accommodation()).isTrue();
        assertThat(form.suitableFor()).containsExactly(SpecialGroup.ELDERLY, SpecialGroup.DISABLED);
    }

    @Test
    void everyBadCellIsNamed() {
        List<String> columns = PostingImport.columns(CHINESE);
        SourceRow row = new SourceRow(5, Arrays.asList("emp-1", "打包工", "飞行", "2.5", "四号园区", "利辛县", "north",
                "116.2", "3900", "soon", "maybe", "妖怪"), Set.of());
        List<FieldViolation> errors = new ArrayList<>();
        PostingImport.form(PostingImport.values(row, columns), errors);
        assertThat(errors).extracting(FieldViolation::field).containsExactlyInAnyOrder("category", "openings", "lat",
                "startDate", "accommodation", "suitableFor");
    }

    @Test
    void aStartDateExcelKeptAsADayNumberIsThatDay() {
        List<String> columns = PostingImport.columns(CHINESE);
        List<String> cells = new ArrayList<>(Arrays.asList("emp-1", "缝纫工", "GARMENT", "3", "园区", "合肥", "31.8",
                "117.2", "4800", "46458"));
        Map<String, String> numeric = PostingImport.values(new SourceRow(2, cells, Set.of(9)), columns);
        assertThat(numeric.get("startDate")).isEqualTo("2027-03-12");
        Map<String, String> typed = PostingImport.values(new SourceRow(2, cells, Set.of()), columns);
        assertThat(typed.get("startDate")).as("typed as text it stays what was typed").isEqualTo("46458");
    }

    @Test
    void aRowsPostingIdFollowsFromWhatItSays() {
        List<String> columns = PostingImport.columns(CHINESE);
        List<String> cells = Arrays.asList("emp-1", "装卸工", "LOGISTICS", "6", "物流园", "利辛县", "33.1", "116.2", "4200",
                "2027-03-08", "否", "");
        PostingForm first = PostingImport.form(PostingImport.values(new SourceRow(2, cells, Set.of()), columns),
                new ArrayList<>());
        PostingForm again = PostingImport.form(PostingImport.values(new SourceRow(9, cells, Set.of()), columns),
                new ArrayList<>());
        List<String> more = new ArrayList<>(cells);
        more.set(3, "7");
        PostingForm other = PostingImport.form(PostingImport.values(new SourceRow(3, more, Set.of()), columns),
                new ArrayList<>());
        assertThat(PostingImport.idOf(first)).startsWith("job-").isEqualTo(PostingImport.idOf(again))
                .isNotEqualTo(PostingImport.idOf(other));
    }
}
