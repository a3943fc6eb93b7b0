package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;

/**
 * The jobs of the "Spring Breeze" action (春风行动): the city and county return-to-work headquarters' postings of
 * thousands of openings in the destination cities, enterprises there, local enterprises, cooperatives and fruit-tree
 * industrial parks in the county (就地就近就业), and the town's public-welfare posts (公益性岗位).
 */
final class JobMarket {

    /** At size 1 the headquarters offered "more than 60,000 positions" (6万余个); the generator keeps above this. */
    static final int MIN_OPENINGS_PER_SIZE = 60_500;

    static final int HQ_POSTINGS = 16;
    static final int CITY_EMPLOYERS = 150;
    static final int CITY_POSTINGS = 420;
    static final int LOCAL_EMPLOYERS = 20;
    static final int LOCAL_POSTINGS = 60;
    static final int COOPERATIVES = 15;
    static final int COOPERATIVE_POSTINGS = 60;
    static final int FRUIT_PARKS = 8;
    static final int FRUIT_PARK_POSTINGS = 44;
    static final int PUBLIC_WELFARE_POSTS = 50;

    private static final LocalDate FIRST_START = LocalDate.of(2026, 2, 24);

    /** A kind of job: what it is called, its skill, whether that skill is required, and its pay at home. */
    private record Job(String title, Skill category, boolean skillRequired, int minWage, int maxWage, int maxAge) {
    }

    /** A line of business: how its companies are named and the jobs they post. */
    private record Industry(String suffix, List<Job> jobs) {
    }

    private static final List<Job> HQ_JOBS = List.of(
            new Job("电子厂普工", Skill.ELECTRONICS_ASSEMBLY, false, 4500, 6500, 45),
            new Job("汽车零部件装配工", Skill.GENERAL_LABOUR, false, 4800, 6800, 45),
            new Job("光伏组件操作工", Skill.ELECTRONICS_ASSEMBLY, false, 4500, 6200, 45),
            new Job("家电总装线普工", Skill.GENERAL_LABOUR, false, 4300, 6000, 48),
            new Job("物流园分拣员", Skill.LOGISTICS, false, 4200, 6000, 50),
            new Job("服装厂车缝工", Skill.GARMENT, false, 4500, 7000, 50),
            new Job("建筑劳务工", Skill.CONSTRUCTION, false, 5500, 8000, 58));

    private static final List<Industry> CITY_INDUSTRIES = List.of(
            new Industry("电子科技有限公司", List.of(
                    new Job("电子装配操作工", Skill.ELECTRONICS_ASSEMBLY, false, 4000, 5800, 45),
                    new Job("SMT贴片操作员", Skill.ELECTRONICS_ASSEMBLY, true, 4500, 6500, 40),
                    new Job("品质检验员", Skill.ELECTRONICS_ASSEMBLY, true, 4300, 6000, 45),
                    new Job("仓库物料员", Skill.LOGISTICS, false, 3800, 5200, 50))),
            new Industry("服饰有限公司", List.of(
                    new Job("缝纫工", Skill.GARMENT, true, 4500, 7500, 52),
                    new Job("熨烫工", Skill.GARMENT, false, 3800, 5500, 55),
                    new Job("包装工", Skill.GENERAL_LABOUR, false, 3500, 4800, 55))),
            new Industry("建设工程有限公司", List.of(
                    new Job("钢筋工", Skill.CONSTRUCTION, true, 6500, 9500, 58),
                    new Job("木工", Skill.CONSTRUCTION, true, 6500, 9500, 58),
                    new Job("泥瓦工", Skill.CONSTRUCTION, true, 6000, 9000, 58),
                    new Job("建筑普工", Skill.CONSTRUCTION, false, 4800, 6500, 60))),
            new Industry("供应链管理有限公司", List.of(
                    new Job("快递分拣员", Skill.LOGISTICS, false, 4200, 6000, 50),
                    new Job("装卸工", Skill.LOGISTICS, false, 4500, 6500, 50),
                    new Job("叉车司机", Skill.DRIVING, true, 5000, 7000, 55),
                    new Job("货车司机", Skill.DRIVING, true, 6500, 9000, 55))),
            new Industry("物业服务有限公司", List.of(
                    new Job("保洁员", Skill.CLEANING, false, 2800, 3800, 60),
                    new Job("保安员", Skill.SECURITY, false, 3200, 4500, 58),
                    new Job("绿化养护工", Skill.GENERAL_LABOUR, false, 3000, 4000, 60))),
            new Industry("餐饮管理有限公司", List.of(
                    new Job("厨师", Skill.COOKING, true, 5000, 8000, 55),
                    new Job("帮厨", Skill.COOKING, false, 3500, 4800, 55),
                    new Job("洗碗工", Skill.CLEANING, false, 3000, 4000, 60))),
            new Industry("养老服务有限公司", List.of(
                    new Job("养老护理员", Skill.CARE_WORK, true, 4500, 6500, 55),
                    new Job("护工", Skill.CARE_WORK, false, 4000, 5500, 58))),
            new Industry("机械制造有限公司", List.of(
                    new Job("普工", Skill.GENERAL_LABOUR, false, 4200, 5800, 48),
                    new Job("装配工", Skill.GENERAL_LABOUR, false, 4500, 6200, 48),
                    new Job("机床操作工", Skill.GENERAL_LABOUR, true, 5000, 7000, 50))));

    private static final List<Industry> LOCAL_INDUSTRIES = List.of(
            new Industry("丝网制品有限公司", List.of(
                    new Job("丝网编织工", Skill.GENERAL_LABOUR, false, 2400, 3600, 60),
                    new Job("纱门加工工", Skill.GENERAL_LABOUR, false, 2300, 3400, 60))),
            new Industry("服装厂", List.of(new Job("缝纫工", Skill.GARMENT, true, 2600, 3800, 58))),
            new Industry("食品有限公司", List.of(
                    new Job("食品包装工", Skill.GENERAL_LABOUR, false, 2200, 3200, 60),
                    new Job("面点师傅", Skill.COOKING, true, 2800, 4000, 58))),
            new Industry("物流有限公司", List.of(
                    new Job("装卸工", Skill.LOGISTICS, false, 2600, 3800, 55),
                    new Job("配送司机", Skill.DRIVING, true, 3200, 4500, 55))));

    private static final List<String> CROPS = List.of("蔬菜种植", "中药材种植", "食用菌", "小麦良种", "生猪养殖", "黄牛养殖");
    private static final List<Job> COOPERATIVE_JOBS = List.of(
            new Job("种植工", Skill.FARMING, false, 1800, 2800, 70),
            new Job("大棚管理员", Skill.FARMING, true, 2200, 3200, 65),
            new Job("采收工", Skill.FARMING, false, 1800, 2600, 70),
            new Job("饲养员", Skill.FARMING, false, 2200, 3200, 65));

    private static final List<String> FRUITS = List.of("梨", "桃", "葡萄", "石榴", "苹果", "杏");
    private static final List<Job> FRUIT_PARK_JOBS = List.of(
            new Job("果树修剪工", Skill.FRUIT_GROWING, true, 2200, 3200, 65),
            new Job("果园管护员", Skill.FRUIT_GROWING, false, 1800, 2800, 70),
            new Job("疏花疏果工", Skill.FRUIT_GROWING, false, 1800, 2600, 70),
            new Job("苗木嫁接工", Skill.FRUIT_GROWING, true, 2400, 3400, 65),
            new Job("分拣包装工", Skill.GENERAL_LABOUR, false, 1800, 2600, 70));

    /** The public-welfare categories of the seed text, each with the skill it calls for. */
    private static final List<Job> PUBLIC_WELFARE_JOBS = List.of(
            new Job("乡村公共卫生保洁员", Skill.CLEANING, false, 800, 1500, 75),
            new Job("消毒保洁员", Skill.CLEANING, false, 800, 1500, 75),
            new Job("宣传防控员", Skill.GENERAL_LABOUR, false, 800, 1500, 75),
            new Job("人居环境整治员", Skill.GENERAL_LABOUR, false, 800, 1500, 75),
            new Job("治安巡查员", Skill.SECURITY, false, 800, 1500, 75),
            new Job("公共设施管护员", Skill.GENERAL_LABOUR, false, 800, 1500, 75));

    private static final String BRAND_CHARACTERS = "华瑞恒鑫宏达盛泰丰源康宁嘉信诚润祥隆安永和兴利通远富豪金天新";
    /** A city's wages above Hefei's, in yuan a month. */
    private static final int[] CITY_PREMIUM = {0, 800, 500, 500, 400, 400, 300, 200};

    private final SplittableRandom random;
    private final DemoTown town;
    private final Phones phones;
    private final List<DemoEmployer> employers = new ArrayList<>();
    private final List<DemoPosting> postings = new ArrayList<>();
    private final Set<String> employerNames = new HashSet<>();
    private int sites;

    JobMarket(SplittableRandom random, DemoTown town, Phones phones) {
        this.random = random;
        this.town = town;
        this.phones = phones;
    }

    List<DemoEmployer> employers() {
        return employers;
    }

    List<DemoPosting> postings() {
        return postings;
    }

    void post(int size) {
        headquarters(size);
        cityEnterprises(size);
        localEnterprises(size);
        cooperatives(size);
        fruitParks(size);
        publicWelfare(size);
        topUpHeadquarters((long) MIN_OPENINGS_PER_SIZE * size);
    }

    private void headquarters(int size) {
        DemoEmployer city = employer("亳州市返岗复工指挥部", EmployerKind.RETURN_TO_WORK_HQ, Geography.PREFECTURE);
        DemoEmployer county = employer("利辛县返岗复工指挥部", EmployerKind.RETURN_TO_WORK_HQ, Geography.COUNTY);
        for (int i = 0; i < HQ_POSTINGS * size; i++) {
            int cityIndex = Draw.weighted(random, Geography.CITY_WEIGHTS);
            DestinationCity destination = Geography.CITIES.get(cityIndex);
            Job job = Draw.one(random, HQ_JOBS);
            String shortName = destination.name().substring(0, destination.name().length() - 1);
            Place site = site(shortName + "第" + (1 + random.nextInt(9)) + "工业园", destination.name(),
                    Geography.scatter(random, destination.centre(), 4, 12));
            int openings = Draw.between(random, 40, 90) * 50;
            add(i % 2 == 0 ? city : county, shortName + job.title(), job, openings, site,
                    wage(job, CITY_PREMIUM[cityIndex]), true, List.of());
        }
    }

    private void cityEnterprises(int size) {
        List<DemoEmployer> companies = new ArrayList<>();
        List<Industry> industries = new ArrayList<>();
        List<Place> sitesOf = new ArrayList<>();
        List<Integer> cityOf = new ArrayList<>();
        for (int e = 0; e < CITY_EMPLOYERS * size; e++) {
            int cityIndex = Draw.weighted(random, Geography.CITY_WEIGHTS);
            DestinationCity city = Geography.CITIES.get(cityIndex);
            Industry industry = Draw.one(random, CITY_INDUSTRIES);
            String shortName = city.name().substring(0, city.name().length() - 1);
            DemoEmployer company = employer(() -> shortName + brand() + industry.suffix(), EmployerKind.ENTERPRISE,
                    city.name());
            companies.add(company);
            industries.add(industry);
            cityOf.add(cityIndex);
            sitesOf.add(site(company.name() + "厂区", city.name(), Geography.scatter(random, city.centre(), 1, 9)));
        }
        for (int p = 0; p < CITY_POSTINGS * size; p++) {
            // Every company posts at least once; the rest go to companies at random.
            int e = p < companies.size() ? p : random.nextInt(companies.size());
            Job job = Draw.one(random, industries.get(e).jobs());
            add(companies.get(e), job.title(), job, openings(8, 80), sitesOf.get(e),
                    wage(job, CITY_PREMIUM[cityOf.get(e)]), Draw.chance(random, 0.75), List.of());
        }
    }

    private void localEnterprises(int size) {
        List<DemoEmployer> companies = new ArrayList<>();
        List<Industry> industries = new ArrayList<>();
        List<Place> sitesOf = new ArrayList<>();
        for (int e = 0; e < LOCAL_EMPLOYERS * size; e++) {
            Industry industry = Draw.one(random, LOCAL_INDUSTRIES);
            DemoEmployer company = employer(() -> "利辛县" + brand() + industry.suffix(), EmployerKind.ENTERPRISE,
                    Geography.COUNTY);
            companies.add(company);
            industries.add(industry);
            sitesOf.add(site(company.name() + "厂区", Geography.COUNTY,
                    Geography.scatter(random, Geography.COUNTY_DEPOT.location(), 1, 12)));
        }
        for (int p = 0; p < LOCAL_POSTINGS * size; p++) {
            int e = p < companies.size() ? p : random.nextInt(companies.size());
            Job job = Draw.one(random, industries.get(e).jobs());
            // Sitting work at a local workshop suits disabled workers; some take older hands too.
            List<SpecialGroup> suits = new ArrayList<>();
            if (!job.skillRequired() && Draw.chance(random, 0.3)) {
                suits.add(SpecialGroup.DISABLED);
            }
            if (Draw.chance(random, 0.2)) {
                suits.add(SpecialGroup.ELDERLY);
            }
            add(companies.get(e), job.title(), job, openings(5, 40), sitesOf.get(e), wage(job, 0), false, suits);
        }
    }

    private void cooperatives(int size) {
        List<DemoEmployer> coops = new ArrayList<>();
        List<Place> sitesOf = new ArrayList<>();
        for (int e = 0; e < COOPERATIVES * size; e++) {
            DemoVillage village = town.villages().get(e % town.villages().size());
            String base = village.name().substring(0, village.name().length() - 1);
            boolean first = e < town.villages().size();
            DemoEmployer coop = employer(() -> Geography.TOWN + base + (first ? "" : brand()) + Draw.one(random, CROPS)
                    + "专业合作社", EmployerKind.COOPERATIVE, Geography.COUNTY);
            coops.add(coop);
            sitesOf.add(site(coop.name() + "基地", Geography.COUNTY,
                    Geography.scatter(random, village.collectionPoint().location(), 0.3, 2)));
        }
        for (int p = 0; p < COOPERATIVE_POSTINGS * size; p++) {
            int e = p < coops.size() ? p : random.nextInt(coops.size());
            Job job = Draw.one(random, COOPERATIVE_JOBS);
            List<SpecialGroup> suits = Draw.chance(random, 0.5) ? List.of(SpecialGroup.ELDERLY) : List.of();
            add(coops.get(e), job.title(), job, openings(3, 25), sitesOf.get(e), wage(job, 0), false, suits);
        }
    }

    private void fruitParks(int size) {
        List<DemoEmployer> parks = new ArrayList<>();
        List<Place> sitesOf = new ArrayList<>();
        for (int e = 0; e < FRUIT_PARKS * size; e++) {
            String place = e % 2 == 0 ? Geography.TOWN : Geography.COUNTY;
            DemoEmployer park = employer(() -> place + brand() + Draw.one(random, FRUITS) + "果木产业园",
                    EmployerKind.INDUSTRIAL_PARK, Geography.COUNTY);
            parks.add(park);
            GeoPoint centre = e % 2 == 0 ? Geography.TOWN_CENTRE : Geography.COUNTY_DEPOT.location();
            sitesOf.add(site(park.name(), Geography.COUNTY, Geography.scatter(random, centre, 2, 14)));
        }
        for (int p = 0; p < FRUIT_PARK_POSTINGS * size; p++) {
            int e = p < parks.size() ? p : random.nextInt(parks.size());
            Job job = Draw.one(random, FRUIT_PARK_JOBS);
            List<SpecialGroup> suits = new ArrayList<>();
            if (Draw.chance(random, 0.5)) {
                suits.add(SpecialGroup.ELDERLY);
            }
            if (!job.skillRequired() && Draw.chance(random, 0.2)) {
                suits.add(SpecialGroup.DISABLED);
            }
            add(parks.get(e), job.title(), job, openings(5, 50), sitesOf.get(e), wage(job, 0), false, suits);
        }
    }

    /** 公益性岗位 in the town's villages: one or two openings each, reserved for its poor and unstable households. */
    private void publicWelfare(int size) {
        DemoEmployer townGovernment = employer(Geography.TOWN + "人民政府", EmployerKind.PUBLIC_WELFARE,
                Geography.COUNTY);
        for (int i = 0; i < PUBLIC_WELFARE_POSTS * size; i++) {
            DemoVillage village = town.villages().get(i % town.villages().size());
            Job job = PUBLIC_WELFARE_JOBS.get((i / town.villages().size() + i) % PUBLIC_WELFARE_JOBS.size());
            Place site = site(village.name() + "村委会", Geography.COUNTY,
                    Geography.scatter(random, village.collectionPoint().location(), 0, 0.3));
            List<SpecialGroup> suits = job.title().equals("宣传防控员")
                    ? List.of(SpecialGroup.ELDERLY, SpecialGroup.SERIOUSLY_ILL, SpecialGroup.DISABLED)
                    : List.of(SpecialGroup.ELDERLY, SpecialGroup.DISABLED);
            int openings = Draw.chance(random, 0.2) ? 2 : 1;
            postings.add(new DemoPosting(nextPostingRef(), townGovernment.employerRef(), townGovernment.name(),
                    EmployerKind.PUBLIC_WELFARE, village.name() + job.title(), job.category(), List.of(), openings,
                    site, wage(job, 0), FIRST_START.plusDays(random.nextInt(7)), false, 18, job.maxAge(), suits,
                    Geography.TOWN));
        }
    }

    /** Adds openings to the headquarters' postings, evenly, until the campaign has at least {@code minimum}. */
    private void topUpHeadquarters(long minimum) {
        long missing = minimum - postings.stream().mapToLong(DemoPosting::openings).sum();
        List<Integer> hq = new ArrayList<>();
        for (int i = 0; i < postings.size(); i++) {
            if (postings.get(i).employerKind() == EmployerKind.RETURN_TO_WORK_HQ) {
                hq.add(i);
            }
        }
        for (int k = 0; missing > 0; k = (k + 1) % hq.size()) {
            DemoPosting p = postings.get(hq.get(k));
            postings.set(hq.get(k), new DemoPosting(p.postingRef(), p.employerRef(), p.employerName(),
                    p.employerKind(), p.title(), p.category(), p.requiredSkills(), p.openings() + 50, p.site(),
                    p.monthlyWage(), p.startDate(), p.accommodation(), p.minAge(), p.maxAge(), p.suitableFor(),
                    p.publicWelfareTown()));
            missing -= 50;
        }
    }

    private void add(DemoEmployer employer, String title, Job job, int openings, Place site, int wage,
            boolean accommodation, List<SpecialGroup> suitableFor) {
        int maxAge = suitableFor.contains(SpecialGroup.ELDERLY) ? Math.max(job.maxAge(), 70) : job.maxAge();
        postings.add(new DemoPosting(nextPostingRef(), employer.employerRef(), employer.name(), employer.kind(),
                title, job.category(), job.skillRequired() ? List.of(job.category()) : List.of(), openings, site,
                wage, FIRST_START.plusDays(random.nextInt(21)), accommodation, 18, maxAge, suitableFor, null));
    }

    /** An employer with a name no other employer of the campaign has. */
    private DemoEmployer employer(Supplier<String> names, EmployerKind kind, String city) {
        String name = names.get();
        for (int attempt = 0; employerNames.contains(name); attempt++) {
            name = attempt < 100 ? names.get() : name + "分公司";
        }
        return employer(name, kind, city);
    }

    private DemoEmployer employer(String name, EmployerKind kind, String city) {
        employerNames.add(name);
        DemoEmployer employer = new DemoEmployer(String.format("E%05d", employers.size() + 1), name, kind, city,
                Names.full(random, Draw.chance(random, 0.6)), phones.issue(random));
        employers.add(employer);
        return employer;
    }

    private Place site(String name, String city, GeoPoint location) {
        return new Place(String.format("site-%05d", ++sites), name, city, location);
    }

    private String nextPostingRef() {
        return String.format("P%06d", postings.size() + 1);
    }

    /** Most postings are small; a few take on many. */
    private int openings(int min, int max) {
        double skew = random.nextDouble() * random.nextDouble();
        return min + (int) Math.round(skew * (max - min));
    }

    private int wage(Job job, int premium) {
        return Draw.yuan(random, job.minWage() + premium, job.maxWage() + premium);
    }

    private String brand() {
        return "" + BRAND_CHARACTERS.charAt(random.nextInt(BRAND_CHARACTERS.length()))
                + BRAND_CHARACTERS.charAt(random.nextInt(BRAND_CHARACTERS.length()));
    }
}
