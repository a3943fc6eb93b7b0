package org.chunfeng.devstack.demo;

import java.util.SplittableRandom;

/** Chinese personal names: common surnames by their frequency in the region, and one- or two-character given names. */
final class Names {

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈"
            + "曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
            + "雷钱汤尹黎易常武乔贺赖龚文";
    private static final String MALE = "伟强军磊勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林成建国志文海东"
            + "兵春生忠庆德永长福贵金山";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀玲桂英兰梅琴云莲红燕萍雪婷慧颖倩洁丹玉凤香娥翠花珍荣"
            + "琳月";

    /** Rank-based weights: the commonest surname about twelve times as frequent as the rarest listed. */
    private static final double[] SURNAME_WEIGHTS = new double[SURNAMES.length()];

    static {
        for (int i = 0; i < SURNAME_WEIGHTS.length; i++) {
            SURNAME_WEIGHTS[i] = 1.0 / (i + 8);
        }
    }

    private Names() {
    }

    static String surname(SplittableRandom random) {
        return String.valueOf(SURNAMES.charAt(Draw.weighted(random, SURNAME_WEIGHTS)));
    }

    static String given(SplittableRandom random, boolean male) {
        String characters = male ? MALE : FEMALE;
        char first = characters.charAt(random.nextInt(characters.length()));
        if (Draw.chance(random, 0.3)) {
            return String.valueOf(first);
        }
        return String.valueOf(first) + characters.charAt(random.nextInt(characters.length()));
    }

    static String full(SplittableRandom random, boolean male) {
        return surname(random) + given(random, male);
    }
}
