package org.chunfeng.employment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 2, 15);

    /** A valid number for this birth date and sequence, with the check digit GB 11643 gives it. */
    static String idFor(String birth, String sequence) {
        String first17 = "341623" + birth + sequence;
        return first17 + NationalId.checkDigit(first17);
    }

    @Test
    void acceptsAGoodNumberAndDerivesBirthDateSexAndAge() {
        // 11010519491231002X is the standard's own example, check digit X.
        NationalId id = NationalId.parse("11010519491231002X", LocalDate.of(2020, 1, 1));
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo("F");
        assertThat(id.ageOn(LocalDate.of(2020, 1, 1))).isEqualTo(70);

        NationalId man = NationalId.parse(idFor("19850612", "013"), TODAY);
        assertThat(man.sex()).isEqualTo("M");
        assertThat(man.ageOn(TODAY)).isEqualTo(40);
    }

    @Test
    void computesEveryCheckDigitIncludingX() {
        assertThat(NationalId.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(NationalId.checkDigit("44052418800101001")).isEqualTo('4');
        for (int seq = 0; seq < 200; seq++) {
            String number = idFor("19900101", String.format("%03d", seq));
            assertThat(NationalId.problem(number, TODAY)).as(number).isEmpty();
        }
    }

    @Test
    void acceptsALowerCaseXAndSpaces() {
        assertThat(NationalId.parse(" 110105 19491231 002x ", LocalDate.of(2020, 1, 1)).masked())
                .isEqualTo("110105**********2X");
    }

    @Test
    void refusesAWrongCheckDigit() {
        String good = idFor("19850612", "013");
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        assertThat(NationalId.problem(good.substring(0, 17) + wrong, TODAY)).hasValueSatisfying(
                m -> assertThat(m).contains("check digit"));
        assertThat(NationalId.problem("110105194912310021", LocalDate.of(2020, 1, 1))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19990230", "19990231", "20230229", "19991301", "19990000"})
    void refusesImpossibleBirthDates(String birth) {
        assertThat(NationalId.problem(idFor(birth, "011"), TODAY)).hasValueSatisfying(
                m -> assertThat(m).contains("birth date that does not exist"));
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryInALeapYear() {
        assertThat(NationalId.problem(idFor("19960229", "011"), TODAY)).isEmpty();
    }

    @Test
    void refusesTheWrongShape() {
        assertThat(NationalId.problem("", TODAY)).hasValue("is required");
        assertThat(NationalId.problem(null, TODAY)).hasValue("is required");
        assertThat(NationalId.problem("3416231985061201", TODAY)).hasValueSatisfying(
                m -> assertThat(m).contains("18 characters"));
        assertThat(NationalId.problem("34162319850612A13X", TODAY)).hasValueSatisfying(
                m -> assertThat(m).contains("17 digits"));
        assertThat(NationalId.problem("34162319850612013Y", TODAY)).hasValueSatisfying(
                m -> assertThat(m).contains("17 digits"));
    }

    @Test
    void keepsToTheAgeLimitsOfSixteenToSeventyFive() {
        assertThat(NationalId.problem(idFor("20100215", "011"), TODAY)).as("16 today").isEmpty();
        assertThat(NationalId.problem(idFor("20100216", "011"), TODAY)).as("16 tomorrow")
                .hasValueSatisfying(m -> assertThat(m).contains("aged 15"));
        assertThat(NationalId.problem(idFor("19500216", "011"), TODAY)).as("75 until tomorrow").isEmpty();
        assertThat(NationalId.problem(idFor("19500215", "011"), TODAY)).as("76 today")
                .hasValueSatisfying(m -> assertThat(m).contains("aged 76"));
        assertThat(NationalId.problem(idFor("20270101", "011"), TODAY)).hasValueSatisfying(
                m -> assertThat(m).contains("future"));
    }

    @Test
    void masksAllButTheFirstSixAndLastTwoAndNeverPrintsTheNumber() {
        String number = idFor("19850612", "013");
        NationalId id = NationalId.parse(number, TODAY);
        assertThat(id.masked()).isEqualTo("341623**********" + number.substring(16)).hasSize(18);
        assertThat(id.toString()).isEqualTo(id.masked()).doesNotContain("19850612");
        NationalId withX = NationalId.parse("34162319850612002X".substring(0, 17)
                + NationalId.checkDigit("34162319850612002"), TODAY);
        assertThat(withX.masked()).startsWith("341623**********");
    }

    @Test
    void hashesWithTheKeySoAnotherKeyGivesAnotherHash() {
        NationalId id = NationalId.parse(idFor("19850612", "013"), TODAY);
        IdentityHasher one = new IdentityHasher("first-key-of-sixteen-chars");
        IdentityHasher two = new IdentityHasher("second-key-of-sixteen-chars");
        assertThat(one.idNumber(id)).hasSize(64).isEqualTo(one.idNumber(id.number().toLowerCase()))
                .isNotEqualTo(two.idNumber(id)).doesNotContain(id.number());
        assertThat(one.idNumber(id)).isNotEqualTo(one.reference(id.number()));
        assertThatThrownBy(() -> new IdentityHasher("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
