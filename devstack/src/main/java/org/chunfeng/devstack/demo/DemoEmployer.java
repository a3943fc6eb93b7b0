package org.chunfeng.devstack.demo;

import org.chunfeng.contracts.common.EmployerKind;

/** An employer that posts jobs, or the headquarters or town that posts them on employers' behalf. */
public record DemoEmployer(String employerRef, String name, EmployerKind kind, String city, String contactName,
        String contactPhone) {
}
