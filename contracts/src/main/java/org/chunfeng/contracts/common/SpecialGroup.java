package org.chunfeng.contracts.common;

/** Groups the campaign treats with care (贫困老人、重病病人、贫困残疾人): only matched to jobs that suit them. */
public enum SpecialGroup {
    ELDERLY,
    SERIOUSLY_ILL,
    DISABLED
}
