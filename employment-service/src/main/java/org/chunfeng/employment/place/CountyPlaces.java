package org.chunfeng.employment.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chunfeng.kit.error.FieldViolation;

/**
 * The county's towns and villages, each village with its collection point: the one list the registration forms
 * offer and a self-registration is checked against. Read from a data file, so another county edits the file, not
 * the code. {@code cities} are the destinations the forms offer as a worker's preferences.
 */
public record CountyPlaces(String about, List<County> counties, List<String> cities) {

    public record County(String name, List<Town> towns) {
    }

    public record Town(String name, double lat, double lon, List<Village> villages) {
    }

    /** A village, its collection point's name and the point's position (also a first guess at a home). */
    public record Village(String name, String collectionPoint, double lat, double lon) {
    }

    public CountyPlaces {
        counties = counties == null ? List.of() : List.copyOf(counties);
        cities = cities == null ? List.of() : List.copyOf(cities);
    }

    public Optional<Village> village(String county, String town, String village) {
        return counties.stream().filter(c -> c.name().equals(county)).flatMap(c -> c.towns().stream())
                .filter(t -> t.name().equals(town)).flatMap(t -> t.villages().stream())
                .filter(v -> v.name().equals(village)).findFirst();
    }

    /**
     * What is wrong with a place named on a worker's own form: the county, town or village not on the list, or a
     * collection point other than the village's. Empty when it is one of the list's places; the form's other checks
     * report missing fields.
     */
    public List<FieldViolation> check(String county, String town, String village, String collectionPoint) {
        List<FieldViolation> out = new ArrayList<>();
        if (blank(county) || blank(town) || blank(village)) {
            return out;
        }
        Optional<County> c = counties.stream().filter(x -> x.name().equals(county.strip())).findFirst();
        if (c.isEmpty()) {
            out.add(new FieldViolation("county", "is not a county of this campaign"));
            return out;
        }
        Optional<Town> t = c.get().towns().stream().filter(x -> x.name().equals(town.strip())).findFirst();
        if (t.isEmpty()) {
            out.add(new FieldViolation("town", "is not a town of this county"));
            return out;
        }
        Optional<Village> v = t.get().villages().stream().filter(x -> x.name().equals(village.strip())).findFirst();
        if (v.isEmpty()) {
            out.add(new FieldViolation("village", "is not a village of this town"));
            return out;
        }
        if (collectionPoint != null && !collectionPoint.isBlank()
                && !v.get().collectionPoint().equals(collectionPoint.strip())) {
            out.add(new FieldViolation("collectionPoint.name", "is not this village's collection point"));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
