package org.chunfeng.devstack.demo;

import java.util.List;
import org.chunfeng.contracts.common.GeoPoint;

/** The town the campaign registers workers in, with its villages (administrative villages, 行政村). */
public record DemoTown(String province, String prefecture, String county, String name, GeoPoint centre,
        List<DemoVillage> villages) {

    public DemoTown {
        villages = List.copyOf(villages);
    }
}
