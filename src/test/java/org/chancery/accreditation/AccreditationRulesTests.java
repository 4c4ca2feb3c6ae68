package org.chancery.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.chancery.country.CountryCode;
import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.relation.EventFact;
import org.chancery.relation.EventType;
import org.chancery.relation.RelationHistory;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class AccreditationRulesTests {

    private static final CountryCode US = new CountryCode("US");
    private static final CountryCode AG = new CountryCode("AG");
    private static final CountryCode BB = new CountryCode("BB");

    record Event(Long id, EventType type, LocalDate date) implements EventFact {
    }

    private static final RelationHistory ESTABLISHED_1981_SEVERED_2000 = RelationHistory.replay(List.of(
            new Event(1L, EventType.ESTABLISHED, day("1981-11-01")), new Event(2L, EventType.SEVERED, day("2000-01-01"))));

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static void assertRefused(ThrowingCallable check, Rule rule) {
        assertThatThrownBy(check).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo(rule));
    }

    private static Accreditation accreditation(AccreditationLevel level, String from, String to) {
        Accreditation accreditation = new Accreditation(US, AG, level, FuzzyDate.of(day(from), DatePrecision.DAY), null,
                null, List.of());
        if (to != null) {
            accreditation.end(FuzzyDate.of(day(to), DatePrecision.DAY));
        }
        return accreditation;
    }

    private static MissionFacts mission(CountryCode sending, CountryCode receiving, MissionType type, String opened,
            String closed) {
        return new MissionFacts(12, sending, receiving, type, "Bridgetown", MissionStatus.OPEN,
                opened == null ? null : day(opened), closed == null ? null : day(closed));
    }

    @Test
    void r23AnAmbassadorStartsOnlyWhileDiplomaticRelationsAreEstablished() {
        assertRefused(() -> AccreditationRules.relations(AccreditationLevel.AMBASSADOR, US, AG, day("1980-01-01"), null,
                ESTABLISHED_1981_SEVERED_2000), Rule.R23_RELATION_NOT_ESTABLISHED);
        assertRefused(() -> AccreditationRules.relations(AccreditationLevel.ENVOY, US, AG, day("2001-01-01"), null,
                ESTABLISHED_1981_SEVERED_2000), Rule.R23_RELATION_NOT_ESTABLISHED);
        assertThatCode(() -> AccreditationRules.relations(AccreditationLevel.AMBASSADOR, US, AG, day("1994-06-30"),
                day("2000-01-01"), ESTABLISHED_1981_SEVERED_2000)).doesNotThrowAnyException();
    }

    @Test
    void r23ADiplomaticAccreditationDoesNotOutliveASeveranceWithinItsPeriod() {
        assertRefused(() -> AccreditationRules.relations(AccreditationLevel.AMBASSADOR, US, AG, day("1994-06-30"), null,
                ESTABLISHED_1981_SEVERED_2000), Rule.R23_RELATION_NOT_ESTABLISHED);
        assertRefused(() -> AccreditationRules.relations(AccreditationLevel.AMBASSADOR, US, AG, day("1994-06-30"),
                day("2000-01-02"), ESTABLISHED_1981_SEVERED_2000), Rule.R23_RELATION_NOT_ESTABLISHED);
    }

    @Test
    void r23AConsulNeedsConsularRelationsOnly() {
        assertRefused(() -> AccreditationRules.relations(AccreditationLevel.CONSUL, US, AG, day("1980-01-01"), null,
                ESTABLISHED_1981_SEVERED_2000), Rule.R23_CONSULAR_RELATION_NOT_ESTABLISHED);
        assertThatCode(() -> AccreditationRules.relations(AccreditationLevel.CONSUL, US, AG, day("2001-01-01"), null,
                ESTABLISHED_1981_SEVERED_2000)).doesNotThrowAnyException();
    }

    @Test
    void r23ADirectionHasAtMostOneDiplomaticAccreditationAtATime() {
        List<Accreditation> recorded = List.of(accreditation(AccreditationLevel.ENVOY, "1990-01-01", "1994-06-30"),
                accreditation(AccreditationLevel.CONSUL, "1985-01-01", null));
        assertRefused(() -> AccreditationRules.oneAtATime(day("1994-06-29"), null, recorded),
                Rule.R23_ACCREDITATION_CONFLICT);
        assertRefused(() -> AccreditationRules.oneAtATime(day("1980-01-01"), day("1990-01-02"), recorded),
                Rule.R23_ACCREDITATION_CONFLICT);
        assertThatCode(() -> AccreditationRules.oneAtATime(day("1994-06-30"), null, recorded)).doesNotThrowAnyException();
        assertThatCode(() -> AccreditationRules.oneAtATime(day("1980-01-01"), day("1990-01-01"), recorded))
                .doesNotThrowAnyException();
    }

    @Test
    void r23NoDiplomaticAccreditationWhileTheDirectionHasAnEmbassyClassMissionOpen() {
        List<MissionFacts> embassies = List.of(mission(US, AG, MissionType.EMBASSY, "1981-11-01", "1994-06-30"));
        assertRefused(() -> AccreditationRules.noEmbassyOpen(day("1994-06-29"), null, embassies),
                Rule.R23_ACCREDITATION_CONFLICT);
        assertRefused(() -> AccreditationRules.noEmbassyOpen(day("1970-01-01"), null, embassies),
                Rule.R23_ACCREDITATION_CONFLICT);
        assertThatCode(() -> AccreditationRules.noEmbassyOpen(day("1994-06-30"), null, embassies))
                .doesNotThrowAnyException();
        assertThatCode(() -> AccreditationRules.noEmbassyOpen(day("1970-01-01"), day("1981-11-01"), embassies))
                .doesNotThrowAnyException();
    }

    @Test
    void r23TheHeadResidesAtADiplomaticMissionOfTheSendingCountryInAThirdCountryOpenOnTheStart() {
        assertThatCode(() -> AccreditationRules.residentMission(mission(US, BB, MissionType.EMBASSY, "1966-11-30", null),
                US, AG, day("1994-06-30"))).doesNotThrowAnyException();
        assertRefused(() -> AccreditationRules.residentMission(mission(BB, US, MissionType.EMBASSY, "1966-11-30", null),
                US, AG, day("1994-06-30")), Rule.R23_RESIDENT_MISSION_INVALID);
        assertRefused(() -> AccreditationRules.residentMission(mission(US, AG, MissionType.EMBASSY, "1966-11-30", null),
                US, AG, day("1994-06-30")), Rule.R23_RESIDENT_MISSION_INVALID);
        assertRefused(() -> AccreditationRules.residentMission(mission(US, BB, MissionType.CONSULATE, "1966-11-30", null),
                US, AG, day("1994-06-30")), Rule.R23_RESIDENT_MISSION_INVALID);
        assertRefused(() -> AccreditationRules.residentMission(mission(US, BB, MissionType.EMBASSY, "1966-11-30",
                "1990-01-01"), US, AG, day("1994-06-30")), Rule.R23_RESIDENT_MISSION_INVALID);
        assertRefused(() -> AccreditationRules.residentMission(mission(US, BB, MissionType.EMBASSY, null, null),
                US, AG, day("1994-06-30")), Rule.R23_RESIDENT_MISSION_INVALID);
    }

    @Test
    void endsOnceAndNotBeforeItStarted() {
        Accreditation ended = accreditation(AccreditationLevel.AMBASSADOR, "1994-06-30", "2000-01-01");
        assertRefused(() -> ended.end(FuzzyDate.of(day("2001-01-01"), DatePrecision.DAY)),
                Rule.R23_ACCREDITATION_CONFLICT);
        Accreditation open = accreditation(AccreditationLevel.AMBASSADOR, "1994-06-30", null);
        assertThatThrownBy(() -> open.end(FuzzyDate.of(day("1994-06-29"), DatePrecision.DAY)))
                .isInstanceOf(InvalidInputException.class);
    }
}
