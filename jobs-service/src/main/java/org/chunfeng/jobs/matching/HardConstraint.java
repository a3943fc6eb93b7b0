package org.chunfeng.jobs.matching;

/** The rules no score can outweigh. The explanation of an unmatched worker counts the postings each one ruled out. */
public enum HardConstraint {
    NOT_DECLINED("该岗位已被本人拒绝或放弃", "The worker declined this job or let its offer expire"),
    WORK_INTENT("与本人就地或外出务工意向不符", "Does not fit the worker's wish to work locally or away"),
    FIT_TO_TRAVEL("外出岗位需健康状况为绿色", "A job beyond the daily commute needs travel fitness GREEN"),
    PUBLIC_WELFARE("公益性岗位仅限本镇贫困户和脱贫不稳定户", "Public-welfare posts are for poor and unstable households of the same town"),
    SPECIAL_GROUP("岗位不适合本人所属特殊群体", "The job does not suit the worker's special group"),
    AGE_RANGE("年龄不在岗位要求范围内", "Age outside the job's range"),
    AVAILABLE_BY_START("到岗日期晚于岗位开工日期", "Available only after the job starts"),
    MINIMUM_WAGE("工资低于本人期望的最低月薪", "Wage below the worker's minimum"),
    OPENINGS_LEFT("岗位已无空余名额", "No opening left");

    private final String reasonZh;
    private final String reasonEn;

    HardConstraint(String reasonZh, String reasonEn) {
        this.reasonZh = reasonZh;
        this.reasonEn = reasonEn;
    }

    public String reasonZh() {
        return reasonZh;
    }

    public String reasonEn() {
        return reasonEn;
    }
}
