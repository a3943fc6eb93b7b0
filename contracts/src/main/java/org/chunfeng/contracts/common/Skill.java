package org.chunfeng.contracts.common;

import java.util.Arrays;
import java.util.Optional;

/** The skill taxonomy shared by worker registrations and job postings. */
public enum Skill {
    CONSTRUCTION("建筑施工", "Construction"),
    ELECTRONICS_ASSEMBLY("电子装配", "Electronics assembly"),
    GARMENT("服装加工", "Garment making"),
    LOGISTICS("物流搬运", "Logistics"),
    CLEANING("保洁", "Cleaning"),
    FARMING("农业种植", "Farming"),
    FRUIT_GROWING("果树种植", "Fruit growing"),
    DRIVING("驾驶", "Driving"),
    COOKING("烹饪", "Cooking"),
    CARE_WORK("护理", "Care work"),
    SECURITY("安保", "Security"),
    GENERAL_LABOUR("普工", "General labour");

    private final String labelZh;
    private final String labelEn;

    Skill(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Finds a skill by its code or by either label, ignoring case: clerks type whichever they know. */
    public static Optional<Skill> lookup(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(t) || s.labelZh.equals(t) || s.labelEn.equalsIgnoreCase(t))
                .findFirst();
    }
}
