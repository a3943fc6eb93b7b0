package org.chunfeng.employment.importing;

import java.util.List;

/**
 * The columns of the import sheet, in the template's order: the Chinese header a village clerk keeps, and the
 * other names accepted for it (English aliases and common variants). Headers are matched ignoring case and spaces.
 */
public enum ImportColumn {
    NAME("姓名", true, "name", "full name"),
    ID_NUMBER("身份证号", true, "idNumber", "id number", "身份证号码", "公民身份号码"),
    PHONE("手机号", true, "phone", "mobile", "手机号码", "联系电话"),
    HOUSEHOLD_ID("户编号", true, "householdId", "household", "户号"),
    POVERTY_STATUS("户类型", true, "povertyStatus", "poverty status", "户属性"),
    SPECIAL_GROUPS("特殊群体", false, "specialGroups", "special groups"),
    COUNTY("县", true, "county", "县区", "县(区)"),
    TOWN("乡镇", true, "town", "镇", "乡镇(街道)"),
    VILLAGE("村", true, "village", "村(社区)", "行政村"),
    COLLECTION_POINT("集合点", true, "collectionPoint", "collection point", "上车点"),
    LAT("纬度", true, "lat", "latitude", "homeLat"),
    LON("经度", true, "lon", "lng", "longitude", "homeLon"),
    COLLECTION_POINT_LAT("集合点纬度", false, "collectionPointLat"),
    COLLECTION_POINT_LON("集合点经度", false, "collectionPointLon"),
    SKILLS("技能", false, "skills"),
    YEARS("从业年限", false, "years", "experienceYears", "years of experience"),
    INTENT("就业意向", true, "intent", "work intent"),
    PREFERRED_CITIES("意向城市", false, "preferredCities", "preferred cities"),
    MIN_MONTHLY_WAGE("最低月薪", false, "minMonthlyWage", "min monthly wage", "期望月薪"),
    AVAILABLE_FROM("可到岗日期", false, "availableFrom", "available from"),
    FITNESS("健康状况", true, "fitness", "health", "健康码"),
    FITNESS_CHECKED_ON("体检日期", true, "fitnessCheckedOn", "fitness checked on", "检测日期");

    private final String header;
    private final boolean required;
    private final List<String> aliases;

    ImportColumn(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    /** The English alias, as the template's notes sheet lists it. */
    public String english() {
        return aliases.get(0);
    }

    public boolean matches(String text) {
        String t = normalise(text);
        return normalise(header).equals(t) || aliases.stream().anyMatch(a -> normalise(a).equals(t));
    }

    static String normalise(String text) {
        return text == null ? "" : text.replace("\uFEFF", "").replaceAll("[\\s*＊]", "").replace('（', '(')
                .replace('）', ')').toLowerCase();
    }
}
