package org.chunfeng.employment.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.employment.worker.Details;
import org.chunfeng.employment.worker.NationalId;
import org.chunfeng.kit.error.FieldViolation;
import org.junit.jupiter.api.Test;
import org.chunfeng.kit.importing.SourceRow;

/** One sheet row to one registration, without Spring: headers, words, numbers, dates and every rule. */
class RowParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 2, 15);
    static final String ID = "34162319850612013" + NationalId.checkDigit("34162319850612013");
    static final List<String> CHINESE = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList();

    static SourceRow row(String... cells) {
        return new SourceRow(2, Arrays.asList(cells), Set.of());
    }

    static String[] goodCells() {
        return new String[] {"李明", ID, "138 1234 5678", "H-1", "边缘户", "老人、残疾", "利辛县", "程家集镇", "李楼村",
            "村委会", "33.14", "116.21", "", "", "电子装配（3年）、保洁", "2", "就地就近", "合肥，苏州", "3,500",
            "2026年2月20日", "绿码", "20260110"};
    }

    static ColumnMap columns(List<String> header) {
        List<String> problems = new ArrayList<>();
        ColumnMap map = ColumnMap.of(header, problems);
        assertThat(problems).isEmpty();
        return map;
    }

    @Test
    void readsAClerksRowWrittenInChineseWords() {
        RowParser.Outcome outcome = RowParser.check(row(goodCells()), columns(CHINESE), TODAY);
        assertThat(outcome.problems()).isEmpty();
        Details d = outcome.checked().details();
        assertThat(d.phone()).isEqualTo("13812345678");
        assertThat(d.povertyStatus()).isEqualTo(PovertyStatus.MARGINAL);
        assertThat(d.specialGroups()).containsExactlyInAnyOrder(SpecialGroup.ELDERLY, SpecialGroup.DISABLED);
        assertThat(d.skills()).extracting(s -> s.skill() + ":" + s.years())
                .containsExactly(Skill.ELECTRONICS_ASSEMBLY + ":3", Skill.CLEANING + ":2");
        assertThat(d.intent()).isEqualTo(WorkIntent.LOCAL);
        assertThat(d.preferredCities()).containsExactly("合肥", "苏州");
        assertThat(d.minMonthlyWage()).isEqualTo(3500);
        assertThat(d.availableFrom()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(d.fitness()).isEqualTo(TravelFitness.GREEN);
        assertThat(d.fitnessCheckedOn()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(d.collectionPoint().name()).isEqualTo("村委会");
        assertThat(d.collectionPoint().location()).as("a new point without coordinates takes the home").isNull();
        assertThat(outcome.checked().nationalId().masked()).startsWith("341623");
    }

    @Test
    void acceptsEnglishAliasesInAnyOrder() {
        List<String> header = new ArrayList<>(List.of("Phone", "NAME", "idNumber", "householdId", "povertyStatus",
                "county", "town", "village", "collection point", "latitude", "lng", "intent", "fitness",
                "fitnessCheckedOn"));
        SourceRow row = row("13812345678", "Li Ming", ID, "H-1", "POOR", "利辛县", "程家集镇", "李楼村", "村口", "33.1",
                "116.2", "EITHER", "YELLOW", "2026-01-10");
        RowParser.Outcome outcome = RowParser.check(row, columns(header), TODAY);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.checked().details().name()).isEqualTo("Li Ming");
        assertThat(outcome.checked().details().fitness()).isEqualTo(TravelFitness.YELLOW);
    }

    @Test
    void namesEveryBadCellByTheFilesOwnHeader() {
        String[] cells = goodCells();
        cells[1] = "34162319990230011" + NationalId.checkDigit("34162319990230011");
        cells[2] = "110";
        cells[4] = "富裕户";
        cells[10] = "北纬33度";
        cells[11] = "200";
        cells[14] = "杂技";
        cells[18] = "很多";
        cells[19] = "2026-02-30";
        cells[20] = "蓝";
        RowParser.Outcome outcome = RowParser.check(row(cells), columns(CHINESE), TODAY);
        assertThat(outcome.isValid()).isFalse();
        assertThat(outcome.problems()).extracting(FieldViolation::field).containsExactlyInAnyOrder("身份证号", "手机号",
                "户类型", "纬度", "经度", "技能", "最低月薪", "可到岗日期", "健康状况");
        assertThat(outcome.problems()).filteredOn(p -> p.field().equals("纬度")).singleElement()
                .extracting(FieldViolation::message).isEqualTo("must be a number");
        assertThat(outcome.problems().toString()).doesNotContain(cells[1]);
    }

    @Test
    void requiredCellsLeftEmptyAreNamed() {
        String[] cells = new String[CHINESE.size()];
        Arrays.fill(cells, "");
        cells[0] = "张三";
        RowParser.Outcome outcome = RowParser.check(row(cells), columns(CHINESE), TODAY);
        assertThat(outcome.problems()).extracting(FieldViolation::field).containsExactlyInAnyOrder("身份证号", "手机号",
                "户编号", "户类型", "县", "乡镇", "村", "集合点", "纬度", "经度", "就业意向", "健康状况", "体检日期");
    }

    @Test
    void anIdNumberSavedAsANumberIsExplained() {
        String[] cells = goodCells();
        cells[1] = "341623198506120000";
        SourceRow row = new SourceRow(7, Arrays.asList(cells), Set.of(1));
        RowParser.Outcome outcome = RowParser.check(row, columns(CHINESE), TODAY);
        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("身份证号");
            assertThat(p.message()).contains("format the column as text");
        });
    }

    @Test
    void aHeaderRowMissingRequiredColumnsSaysWhich() {
        List<String> problems = new ArrayList<>();
        ColumnMap.of(List.of("\uFEFF姓名", "手机号", "手机号码"), problems);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("appears twice"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("身份证号 (idNumber)").contains("体检日期"));
    }
}
