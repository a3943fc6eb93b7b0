package org.chunfeng.transport.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;

/** Small, reproducible demand around Lixin County for the planner's unit tests. */
final class Demand {

    static final GeoPoint LIXIN = new GeoPoint(33.14, 116.21);

    static final Place[] CITIES = {
        city("hefei", "合肥", 31.82, 117.23),
        city("nanjing", "南京", 32.06, 118.80),
        city("suzhou", "苏州", 31.30, 120.58),
        city("shanghai", "上海", 31.23, 121.47),
        city("ningbo", "宁波", 29.87, 121.55),
    };

    private final Random random;
    private final List<Place> villages = new ArrayList<>();
    private final List<Place> sites = new ArrayList<>();

    Demand(long seed, int villageCount, int sitesPerCity) {
        this(seed, villageCount, sitesPerCity, CITIES.length);
    }

    Demand(long seed, int villageCount, int sitesPerCity, int cities) {
        random = new Random(seed);
        for (int v = 0; v < villageCount; v++) {
            villages.add(new Place("cp-" + v, "集合点" + v, "利辛县", near(LIXIN, 0.25)));
        }
        for (Place city : java.util.Arrays.copyOf(CITIES, cities)) {
            for (int s = 0; s < sitesPerCity; s++) {
                sites.add(new Place(city.id() + "-site-" + s, city.name() + "工地" + s, city.name(),
                        near(city.location(), 0.12)));
            }
        }
    }

    List<Rider> riders(int count, String prefix) {
        List<Rider> riders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Place village = villages.get(random.nextInt(villages.size()));
            Place site = sites.get(random.nextInt(sites.size()));
            riders.add(Rider.of(prefix + i, "pl-" + prefix + i, "程家集镇", village, site));
        }
        return riders;
    }

    static List<Bus> buses(int count, int seats) {
        List<Bus> buses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buses.add(new Bus("v-" + i, String.format("皖S%05d", i), seats, LIXIN, "司机" + i, "1380000" + String.format("%04d", i)));
        }
        return buses;
    }

    private GeoPoint near(GeoPoint centre, double spread) {
        return new GeoPoint(centre.lat() + (random.nextDouble() - 0.5) * spread,
                centre.lon() + (random.nextDouble() - 0.5) * spread);
    }

    private static Place city(String id, String name, double lat, double lon) {
        return new Place(id, name, name, new GeoPoint(lat, lon));
    }
}
