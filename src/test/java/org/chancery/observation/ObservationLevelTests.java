package org.chancery.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObservationLevelTests {

    @ParameterizedTest
    @CsvSource({"0, NONE", "1, CHARGE_D_AFFAIRES", "2, ENVOY", "3, AMBASSADOR", "9, OTHER"})
    void eachCowCodeIsItsLevelAndBack(String code, ObservationLevel level) {
        assertThat(ObservationLevel.ofCowCode(code)).contains(level);
        assertThat(level.cowCode()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "8", "-9", "03", " 3", "", "AMBASSADOR"})
    void anotherCodeIsNoLevel(String code) {
        assertThat(ObservationLevel.ofCowCode(code)).isEmpty();
    }

    @Test
    void representationRanksNoneThenOtherPresenceThenChargeEnvoyAndAmbassador() {
        assertThat(Arrays.stream(ObservationLevel.values()).sorted(Comparator.comparingInt(
                ObservationLevel::representation))).containsExactly(ObservationLevel.NONE, ObservationLevel.OTHER,
                        ObservationLevel.CHARGE_D_AFFAIRES, ObservationLevel.ENVOY, ObservationLevel.AMBASSADOR);
        assertThat(Arrays.stream(ObservationLevel.values()).mapToInt(ObservationLevel::representation).distinct())
                .hasSize(ObservationLevel.values().length);
    }

    @Test
    void aChargeAnEnvoyAndAnAmbassadorRepresentInEveryYearAndNoneInNone() {
        for (int year : new int[] {1817, 1949, 1950, 1965, 1966, 2005}) {
            assertThat(ObservationLevel.CHARGE_D_AFFAIRES.represents(year)).isTrue();
            assertThat(ObservationLevel.ENVOY.represents(year)).isTrue();
            assertThat(ObservationLevel.AMBASSADOR.represents(year)).isTrue();
            assertThat(ObservationLevel.NONE.represents(year)).isFalse();
        }
    }

    @Test
    void otherPresenceRepresentsFrom1950To1965Only() {
        assertThat(ObservationLevel.OTHER.represents(1949)).isFalse();
        assertThat(ObservationLevel.OTHER.represents(1950)).isTrue();
        assertThat(ObservationLevel.OTHER.represents(1965)).isTrue();
        assertThat(ObservationLevel.OTHER.represents(1966)).isFalse();
    }
}
