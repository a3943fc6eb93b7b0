package org.chunfeng.contracts.common;

public enum EmployerKind {
    ENTERPRISE,
    COOPERATIVE,
    INDUSTRIAL_PARK,
    /** 公益性岗位: run by a town, reserved for poor and unstable households of that town. */
    PUBLIC_WELFARE,
    /** The city or county return-to-work headquarters, which posts openings by the ten thousand. */
    RETURN_TO_WORK_HQ
}
