package org.chunfeng.devstack.demo;

import org.chunfeng.contracts.common.PovertyStatus;

/** A household of the poverty register (or none); its workers share its {@code householdId}. */
public record DemoHousehold(String householdId, String village, PovertyStatus povertyStatus, String headName,
        int workers) {
}
