package org.chunfeng.contracts.common;

/** Where the worker wants to work. */
public enum WorkIntent {
    /** 就地就近: within a daily commute of home. */
    LOCAL,
    /** 外出务工: away from home, usually in another city. */
    AWAY,
    EITHER
}
