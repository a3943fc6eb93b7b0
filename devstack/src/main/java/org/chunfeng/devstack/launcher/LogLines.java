package org.chunfeng.devstack.launcher;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a log line readable at the terminal. The applications log one JSON object per line (ECS); shown raw, the
 * last lines of a failed start are screens of JSON in which the one message that matters is hard to find.
 */
final class LogLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogLines() {
    }

    /** {@code 12:00:01 ERROR SpringApplication: Application run failed: IllegalStateException: No ...} */
    static String readable(String line) {
        if (!line.startsWith("{")) {
            return line;
        }
        try {
            JsonNode entry = JSON.readTree(line);
            JsonNode message = entry.path("message");
            if (!message.isString()) {
                return line;
            }
            String time = entry.path("@timestamp").asString("");
            String logger = entry.path("log").path("logger").asString("");
            StringBuilder text = new StringBuilder();
            if (time.length() >= 19) {
                text.append(time, 11, 19).append(' ');
            }
            text.append(entry.path("log").path("level").asString("")).append(' ')
                    .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                    .append(message.asString());
            JsonNode error = entry.path("error");
            if (error.path("type").isString()) {
                String type = error.path("type").asString();
                text.append(": ").append(type.substring(type.lastIndexOf('.') + 1)).append(": ")
                        .append(error.path("message").asString(""));
            }
            return text.toString();
        } catch (JacksonException e) {
            return line;
        }
    }
}
