package org.chunfeng.jobs.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What scoring a worker against a posting needs of the posting, in flat arrays by slot index: openings left, wage,
 * age range, start day and groups, site, skills and city. A batch scores tens of millions of pairs, and a slot, its
 * posting, the posting's site and skills are four trips to memory each; these arrays stay in the nearer caches. A
 * posting whose pairs need more than this (a public-welfare post, open only to its own town) says so, and the caller
 * reads the posting itself.
 */
final class PostingFacts {

    private int[] left = new int[64];
    private int[] wage = new int[64];
    private long[] reach = new long[64];
    private double[] lat = new double[64];
    private double[] lon = new double[64];
    private double[] cosLat = new double[64];
    private long[] skillBits = new long[64];
    private int[] city = new int[64];
    private boolean[] publicWelfare = new boolean[64];
    /** A number for each city named, so that a worker's preferred cities are compared as numbers. */
    private final Map<String, Integer> cities = new HashMap<>();

    /** Records the slot's posting and openings left, growing the arrays as needed. */
    void note(JobBoard.Slot slot) {
        int s = slot.index;
        if (s >= left.length) {
            grow(Math.max(s + 1, left.length * 2));
        }
        JobView j = slot.job;
        left[s] = slot.remaining();
        wage[s] = j.monthlyWage();
        reach[s] = j.reach;
        lat[s] = j.site() == null ? Double.NaN : j.site().lat();
        lon[s] = j.site() == null ? Double.NaN : j.site().lon();
        cosLat[s] = j.siteCosLat;
        skillBits[s] = j.skillBits;
        city[s] = j.city() == null ? -1 : cities.computeIfAbsent(j.city(), c -> cities.size());
        publicWelfare[s] = j.publicWelfare();
    }

    /** Records a change of openings left only. */
    void noteLeft(JobBoard.Slot slot) {
        left[slot.index] = slot.remaining();
    }

    PostingFacts copy() {
        PostingFacts c = new PostingFacts();
        c.copyArrays(this, left.length);
        c.cities.putAll(cities);
        return c;
    }

    /** Openings left, as {@link JobBoard.Slot#remaining()} says. */
    int left(int s) {
        return left[s];
    }

    int wage(int s) {
        return wage[s];
    }

    /** The age range, start day and groups as {@link JobView#reach} packs them. */
    long reach(int s) {
        return reach[s];
    }

    /** The site's latitude and longitude; NaN for a posting without a site. */
    double lat(int s) {
        return lat[s];
    }

    double lon(int s) {
        return lon[s];
    }

    /** The cosine of the site's latitude ({@link JobView#siteCosLat}). */
    double cosLat(int s) {
        return cosLat[s];
    }

    /** The posting's skills as {@link JobView#skillBits} holds them. */
    long skillBits(int s) {
        return skillBits[s];
    }

    /** The number of the posting's city; -1 for none. */
    int city(int s) {
        return city[s];
    }

    /** The number of a city, or -2 if no posting names it (never a posting's number). */
    int cityNumber(String name) {
        Integer n = cities.get(name);
        return n == null ? -2 : n;
    }

    boolean publicWelfare(int s) {
        return publicWelfare[s];
    }

    private void grow(int n) {
        copyArrays(this, n);
    }

    /** Every array of {@code from}, copied to length {@code n}: one place to name them all. */
    private void copyArrays(PostingFacts from, int n) {
        left = Arrays.copyOf(from.left, n);
        wage = Arrays.copyOf(from.wage, n);
        reach = Arrays.copyOf(from.reach, n);
        lat = Arrays.copyOf(from.lat, n);
        lon = Arrays.copyOf(from.lon, n);
        cosLat = Arrays.copyOf(from.cosLat, n);
        skillBits = Arrays.copyOf(from.skillBits, n);
        city = Arrays.copyOf(from.city, n);
        publicWelfare = Arrays.copyOf(from.publicWelfare, n);
    }
}
