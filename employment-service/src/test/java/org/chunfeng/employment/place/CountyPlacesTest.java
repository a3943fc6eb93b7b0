package org.chunfeng.employment.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chunfeng.kit.error.FieldViolation;
import org.junit.jupiter.api.Test;

class CountyPlacesTest {

    private final CountyPlaces places = new CountyPlaces("", List.of(new CountyPlaces.County("利辛县", List.of(
            new CountyPlaces.Town("程家集镇", 33.14, 116.21, List.of(
                    new CountyPlaces.Village("李庙村", "李庙村村委会集合点", 33.16, 116.15)))))), List.of("合肥市"));

    @Test
    void aPlaceOnTheListWithItsOwnPointPasses() {
        assertThat(places.check("利辛县", "程家集镇", "李庙村", "李庙村村委会集合点")).isEmpty();
        assertThat(places.check(" 利辛县", "程家集镇 ", "李庙村", null)).isEmpty();
        assertThat(places.village("利辛县", "程家集镇", "李庙村")).map(CountyPlaces.Village::lat).contains(33.16);
    }

    @Test
    void theFirstPlaceNotOnTheListIsNamedAndMissingOnesAreLeftToTheFormsChecks() {
        assertThat(places.check("阜南县", "程家集镇", "李庙村", null)).containsExactly(
                new FieldViolation("county", "is not a county of this campaign"));
        assertThat(places.check("利辛县", "城关镇", "李庙村", null)).extracting(FieldViolation::field)
                .containsExactly("town");
        assertThat(places.check("利辛县", "程家集镇", "李楼村", "李楼村村委会")).extracting(FieldViolation::field)
                .containsExactly("village");
        assertThat(places.check("利辛县", "程家集镇", "李庙村", "村口")).extracting(FieldViolation::field)
                .containsExactly("collectionPoint.name");
        assertThat(places.check("利辛县", null, "李庙村", "村口")).isEmpty();
    }
}
