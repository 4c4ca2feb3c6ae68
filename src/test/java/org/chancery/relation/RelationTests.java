package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RelationTests {

    private final Relation relation = new Relation(RelationPair.of(CountryCode.of("KR"), CountryCode.of("CU")));

    private static FuzzyDate day(String date) {
        return FuzzyDate.of(LocalDate.parse(date), DatePrecision.DAY);
    }

    @Test
    void keepsThePairInCodeOrder() {
        assertThat(relation.pair().codes()).containsExactly("CU", "KR");
    }

    @Test
    @DisplayName("R4: a relation needs two different countries")
    void refusesTheSameCountryTwice() {
        assertThatThrownBy(() -> RelationPair.of(CountryCode.of("CU"), CountryCode.of("cu")))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.R4_SAME_COUNTRY));
    }

    @Test
    void updatesTheDerivedStateWithEveryEvent() {
        relation.record(EventType.ESTABLISHED, FuzzyDate.of(LocalDate.of(1949, 6, 1), DatePrecision.YEAR), null, List.of());
        assertThat(relation.status()).isEqualTo(RelationStatus.ESTABLISHED);
        assertThat(relation.since()).isEqualTo(LocalDate.of(1949, 1, 1));

        relation.record(EventType.SEVERED, FuzzyDate.of(LocalDate.of(1959, 1, 1), DatePrecision.YEAR), null, List.of());
        assertThat(relation.status()).isEqualTo(RelationStatus.SEVERED);
        assertThat(relation.since()).isEqualTo(LocalDate.of(1959, 1, 1));
        assertThat(relation.consularStatus()).isEqualTo(RelationStatus.ESTABLISHED);
    }

    @Test
    void leavesTheRelationUnchangedWhenAnEventIsRefused() {
        relation.record(EventType.ESTABLISHED, day("1949-01-01"), null, List.of());

        assertThatThrownBy(() -> relation.record(EventType.RESTORED, day("2024-02-14"), null, List.of()))
                .isInstanceOf(RuleViolationException.class);
        assertThat(relation.events()).hasSize(1);
        assertThat(relation.status()).isEqualTo(RelationStatus.ESTABLISHED);
    }

    @Test
    @DisplayName("R1: deleting the severance a restoration follows is refused; deleting the restoration is fine")
    void removesEventsOnlyIfTheRestStillFollowsTheStateMachine() {
        relation.record(EventType.ESTABLISHED, day("1949-01-01"), null, List.of());
        RelationEvent severed = relation.record(EventType.SEVERED, day("1959-01-01"), null, List.of());
        RelationEvent restored = relation.record(EventType.RESTORED, day("2024-02-14"), null, List.of());

        assertThatThrownBy(() -> relation.removeAll(List.of(severed))).isInstanceOf(RuleViolationException.class);
        assertThat(relation.events()).hasSize(3);

        relation.removeAll(List.of(restored));
        assertThat(relation.status()).isEqualTo(RelationStatus.SEVERED);
        relation.removeAll(List.of(severed));
        assertThat(relation.status()).isEqualTo(RelationStatus.ESTABLISHED);
        assertThat(relation.since()).isEqualTo(LocalDate.of(1949, 1, 1));
    }
}
