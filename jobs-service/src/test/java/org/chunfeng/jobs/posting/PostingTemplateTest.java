package org.chunfeng.jobs.posting;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.importing.SheetFormat;
import org.chunfeng.kit.importing.SheetRows;
import org.chunfeng.kit.importing.SourceRow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The template read back by the same reader and parsing an upload goes through: its example row is a posting. */
class PostingTemplateTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void theExampleRowParsesAndValidatesWithNothingRejected(SheetFormat format) throws IOException {
        Path file = folder.resolve("template." + format.name().toLowerCase());
        Files.write(file, format == SheetFormat.CSV ? PostingTemplate.SHEET.csv() : PostingTemplate.SHEET.xlsx());
        assertThat(SheetFormat.detect(file)).isEqualTo(format);

        try (SheetRows rows = SheetRows.open(file, format)) {
            List<String> header = rows.header();
            assertThat(header).startsWith("用人单位编号", "岗位名称", "工种");
            List<String> columns = PostingImport.columns(header);
            assertThat(columns).doesNotContainNull().containsAll(PostingImport.REQUIRED);

            assertThat(rows.hasNext()).isTrue();
            SourceRow example = rows.next();
            List<FieldViolation> errors = new ArrayList<>();
            PostingForm form = PostingImport.form(PostingImport.values(example, columns), errors);
            assertThat(errors).isEmpty();
            try (var factory = Validation.buildDefaultValidatorFactory()) {
                Validator validator = factory.getValidator();
                assertThat(validator.validate(form)).isEmpty();
            }
            assertThat(form.title()).isEqualTo("服装缝纫工");
            assertThat(form.accommodation()).isTrue();
            assertThat(form.suitableFor()).hasSize(2);
            assertThat(rows.hasNext()).as("one example row").isFalse();
        }
    }
}
