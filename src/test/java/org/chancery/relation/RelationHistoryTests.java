package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chancery.relation.EventType.CONSULAR_ESTABLISHED;
import static org.chancery.relation.EventType.CONSULAR_SEVERED;
import static org.chancery.relation.EventType.ESTABLISHED;
import static org.chancery.relation.EventType.RESTORED;
import static org.chancery.relation.EventType.SEVERED;
import static org.chancery.relation.RelationStatus.NONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.assertj.core.groups.Tuple;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationHistoryTests {

    record Event(Long id, EventType type, LocalDate date, DatePrecision datePrecision) implements EventFact {

        Event(Long id, EventType type, LocalDate date) {
            this(id, type, date, DatePrecision.DAY);
        }
    }

    private static long ids = 1;

    private static Event event(EventType type, String date) {
        return new Event(ids++, type, LocalDate.parse(date));
    }

    private static Event event(EventType type, String date, DatePrecision precision) {
        return new Event(ids++, type, LocalDate.parse(date), precision);
    }

    private static RelationHistory replay(Event... events) {
        return RelationHistory.replay(Arrays.asList(events));
    }

    private static void assertRefused(Event... events) {
        assertThatThrownBy(() -> replay(events))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.R1_RELATION_TRANSITION_INVALID));
    }

    @Test
    void startsWithNoRelations() {
        RelationState state = RelationHistory.empty().current();
        assertThat(state.status()).isEqualTo(NONE);
        assertThat(state.consularStatus()).isEqualTo(NONE);
        assertThat(state.since()).isNull();
    }

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @DisplayName("R1: the diplomatic track's transitions")
    @CsvSource({
            "ESTABLISHED, '',                 ESTABLISHED/ESTABLISHED",
            "SEVERED,     '',                 refused",
            "RESTORED,    '',                 refused",
            "ESTABLISHED, ESTABLISHED,        refused",
            "SEVERED,     ESTABLISHED,        SEVERED/ESTABLISHED",
            "RESTORED,    ESTABLISHED,        refused",
            "ESTABLISHED, ESTABLISHED SEVERED, refused",
            "SEVERED,     ESTABLISHED SEVERED, refused",
            "RESTORED,    ESTABLISHED SEVERED, ESTABLISHED/ESTABLISHED",
            "SEVERED,     ESTABLISHED SEVERED RESTORED, SEVERED/ESTABLISHED",
            "CONSULAR_ESTABLISHED, ESTABLISHED, refused",
            "CONSULAR_SEVERED, '', refused",
            "CONSULAR_ESTABLISHED, '', NONE/ESTABLISHED",
            "CONSULAR_SEVERED, CONSULAR_ESTABLISHED, NONE/SEVERED",
            "CONSULAR_ESTABLISHED, CONSULAR_ESTABLISHED CONSULAR_SEVERED, NONE/ESTABLISHED",
            "CONSULAR_SEVERED, ESTABLISHED, ESTABLISHED/SEVERED",
    })
    void followsTheStateMachine(EventType next, String before, String expected) {
        List<EventFact> events = new ArrayList<>();
        int year = 1950;
        for (String type : before.isBlank() ? new String[0] : before.trim().split("\\s+")) {
            events.add(event(EventType.valueOf(type), (year++) + "-01-01"));
        }
        events.add(event(next, "2000-01-01"));
        if (!expected.equals("refused")) {
            RelationState current = RelationHistory.replay(events).current();
            assertThat(current.status() + "/" + current.consularStatus()).as("diplomatic/consular status")
                    .isEqualTo(expected);
            if (next.track() == Track.DIPLOMATIC) {
                assertThat(current.since()).as("set by the last event").isEqualTo(LocalDate.of(2000, 1, 1));
            }
        } else {
            assertThatThrownBy(() -> RelationHistory.replay(events))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.rule()).isEqualTo(Rule.R1_RELATION_TRANSITION_INVALID));
        }
    }

    @Test
    void knowsTheSinceAsWellAsTheEventThatSetTheStatusAndKeepsItThroughConsularEvents() {
        RelationHistory history = replay(event(ESTABLISHED, "1960-01-01", DatePrecision.YEAR),
                event(CONSULAR_SEVERED, "1970-03-02"), event(SEVERED, "1980-05-01", DatePrecision.MONTH));

        assertThat(history.on(LocalDate.of(1965, 1, 1)).sincePrecision()).isEqualTo(DatePrecision.YEAR);
        assertThat(history.on(LocalDate.of(1975, 1, 1)).since()).isEqualTo(LocalDate.of(1960, 1, 1));
        assertThat(history.on(LocalDate.of(1975, 1, 1)).sincePrecision()).as("after a consular event")
                .isEqualTo(DatePrecision.YEAR);
        assertThat(history.current().sincePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(history.on(LocalDate.of(1959, 12, 31)).sincePrecision()).isNull();
    }

    @Test
    @DisplayName("the CU–KR story: established, severed, restored")
    void derivesStatusAndSinceFromTheLatestEvent() {
        RelationHistory history = replay(event(ESTABLISHED, "1949-01-01"), event(SEVERED, "1959-01-01"),
                event(RESTORED, "2024-02-14"));

        assertThat(history.current()).isEqualTo(new RelationState(RelationStatus.ESTABLISHED,
                LocalDate.of(2024, 2, 14), DatePrecision.DAY, RelationStatus.ESTABLISHED, LocalDate.of(2024, 2, 14)));
        assertThat(history.on(LocalDate.of(1970, 1, 1)).status()).isEqualTo(RelationStatus.SEVERED);
        assertThat(history.on(LocalDate.of(1970, 1, 1)).since()).isEqualTo(LocalDate.of(1959, 1, 1));
        assertThat(history.on(LocalDate.of(1948, 12, 31)).status()).isEqualTo(NONE);
        assertThat(history.on(LocalDate.of(2024, 2, 13)).status()).isEqualTo(RelationStatus.SEVERED);
        assertThat(history.on(LocalDate.of(2024, 2, 14)).status()).isEqualTo(RelationStatus.ESTABLISHED);
    }

    @Test
    @DisplayName("R2: diplomatic relations bring consular relations; a severance leaves them")
    void diplomaticRelationsBringConsularRelations() {
        RelationHistory history = replay(event(ESTABLISHED, "1949-01-01"), event(SEVERED, "1959-01-01"));

        assertThat(history.on(LocalDate.of(1950, 1, 1)).consularStatus()).isEqualTo(RelationStatus.ESTABLISHED);
        assertThat(history.current().consularStatus()).isEqualTo(RelationStatus.ESTABLISHED);
    }

    @Test
    @DisplayName("R2: restoring relations re-establishes severed consular relations")
    void restorationReestablishesConsularRelations() {
        RelationHistory history = replay(event(ESTABLISHED, "1949-01-01"), event(CONSULAR_SEVERED, "1958-01-01"),
                event(SEVERED, "1959-01-01"), event(RESTORED, "2024-02-14"));

        assertThat(history.on(LocalDate.of(1960, 1, 1)).consularStatus()).isEqualTo(RelationStatus.SEVERED);
        assertThat(history.current().consularStatus()).isEqualTo(RelationStatus.ESTABLISHED);
    }

    @Test
    @DisplayName("R1: history back-filled out of order is replayed in date order")
    void acceptsHistoryInAnyOrderOfRecording() {
        RelationHistory history = replay(event(RESTORED, "2024-02-14"), event(ESTABLISHED, "1949-01-01"),
                event(SEVERED, "1959-01-01"));

        assertThat(history.events()).extracting(EventFact::type).containsExactly(ESTABLISHED, SEVERED, RESTORED);
    }

    @Test
    @DisplayName("R1: a back-filled event that breaks a later recorded one is refused")
    void refusesBackfilledEventThatBreaksLaterHistory() {
        assertRefused(event(ESTABLISHED, "1949-01-01"), event(SEVERED, "1959-01-01"), event(SEVERED, "1955-01-01"));
        assertRefused(event(ESTABLISHED, "1949-01-01"), event(ESTABLISHED, "1940-01-01"));
    }

    @Test
    @DisplayName("R1: removing an event that later ones depend on is refused")
    void refusesHistoryWithARemovedFoundation() {
        Event established = event(ESTABLISHED, "1949-01-01");
        Event severed = event(SEVERED, "1959-01-01");
        Event restored = event(RESTORED, "2024-02-14");
        assertThat(replay(established, severed, restored).current().status()).isEqualTo(RelationStatus.ESTABLISHED);

        assertRefused(severed, restored);
        assertRefused(established, restored);
        assertThat(replay(established, severed).current().status()).as("without the last event")
                .isEqualTo(RelationStatus.SEVERED);
    }

    @Test
    @DisplayName("R1: two events of one track on one day are refused; of two tracks they are fine")
    void refusesTwoEventsOfOneTrackOnOneDay() {
        assertRefused(event(ESTABLISHED, "1949-01-01"), event(SEVERED, "1949-01-01"));
        assertRefused(event(CONSULAR_ESTABLISHED, "1949-01-01"), event(CONSULAR_SEVERED, "1949-01-01"));

        RelationHistory history = replay(event(ESTABLISHED, "1949-01-01"), event(CONSULAR_ESTABLISHED, "1949-01-01"));
        assertThat(history.current().consularStatus()).isEqualTo(RelationStatus.ESTABLISHED);
    }

    @Test
    void namesTheTrackInTheSameWordsOnATurkishHost() {
        Locale host = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThatThrownBy(() -> replay(event(ESTABLISHED, "1949-01-01"), event(SEVERED, "1949-01-01")))
                    .hasMessageContaining("Two events of the diplomatic track on one day");
        } finally {
            Locale.setDefault(host);
        }
    }

    @Test
    void keepsTheLatestEstablishmentThroughASeverance() {
        RelationHistory history = replay(event(ESTABLISHED, "1949-01-01"), event(SEVERED, "1959-01-01"));

        assertThat(history.current().latestEstablishment()).isEqualTo(LocalDate.of(1949, 1, 1));
        assertThat(history.severances()).containsExactly(LocalDate.of(1959, 1, 1));
    }

    @Test
    void namesTheOffendingEventInTheRefusal() {
        assertThatThrownBy(() -> replay(event(ESTABLISHED, "1949-01-01"), new Event(77L, ESTABLISHED,
                LocalDate.of(1960, 1, 1))))
                .hasMessageContaining("ESTABLISHED on 1960-01-01 (event 77)")
                .hasMessageContaining("ESTABLISHED (since 1949-01-01)");
    }

    @Test
    void namesTheStatusOfTheOffendingEventsOwnTrack() {
        assertThatThrownBy(() -> replay(event(CONSULAR_ESTABLISHED, "1950-01-01"),
                event(CONSULAR_SEVERED, "1951-01-01"), new Event(78L, CONSULAR_SEVERED, LocalDate.of(1952, 1, 1))))
                .hasMessageContaining("CONSULAR_SEVERED on 1952-01-01 (event 78) cannot follow consular status "
                        + "SEVERED");
        assertThatThrownBy(() -> replay(event(CONSULAR_ESTABLISHED, "1950-01-01"),
                new Event(79L, SEVERED, LocalDate.of(1952, 1, 1))))
                .hasMessageContaining("SEVERED on 1952-01-01 (event 79) cannot follow diplomatic status NONE");
    }

    @Test
    @DisplayName("R1, R2: a consular severance on the day of an establishment is refused, saying when it can be")
    void saysWhyConsularRelationsEstablishedThatDayCannotBeSeveredTheSameDay() {
        assertThatThrownBy(() -> replay(new Event(5L, ESTABLISHED, LocalDate.of(2000, 1, 1)),
                new Event(6L, CONSULAR_SEVERED, LocalDate.of(2000, 1, 1))))
                .hasMessageContaining("CONSULAR_SEVERED on 2000-01-01 (event 6) cannot follow consular status NONE")
                .hasMessageContaining("consular relations that ESTABLISHED on 2000-01-01 (event 5) brings (R2) can be "
                        + "severed from the next day");
        assertThat(replay(event(ESTABLISHED, "2000-01-01"), event(CONSULAR_SEVERED, "2000-01-02")).current()
                .consularStatus()).isEqualTo(RelationStatus.SEVERED);
        assertThatThrownBy(() -> replay(event(SEVERED, "2000-01-01"), event(CONSULAR_SEVERED, "2000-01-01")))
                .hasMessageNotContaining("brings (R2)");
    }

    @Test
    void givesTheHistoryAsPeriodsOfOneStateOneForEachDayWithEvents() {
        RelationHistory history = replay(event(CONSULAR_ESTABLISHED, "1900-03-01"), event(ESTABLISHED, "1902-05-27"),
                event(SEVERED, "1961-01-03"), event(CONSULAR_SEVERED, "1961-01-03"), event(RESTORED, "2015-07-20"));

        assertThat(history.intervals()).extracting(RelationHistory.Interval::from, RelationHistory.Interval::to)
                .containsExactly(
                        Tuple.tuple(LocalDate.of(1900, 3, 1), LocalDate.of(1902, 5, 27)),
                        Tuple.tuple(LocalDate.of(1902, 5, 27), LocalDate.of(1961, 1, 3)),
                        Tuple.tuple(LocalDate.of(1961, 1, 3), LocalDate.of(2015, 7, 20)),
                        Tuple.tuple(LocalDate.of(2015, 7, 20), null));
        RelationState severed = history.intervals().get(2).state();
        assertThat(severed.status()).isEqualTo(RelationStatus.SEVERED);
        assertThat(severed.since()).isEqualTo(LocalDate.of(1961, 1, 3));
        assertThat(severed.consularStatus()).isEqualTo(RelationStatus.SEVERED);
        for (RelationHistory.Interval interval : history.intervals()) {
            assertThat(history.on(interval.from())).isEqualTo(interval.state());
        }
        assertThat(replay().intervals()).isEmpty();
    }
}
