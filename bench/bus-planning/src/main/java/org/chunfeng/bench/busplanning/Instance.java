package org.chunfeng.bench.busplanning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.transport.planning.Bus;
import org.chunfeng.transport.planning.Rider;

/**
 * A reproducible travel day like the seed's: riders from village collection points around Lixin County to job
 * sites in real destination cities, with 45-seat buses waiting at the county seat.
 */
record Instance(String name, List<Rider> riders, List<Bus> buses, List<Place> collectionPoints, List<Place> sites) {

    static final GeoPoint LIXIN = new GeoPoint(33.144, 116.208);

    /** Destination cities with a weight for how many of the county's workers go there. */
    private record City(String name, double lat, double lon, int weight) {
    }

    private static final List<City> CITIES = List.of(
            new City("合肥", 31.82, 117.23, 3),
            new City("南京", 32.06, 118.80, 2),
            new City("上海", 31.23, 121.47, 4),
            new City("苏州", 31.30, 120.58, 4),
            new City("杭州", 30.27, 120.15, 2),
            new City("宁波", 29.87, 121.55, 2),
            new City("无锡", 31.49, 120.31, 2),
            new City("常州", 31.81, 119.97, 1));

    static Instance generate(String name, long seed, int riderCount, int pointCount, int siteCount, int cityCount,
            int seats) {
        Random random = new Random(seed);
        List<Place> points = new ArrayList<>();
        for (int i = 0; i < pointCount; i++) {
            points.add(new Place("cp-" + i, "集合点" + i, "利辛县", new GeoPoint(LIXIN.lat() + (random.nextDouble() - 0.5)
                    * 0.55, LIXIN.lon() + (random.nextDouble() - 0.5) * 0.55)));
        }
        List<City> cities = CITIES.subList(0, cityCount);
        List<Place> sites = new ArrayList<>();
        List<Integer> siteWeights = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            City city = cities.get(i % cities.size());
            sites.add(new Place("site-" + i, city.name() + "工地" + i, city.name(), new GeoPoint(
                    city.lat() + (random.nextDouble() - 0.5) * 0.3, city.lon() + (random.nextDouble() - 0.5) * 0.3)));
            siteWeights.add(city.weight() * (1 + random.nextInt(3)));
        }
        int totalWeight = siteWeights.stream().mapToInt(Integer::intValue).sum();
        List<Rider> riders = new ArrayList<>();
        for (int i = 0; i < riderCount; i++) {
            int pick = random.nextInt(totalWeight);
            int s = 0;
            while (pick >= siteWeights.get(s)) {
                pick -= siteWeights.get(s++);
            }
            Place point = points.get(random.nextInt(points.size()));
            riders.add(Rider.of("w-" + i, "pl-" + i, "利辛县", point, sites.get(s)));
        }
        List<Bus> buses = new ArrayList<>();
        int fleet = riderCount / seats * 3 / 2 + 5;
        for (int i = 0; i < fleet; i++) {
            buses.add(new Bus("bus-" + i, String.format("皖S%05d", i), seats, LIXIN, "司机" + i, "139" + String.format(
                    "%08d", i)));
        }
        return new Instance(name, riders, buses, points, sites);
    }
}
