package org.chunfeng.employment.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.employment.registration.RegistrationRules;
import org.chunfeng.employment.worker.Details;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.importing.SheetFormat;
import org.chunfeng.kit.importing.SheetRows;
import org.chunfeng.kit.importing.SourceRow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The template read back by the same reader and parsing an upload goes through: its example row is a well-formed
 * worker in every field, and is refused only for being the example, so a sheet uploaded with it left in registers
 * nobody made up.
 */
class ImportTemplateTest {

    /** A day after the example's health check, as any import from now on is. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void theExampleRowPassesEveryRuleAndIsRefusedOnlyAsTheExample(SheetFormat format) throws IOException {
        Path file = folder.resolve("template." + format.name().toLowerCase());
        Files.write(file, format == SheetFormat.CSV ? ImportTemplate.SHEET.csv() : ImportTemplate.SHEET.xlsx());
        assertThat(SheetFormat.detect(file)).isEqualTo(format);

        try (SheetRows rows = SheetRows.open(file, format)) {
            List<String> header = rows.header();
            assertThat(header).startsWith("姓名", "身份证号", "手机号");
            List<String> problems = new ArrayList<>();
            ColumnMap columns = ColumnMap.of(header, problems);
            assertThat(problems).isEmpty();

            assertThat(rows.hasNext()).isTrue();
            SourceRow row = rows.next();
            RowParser.Outcome outcome = RowParser.check(row, columns, TODAY);
            assertThat(outcome.problems()).extracting(FieldViolation::field, FieldViolation::message)
                    .containsExactly(tuple("身份证号", RowParser.EXAMPLE_ROW));
            List<FieldViolation> numbers = new ArrayList<>();
            RegistrationRules.Result result = RegistrationRules.check(RowParser.form(row, columns, numbers), TODAY);
            assertThat(numbers).isEmpty();
            assertThat(result.violations()).isEmpty();
            Details d = result.checked().details();
            assertThat(d.name()).isEqualTo("张秀兰");
            assertThat(d.povertyStatus()).isEqualTo(PovertyStatus.MARGINAL);
            assertThat(d.skills()).extracting(s -> s.skill() + ":" + s.years())
                    .containsExactly(Skill.GARMENT + ":3", Skill.CLEANING + ":1");
            assertThat(result.checked().nationalId().masked()).startsWith("341623");
            assertThat(rows.hasNext()).as("one example row").isFalse();
        }
    }
}
