package org.chunfeng.devstack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;

/**
 * Where the campaign happens: Chengjiaji Town (程家集镇), Lixin County (利辛县), Bozhou (亳州市), Anhui, its villages,
 * the county's coach depot, and the cities its workers travel to. The town's villages keep the same places whatever
 * the seed: the seed varies the people and the jobs, not the map. employment-service's county file
 * ({@code places.json}, served at {@code GET /api/places}) names the same places; {@code CountyPlacesTest} keeps
 * the two equal.
 */
public final class Geography {

    static final String PROVINCE = "安徽省";
    static final String PREFECTURE = "亳州市";
    static final String COUNTY = "利辛县";
    static final String TOWN = "程家集镇";
    /** The administrative area code of Lixin County: the first six digits of its people's ID numbers. */
    public static final String COUNTY_AREA_CODE = "341623";

    static final GeoPoint TOWN_CENTRE = new GeoPoint(33.14, 116.21);
    static final Place COUNTY_DEPOT = new Place("depot-lixin", "利辛县汽车站", COUNTY, new GeoPoint(33.1496, 116.1985));

    /**
     * Twenty villages: thirteen named after the town's villages and neighbourhoods (社区, written here as the
     * villages they grew from) and seven more of the names common in the area.
     */
    private static final List<String> VILLAGE_NAMES = List.of(
            "北街村", "程集村", "汪庄户村", "赵桥村", "赵圩村", "丰瓦村", "郭湖村", "镇西村", "王老家村", "谭集村",
            "李庙村", "孔郢村", "新建村", "张庄村", "刘寨村", "马楼村", "周圩村", "孙湖村", "高营村", "陈郢村");

    /** Destination cities at their city centres, the most sought after first. */
    static final List<DestinationCity> CITIES = List.of(
            new DestinationCity("合肥市", "Hefei", "安徽省", new GeoPoint(31.8206, 117.2272)),
            new DestinationCity("上海市", "Shanghai", "上海市", new GeoPoint(31.2304, 121.4737)),
            new DestinationCity("苏州市", "Suzhou", "江苏省", new GeoPoint(31.2989, 120.5853)),
            new DestinationCity("杭州市", "Hangzhou", "浙江省", new GeoPoint(30.2741, 120.1551)),
            new DestinationCity("南京市", "Nanjing", "江苏省", new GeoPoint(32.0603, 118.7969)),
            new DestinationCity("宁波市", "Ningbo", "浙江省", new GeoPoint(29.8683, 121.5440)),
            new DestinationCity("无锡市", "Wuxi", "江苏省", new GeoPoint(31.4912, 120.3119)),
            new DestinationCity("常州市", "Changzhou", "江苏省", new GeoPoint(31.8107, 119.9741)));

    /** How many workers name each city among their preferences, and how many jobs each city offers, in proportion. */
    static final double[] CITY_WEIGHTS = {0.22, 0.18, 0.16, 0.11, 0.10, 0.09, 0.08, 0.06};

    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

    private Geography() {
    }

    /** The villages spread evenly 1 to 7 km around the town centre, each with its collection point. */
    public static DemoTown town() {
        List<DemoVillage> villages = new ArrayList<>();
        for (int i = 0; i < VILLAGE_NAMES.size(); i++) {
            double km = 1.2 + 5.8 * Math.sqrt((i + 0.5) / VILLAGE_NAMES.size());
            GeoPoint location = offset(TOWN_CENTRE, km, i * GOLDEN_ANGLE);
            String name = VILLAGE_NAMES.get(i);
            villages.add(new DemoVillage(name,
                    new Place(String.format("cp-%02d", i + 1), name + "村委会集合点", COUNTY, location)));
        }
        return new DemoTown(PROVINCE, PREFECTURE, COUNTY, TOWN, TOWN_CENTRE, villages);
    }

    /** A point between {@code minKm} and {@code maxKm} from the centre, evenly spread over that ring's area. */
    static GeoPoint scatter(SplittableRandom random, GeoPoint centre, double minKm, double maxKm) {
        double inner = minKm * minKm;
        double km = Math.sqrt(inner + random.nextDouble() * (maxKm * maxKm - inner));
        return offset(centre, km, random.nextDouble() * 2 * Math.PI);
    }

    static GeoPoint offset(GeoPoint centre, double km, double bearing) {
        double lat = centre.lat() + km * Math.cos(bearing) / 110.574;
        double lon = centre.lon() + km * Math.sin(bearing) / (111.320 * Math.cos(Math.toRadians(centre.lat())));
        return new GeoPoint(round6(lat), round6(lon));
    }

    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
