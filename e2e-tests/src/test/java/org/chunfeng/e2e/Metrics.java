package org.chunfeng.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of an application's {@code /actuator/prometheus}, read as the Prometheus text format lays it out:
 * {@code # TYPE} lines name the families, sample lines carry a name, labels and a value. Whether the text is valid
 * at all is {@code promtool}'s to say (see {@link MetricsTest}); this only looks things up in it.
 */
record Metrics(String app, String text, Map<String, String> types, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( \\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Metrics scrape(ChunfengSystem system, String app) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.appUrl(app) + "/actuator/prometheus"))
                .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(app + " /actuator/prometheus answered " + response.statusCode());
            }
            return parse(app, response.body());
        } catch (IOException e) {
            throw new AssertionError(app + " /actuator/prometheus: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    static Metrics parse(String app, String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                types.put(type.group(1), type.group(2));
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError(app + ": not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return new Metrics(app, text, types, samples);
    }

    /** The families whose names start with {@code chunfeng_}. */
    Set<String> chunfengFamilies() {
        Set<String> names = new TreeSet<>();
        types.keySet().stream().filter(n -> n.startsWith("chunfeng_")).forEach(names::add);
        return names;
    }

    /**
     * Whether a family of this name is exposed, by its {@code # TYPE} line or its samples: a counter's family may
     * be typed with or without {@code _total}, a histogram's samples end in {@code _bucket}, {@code _count} and
     * {@code _sum}.
     */
    boolean has(String name) {
        String family = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        return types.containsKey(name) || types.containsKey(family)
                || samples.stream().anyMatch(s -> s.name().equals(name) || s.name().equals(name + "_count"));
    }

    /** The sum of the samples of this name whose labels include the given ones. */
    double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }
}
