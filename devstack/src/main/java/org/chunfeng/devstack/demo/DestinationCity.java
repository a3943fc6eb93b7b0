package org.chunfeng.devstack.demo;

import org.chunfeng.contracts.common.GeoPoint;

/** A city where workers go to work away from home; {@code name} is what postings' sites carry as their city. */
public record DestinationCity(String name, String nameEn, String province, GeoPoint centre) {
}
