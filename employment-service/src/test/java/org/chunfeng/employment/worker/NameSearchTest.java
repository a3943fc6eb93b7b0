package org.chunfeng.employment.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NameSearchTest {

    @Test
    void whatIsTypedIsMatchedLiterallyAndLatinInEitherCase() {
        assertThat(find("li.n", "Li.Na")).isTrue();
        assertThat(find("li.n", "Lixna")).isFalse();
        assertThat(find(".*", "王秀英")).isFalse();
        assertThat(find("a|b", "a")).isFalse();
        assertThat(find("阿依古丽·买", "阿依古丽·买买提")).isTrue();
        assertThat(find("\\\\", "a\\\\b")).isTrue();
        assertThat(find("(", "李(娜)")).isTrue();
        assertThat(find(" 秀英 ", "王秀英")).isTrue();
    }

    private static boolean find(String typed, String name) {
        return Pattern.compile(NameSearch.pattern(typed), Pattern.CASE_INSENSITIVE).matcher(name).find();
    }
}
