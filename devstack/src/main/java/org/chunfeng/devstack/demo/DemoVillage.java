package org.chunfeng.devstack.demo;

import org.chunfeng.contracts.common.Place;

/** A village and the collection point where its workers board the buses, usually the village committee's yard. */
public record DemoVillage(String name, Place collectionPoint) {
}
