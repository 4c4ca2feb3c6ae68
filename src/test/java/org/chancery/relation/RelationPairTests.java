package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chancery.country.CountryCode;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RelationPairTests {

    private static final CountryCode CU = CountryCode.of("CU");
    private static final CountryCode KR = CountryCode.of("KR");

    @Test
    void isTheSamePairInEitherOrderKeptInCodeOrder() {
        RelationPair pair = RelationPair.of(KR, CU);
        assertThat(pair).isEqualTo(RelationPair.of(CU, KR));
        assertThat(pair.first()).isEqualTo(CU);
        assertThat(pair.second()).isEqualTo(KR);
        assertThat(pair.codes()).containsExactly("CU", "KR");
        assertThat(pair).hasToString("CU–KR");
    }

    @Test
    void containsItsTwoCountriesOnly() {
        RelationPair pair = RelationPair.of(KR, CU);
        assertThat(pair.contains(CU)).isTrue();
        assertThat(pair.contains(KR)).isTrue();
        assertThat(pair.contains(CountryCode.of("KP"))).isFalse();
    }

    @Test
    @DisplayName("R4: a relation needs two different countries")
    void refusesOneCountryTwice() {
        assertThatThrownBy(() -> RelationPair.of(CU, CountryCode.of("cu")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.R4_SAME_COUNTRY))
                .hasMessageContaining("not CU twice");
    }
}
