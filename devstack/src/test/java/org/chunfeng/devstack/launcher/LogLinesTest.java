package org.chunfeng.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLinesTest {

    @Test
    void showsAJsonLogLineAsTimeLevelLoggerMessageAndError() {
        String line = "{\"@timestamp\":\"2026-11-30T00:08:11.068595898Z\",\"log\":{\"level\":\"ERROR\","
                + "\"logger\":\"org.springframework.boot.SpringApplication\"},\"message\":\"Application run failed\","
                + "\"error\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"No administrator account"
                + " exists.\",\"stack_trace\":\"java.lang.IllegalStateException: ...\"}}";

        assertThat(LogLines.readable(line)).isEqualTo("00:08:11 ERROR SpringApplication: Application run failed:"
                + " IllegalStateException: No administrator account exists.");
    }

    @Test
    void leavesOtherLinesAlone() {
        assertThat(LogLines.readable("Error: Invalid or corrupt jarfile gateway.jar"))
                .isEqualTo("Error: Invalid or corrupt jarfile gateway.jar");
        assertThat(LogLines.readable("{not json")).isEqualTo("{not json");
    }
}
