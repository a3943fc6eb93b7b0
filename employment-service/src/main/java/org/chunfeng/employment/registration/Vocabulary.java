package org.chunfeng.employment.registration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/** The words clerks use for each code, so a sheet typed in Chinese reads the same as one typed in codes. */
public final class Vocabulary {

    private static final Map<String, PovertyStatus> POVERTY = Map.ofEntries(
            Map.entry("建档立卡贫困户", PovertyStatus.POOR), Map.entry("贫困户", PovertyStatus.POOR),
            Map.entry("建档立卡户", PovertyStatus.POOR), Map.entry("脱贫不稳定户", PovertyStatus.UNSTABLE),
            Map.entry("不稳定户", PovertyStatus.UNSTABLE), Map.entry("边缘户", PovertyStatus.MARGINAL),
            Map.entry("边缘易致贫户", PovertyStatus.MARGINAL), Map.entry("一般户", PovertyStatus.NONE),
            Map.entry("无", PovertyStatus.NONE), Map.entry("非贫困户", PovertyStatus.NONE));
    private static final Map<String, SpecialGroup> GROUPS = Map.of(
            "老人", SpecialGroup.ELDERLY, "贫困老人", SpecialGroup.ELDERLY, "老年人", SpecialGroup.ELDERLY,
            "重病", SpecialGroup.SERIOUSLY_ILL, "重病病人", SpecialGroup.SERIOUSLY_ILL, "大病", SpecialGroup.SERIOUSLY_ILL,
            "残疾", SpecialGroup.DISABLED, "残疾人", SpecialGroup.DISABLED, "贫困残疾人", SpecialGroup.DISABLED);
    private static final Map<String, WorkIntent> INTENTS = Map.of(
            "就地就近", WorkIntent.LOCAL, "就近", WorkIntent.LOCAL, "本地", WorkIntent.LOCAL,
            "外出务工", WorkIntent.AWAY, "外出", WorkIntent.AWAY, "均可", WorkIntent.EITHER, "都可以", WorkIntent.EITHER,
            "不限", WorkIntent.EITHER);
    private static final Map<String, TravelFitness> FITNESS = Map.of(
            "绿", TravelFitness.GREEN, "绿码", TravelFitness.GREEN, "健康", TravelFitness.GREEN,
            "黄", TravelFitness.YELLOW, "黄码", TravelFitness.YELLOW,
            "红", TravelFitness.RED, "红码", TravelFitness.RED);

    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、，,;；/|]+");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Vocabulary() {
    }

    public static Optional<PovertyStatus> povertyStatus(String text) {
        return lookup(text, PovertyStatus.class, POVERTY);
    }

    public static Optional<SpecialGroup> specialGroup(String text) {
        return lookup(text, SpecialGroup.class, GROUPS);
    }

    public static Optional<WorkIntent> intent(String text) {
        return lookup(text, WorkIntent.class, INTENTS);
    }

    public static Optional<TravelFitness> fitness(String text) {
        return lookup(text, TravelFitness.class, FITNESS);
    }

    /** 2026-02-15, 2026/2/15, 2026.2.15, 2026年2月15日 or 20260215; empty when it is none of them or not a real day. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            Matcher m = YMD.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (t.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(t, COMPACT));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Splits a cell that lists several values: 、，,;；/ and spaces all separate. */
    public static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(LIST_SEPARATORS.split(text)).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    public static String describe(Class<? extends Enum<?>> type) {
        return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
    }

    private static <E extends Enum<E>> Optional<E> lookup(String text, Class<E> type, Map<String, E> words) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(t)) {
                return Optional.of(value);
            }
        }
        return Optional.ofNullable(words.get(t));
    }
}
