package org.chunfeng.contracts.common;

/** The household's standing in the poverty register; the order is the matching priority, highest first. */
public enum PovertyStatus {
    /** 建档立卡贫困户: a registered poor household. */
    POOR,
    /** 脱贫不稳定户: out of poverty but not yet stable. */
    UNSTABLE,
    /** 边缘户: a marginal household at risk of falling into poverty. */
    MARGINAL,
    NONE
}
