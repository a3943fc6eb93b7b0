package org.chunfeng.employment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

    @Test
    void acceptsMainlandMobilesWrittenInTheUsualWays() {
        assertThat(Phone.parse("13800000000")).isEqualTo("13800000000");
        assertThat(Phone.parse("138 0000 0000")).isEqualTo("13800000000");
        assertThat(Phone.parse("138-0000-0000")).isEqualTo("13800000000");
        assertThat(Phone.parse("+86 19912345678")).isEqualTo("19912345678");
        assertThat(Phone.parse("8615512345678")).isEqualTo("15512345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12800000000", "1380000000", "138000000000", "0551-1234567", "1380000000a", "10086"})
    void refusesWhatIsNotAMobile(String text) {
        assertThatThrownBy(() -> Phone.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 digits");
    }

    @Test
    void requiresOne() {
        assertThatThrownBy(() -> Phone.parse(" ")).hasMessage("is required");
        assertThatThrownBy(() -> Phone.parse(null)).hasMessage("is required");
    }

    @Test
    void masksTheMiddleFour() {
        assertThat(Phone.mask("13800001234")).isEqualTo("138****1234");
    }
}
