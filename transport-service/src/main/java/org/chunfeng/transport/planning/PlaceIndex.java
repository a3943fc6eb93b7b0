package org.chunfeng.transport.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;

/**
 * Numbers every place of one plan (depots, collection points, sites) and keeps their road distances in a matrix,
 * so the solver's inner loop never computes a distance twice.
 */
final class PlaceIndex {

    private final Map<String, Integer> byKey = new HashMap<>();
    private final List<GeoPoint> points = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private double[][] km;

    int place(Place place) {
        return add("p:" + place.id(), place.location(), place);
    }

    int depot(GeoPoint depot) {
        return add("d:" + depot.lat() + "," + depot.lon(), depot, null);
    }

    private int add(String key, GeoPoint point, Place place) {
        Integer known = byKey.get(key);
        if (known != null) {
            return known;
        }
        if (km != null) {
            throw new IllegalStateException("The index is frozen once distances are computed: " + key);
        }
        points.add(point);
        places.add(place);
        byKey.put(key, points.size() - 1);
        return points.size() - 1;
    }

    void computeDistances(RoadDistance distance) {
        int n = points.size();
        km = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = distance.km(points.get(i), points.get(j));
                km[i][j] = d;
                km[j][i] = d;
            }
        }
    }

    double km(int from, int to) {
        return km[from][to];
    }

    Place placeAt(int index) {
        return places.get(index);
    }

    GeoPoint pointAt(int index) {
        return points.get(index);
    }

    int size() {
        return points.size();
    }
}
