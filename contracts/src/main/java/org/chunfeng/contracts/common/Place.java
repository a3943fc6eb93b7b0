package org.chunfeng.contracts.common;

/**
 * A named place: a village collection point where a bus picks workers up, or a job site.
 * {@code city} is the city or county the place belongs to, used to group riders going the same way.
 */
public record Place(String id, String name, String city, GeoPoint location) {
}
