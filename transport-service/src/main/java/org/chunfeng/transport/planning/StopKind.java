package org.chunfeng.transport.planning;

public enum StopKind {
    PICKUP,
    DROP_OFF
}
