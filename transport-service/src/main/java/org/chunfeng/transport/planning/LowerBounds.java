package org.chunfeng.transport.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How few buses any plan can use. {@code bySeats}: the fewest buses whose sellable seats hold every rider, taking
 * the biggest buses first. {@code byCity}: the same if no bus may serve two destination cities, per city with the
 * biggest bus, summed; plans may mix cities that lie on one road, so this one can be beaten.
 */
public record LowerBounds(int riders, int bySeats, int byCity, Map<String, Integer> ridersByCity,
        Map<String, Integer> busesByCity) {

    public static LowerBounds of(Collection<Rider> riders, List<Bus> buses, PlanningRules rules) {
        List<Integer> capacities = new ArrayList<>(buses.stream().map(b -> rules.capacity(b.seats()))
                .filter(c -> c > 0).toList());
        capacities.sort(Comparator.reverseOrder());
        Map<String, Integer> ridersByCity = riders.stream().collect(Collectors.groupingBy(Rider::city, TreeMap::new,
                Collectors.summingInt(r -> 1)));
        int bySeats = busesFor(riders.size(), capacities);
        int biggest = capacities.isEmpty() ? 0 : capacities.get(0);
        Map<String, Integer> busesByCity = ridersByCity.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> biggest == 0 ? 0 : ceilDiv(e.getValue(), biggest), (a, b) -> a, TreeMap::new));
        int byCity = busesByCity.values().stream().mapToInt(Integer::intValue).sum();
        return new LowerBounds(riders.size(), bySeats, byCity, ridersByCity, busesByCity);
    }

    private static int busesFor(int riders, List<Integer> capacitiesDescending) {
        int left = riders;
        int used = 0;
        for (int capacity : capacitiesDescending) {
            if (left <= 0) {
                break;
            }
            left -= capacity;
            used++;
        }
        return left > 0 ? used + (capacitiesDescending.isEmpty() ? 0 : ceilDiv(left, capacitiesDescending.get(0)))
                : used;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
