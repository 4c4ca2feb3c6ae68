package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationState;
import org.chancery.relation.RelationStatus;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MissionTests {

    private static final CountryCode CU = CountryCode.of("CU");
    private static final CountryCode KR = CountryCode.of("KR");
    private static final CountryCode CH = CountryCode.of("CH");
    private static final CountryCode US = CountryCode.of("US");

    private static final RelationState ESTABLISHED = new RelationState(RelationStatus.ESTABLISHED,
            LocalDate.of(2024, 2, 14), DatePrecision.DAY, RelationStatus.ESTABLISHED, LocalDate.of(2024, 2, 14));
    private static final RelationState SEVERED = new RelationState(RelationStatus.SEVERED,
            LocalDate.of(1959, 1, 1), DatePrecision.DAY, RelationStatus.ESTABLISHED, LocalDate.of(1949, 1, 1));
    private static final RelationState CONSULAR_ONLY = new RelationState(RelationStatus.NONE, null, null,
            RelationStatus.ESTABLISHED, null);

    private static Mission mission(MissionType type) {
        return new Mission(CU, KR, type, "Seoul", PartialDate.parse("2024-07"), type == MissionType.INTERESTS_SECTION
                ? CH : null, List.of());
    }

    private static FuzzyDate day(String date) {
        return FuzzyDate.of(LocalDate.parse(date), DatePrecision.DAY);
    }

    private static void assertBreaks(Rule rule, Executable change) {
        assertThatThrownBy(change::execute).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    @DisplayName("R5: embassy-class missions and provisional offices need established diplomatic relations")
    void embassiesNeedDiplomaticRelations() {
        for (MissionType type : List.of(MissionType.EMBASSY, MissionType.HIGH_COMMISSION, MissionType.NUNCIATURE,
                MissionType.PROVISIONAL_OFFICE)) {
            assertBreaks(Rule.R5_RELATION_NOT_ESTABLISHED, () -> MissionRules.relationsForOpening(mission(type),
                    LocalDate.of(2000, 1, 1), SEVERED, RelationState.NONE));
            assertThatCode(() -> MissionRules.relationsForOpening(mission(type), LocalDate.of(2025, 1, 1), ESTABLISHED,
                    RelationState.NONE)).doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("R6: consular posts need consular relations, even without diplomatic ones")
    void consularPostsNeedConsularRelations() {
        for (MissionType type : List.of(MissionType.CONSULATE_GENERAL, MissionType.CONSULATE,
                MissionType.HONORARY_CONSULATE)) {
            assertBreaks(Rule.R6_CONSULAR_RELATION_NOT_ESTABLISHED, () -> MissionRules.relationsForOpening(
                    mission(type), LocalDate.of(2000, 1, 1), RelationState.NONE, RelationState.NONE));
            assertThatCode(() -> MissionRules.relationsForOpening(mission(type), LocalDate.of(2000, 1, 1),
                    CONSULAR_ONLY, RelationState.NONE)).doesNotThrowAnyException();
        }
    }

    @Test
    @DisplayName("R7: a second embassy-class mission of a direction is refused")
    void oneEmbassyPerDirection() {
        Mission open = mission(MissionType.EMBASSY);
        assertBreaks(Rule.R7_EMBASSY_ALREADY_OPEN, () -> MissionRules.oneEmbassyPerDirection(
                mission(MissionType.HIGH_COMMISSION), LocalDate.of(2025, 1, 1), List.of(open)));
        assertThatCode(() -> MissionRules.oneEmbassyPerDirection(mission(MissionType.EMBASSY), LocalDate.of(2025, 1, 1),
                List.of())).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R9: an interests section needs a third country as protecting power, no relations, and a protector with relations")
    void interestsSectionRules() {
        assertBreaks(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED,
                () -> MissionRules.protectingPower(MissionType.INTERESTS_SECTION, US, CU, null));
        assertBreaks(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED,
                () -> MissionRules.protectingPower(MissionType.INTERESTS_SECTION, US, CU, CU));
        assertThatCode(() -> MissionRules.protectingPower(MissionType.INTERESTS_SECTION, US, CU, CH))
                .doesNotThrowAnyException();

        Mission section = mission(MissionType.INTERESTS_SECTION);
        assertBreaks(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED, () -> MissionRules.relationsForOpening(section,
                LocalDate.of(2025, 1, 1), ESTABLISHED, ESTABLISHED));
        assertBreaks(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED, () -> MissionRules.relationsForOpening(section,
                LocalDate.of(1977, 9, 1), SEVERED, RelationState.NONE));
        assertThatCode(() -> MissionRules.relationsForOpening(section, LocalDate.of(1977, 9, 1), SEVERED, ESTABLISHED))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R10: a liaison office opens whatever the relations")
    void liaisonOfficesOpenFreely() {
        assertThatCode(() -> MissionRules.relationsForOpening(mission(MissionType.LIAISON_OFFICE),
                LocalDate.of(1995, 1, 28), RelationState.NONE, RelationState.NONE)).doesNotThrowAnyException();
        assertThatCode(() -> MissionRules.relationsForOpening(mission(MissionType.LIAISON_OFFICE),
                LocalDate.of(1995, 1, 28), SEVERED, RelationState.NONE)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R12: PLANNED → OPEN → CLOSED, or PLANNED → CANCELLED; no closing before opening")
    void followsTheStatusMachine() {
        Mission mission = mission(MissionType.EMBASSY);
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> mission.close(day("2025-01-01"), null));
        mission.open(day("2025-01-17"));
        assertThat(mission.status()).isEqualTo(MissionStatus.OPEN);
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> mission.open(day("2025-01-18")));
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, mission::cancel);
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> mission.close(day("2025-01-16"), null));
        mission.close(day("2025-06-30"), "Budget");
        assertThat(mission.status()).isEqualTo(MissionStatus.CLOSED);
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> mission.close(day("2025-07-01"), null));

        Mission planned = mission(MissionType.CONSULATE);
        planned.cancel();
        assertThat(planned.status()).isEqualTo(MissionStatus.CANCELLED);
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> planned.open(day("2025-01-01")));
    }

    @Test
    @DisplayName("R12: a mission closes neither before its head's start nor before the end recorded for its head")
    void closesOnlyOnceItsHeadHasServed() {
        Mission mission = mission(MissionType.EMBASSY);
        mission.open(day("2025-01-17"));
        mission.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null, day("2025-02-01"), day("2025-05-31"), null);

        assertThatThrownBy(() -> mission.close(day("2025-01-31"), null)).hasMessageContaining("serves after that day");
        assertThatThrownBy(() -> mission.close(day("2025-05-30"), null)).hasMessageContaining("serves after that day");
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> mission.close(day("2025-05-30"), null));
        assertThat(mission.status()).isEqualTo(MissionStatus.OPEN);

        assertThat(mission.close(day("2025-05-31"), null)).as("no head left to end").isEmpty();
        assertThat(mission.status()).isEqualTo(MissionStatus.CLOSED);
    }

    @Test
    void derivesTheStatusOnADay() {
        Mission mission = mission(MissionType.EMBASSY);
        mission.open(day("2025-01-17"));
        mission.close(day("2025-06-30"), null);
        assertThat(mission.statusOn(LocalDate.of(2025, 1, 16))).isEqualTo(MissionStatus.PLANNED);
        assertThat(mission.statusOn(LocalDate.of(2025, 1, 17))).isEqualTo(MissionStatus.OPEN);
        assertThat(mission.statusOn(LocalDate.of(2025, 6, 29))).isEqualTo(MissionStatus.OPEN);
        assertThat(mission.statusOn(LocalDate.of(2025, 6, 30))).isEqualTo(MissionStatus.CLOSED);
        Mission cancelled = mission(MissionType.CONSULATE);
        cancelled.cancel();
        assertThat(cancelled.statusOn(LocalDate.of(2025, 1, 16))).isEqualTo(MissionStatus.CANCELLED);
    }

    @Test
    @DisplayName("R13: a head of mission is a diplomat of the sending country")
    void headIsOfTheSendingCountry() {
        assertBreaks(Rule.R13_DIPLOMAT_NOT_OF_SENDING_COUNTRY,
                () -> MissionRules.diplomatOfSendingCountry(mission(MissionType.EMBASSY), KR, "Chung Byung-won"));
        assertThatCode(() -> MissionRules.diplomatOfSendingCountry(mission(MissionType.EMBASSY), CU,
                "Claudio Monzón Baeza")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R14: ambassadors and envoys need agrément on or before the start")
    void ambassadorsNeedAgrement() {
        Mission mission = mission(MissionType.EMBASSY);
        LocalDate start = LocalDate.of(2025, 1, 8);
        assertBreaks(Rule.R14_AGREMENT_REQUIRED, () -> mission.appoint(1, "A", HeadRank.AMBASSADOR, null, day("2025-01-08"),
                null, null));
        assertBreaks(Rule.R14_AGREMENT_REQUIRED,
                () -> mission.appoint(1, "A", HeadRank.ENVOY, start.plusDays(1), day("2025-01-08"), null, null));
        mission.appoint(1, "A", HeadRank.AMBASSADOR, start, day("2025-01-08"), null, null);
        mission(MissionType.EMBASSY).appoint(2, "B", HeadRank.CHARGE_D_AFFAIRES, null, day("2025-01-08"), null, null);
    }

    @Test
    @DisplayName("R15: heads start while relations are established, at diplomatic missions only — open or not")
    void headsNeedRelationsAndADiplomaticMission() {
        assertBreaks(Rule.R15_RELATION_NOT_ESTABLISHED, () -> MissionRules.headOfMission(mission(MissionType.EMBASSY),
                LocalDate.of(2000, 1, 1), SEVERED));
        assertBreaks(Rule.R15_MISSION_TYPE_INVALID, () -> MissionRules.headOfMission(mission(MissionType.CONSULATE),
                LocalDate.of(2025, 1, 1), ESTABLISHED));
        assertBreaks(Rule.R15_MISSION_TYPE_INVALID, () -> mission(MissionType.CONSULATE_GENERAL)
                .appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null, day("2025-01-01"), null, null));
        Mission planned = mission(MissionType.EMBASSY);
        assertThatCode(() -> MissionRules.headOfMission(planned, LocalDate.of(2025, 1, 8), ESTABLISHED))
                .doesNotThrowAnyException();
        assertThat(planned.appoint(1, "Claudio Monzón Baeza", HeadRank.AMBASSADOR, LocalDate.of(2024, 12, 1),
                day("2025-01-08"), null, null).servesOn(LocalDate.of(2025, 1, 8))).isTrue();
        assertThat(planned.status()).isEqualTo(MissionStatus.PLANNED);
    }

    @Test
    @DisplayName("R16: heads' periods never overlap; a successor may start the day the predecessor ends")
    void headsDoNotOverlap() {
        Mission mission = mission(MissionType.EMBASSY);
        mission.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES_AD_INTERIM, null, day("2024-03-01"),
                day("2025-01-08"), null);
        assertBreaks(Rule.R16_HEAD_OF_MISSION_OVERLAP, () -> mission.appoint(2, "B", HeadRank.CHARGE_D_AFFAIRES, null,
                day("2024-12-01"), null, null));
        assertBreaks(Rule.R16_HEAD_OF_MISSION_OVERLAP, () -> mission.appoint(2, "B", HeadRank.CHARGE_D_AFFAIRES, null,
                day("2023-01-01"), day("2024-03-02"), null));
        mission.appoint(2, "B", HeadRank.AMBASSADOR, LocalDate.of(2024, 12, 1), day("2025-01-08"), null, null);
        mission.appoint(3, "C", HeadRank.CHARGE_D_AFFAIRES, null, day("2023-01-01"), day("2024-03-01"), null);
        assertThat(mission.heads()).extracting(HeadOfMission::name).containsExactly("C", "A", "B");
    }

    @Test
    @DisplayName("a head's start and end known to a month or a year are the period's first day, and the rules compare those")
    void headsKnownToAMonthOrAYearAreComparedFromThePeriodsFirstDay() {
        Mission mission = mission(MissionType.EMBASSY);
        FuzzyDate in1952 = FuzzyDate.of(LocalDate.of(1952, 9, 8), DatePrecision.YEAR);
        assertBreaks(Rule.R14_AGREMENT_REQUIRED, () -> mission.appoint(1, "A", HeadRank.AMBASSADOR,
                LocalDate.of(1952, 3, 1), in1952, null, null));
        HeadOfMission first = mission.appoint(1, "A", HeadRank.AMBASSADOR, LocalDate.of(1949, 3, 15),
                FuzzyDate.of(LocalDate.of(1949, 4, 20), DatePrecision.MONTH), null, null);
        first.end(in1952);

        assertThat(first.startedOn()).isEqualTo(LocalDate.of(1949, 4, 1));
        assertThat(first.startedPrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(first.endedOn()).isEqualTo(LocalDate.of(1952, 1, 1));
        assertThat(first.endedPrecision()).isEqualTo(DatePrecision.YEAR);
        assertBreaks(Rule.R16_HEAD_OF_MISSION_OVERLAP, () -> mission.appoint(2, "B", HeadRank.CHARGE_D_AFFAIRES, null,
                day("1951-12-31"), null, null));
        HeadOfMission second = mission.appoint(2, "B", HeadRank.CHARGE_D_AFFAIRES, null, in1952, null, null);
        assertThat(second.startedOn()).isEqualTo(LocalDate.of(1952, 1, 1));
        assertThat(second.endedPrecision()).isNull();
    }

    @Test
    @DisplayName("R16: closing a mission ends its serving head that day")
    void closingEndsTheServingHead() {
        Mission mission = mission(MissionType.EMBASSY);
        mission.open(day("2024-09-01"));
        HeadOfMission head = mission.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null, day("2024-09-01"), null,
                null);
        assertThat(mission.headServingOn(LocalDate.of(2025, 4, 30))).containsSame(head);
        assertThat(mission.close(day("2025-05-01"), null)).as("the heads it ended").containsExactly(head);
        assertThat(head.endedOn()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(mission.headServingOn(LocalDate.of(2025, 5, 1))).isEmpty();
    }

    @Test
    @DisplayName("R12: a cancelled mission has no head, and a closed one none serving past its closing")
    void appointsNoHeadToACancelledMissionNorPastAClosing() {
        Mission cancelled = mission(MissionType.EMBASSY);
        cancelled.cancel();
        assertThatThrownBy(() -> cancelled.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null, day("2025-01-01"), null,
                null)).hasMessageContaining("was cancelled");

        Mission closed = mission(MissionType.EMBASSY);
        closed.open(day("2025-01-17"));
        closed.close(day("2025-06-30"), null);
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> closed.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null,
                day("2025-02-01"), null, null));
        assertBreaks(Rule.R12_MISSION_STATUS_INVALID, () -> closed.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null,
                day("2025-02-01"), day("2025-07-01"), null));
        closed.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null, day("2025-02-01"), day("2025-06-30"), null);
        assertThat(closed.heads()).hasSize(1);
    }

    @Test
    @DisplayName("R12: a planned mission is cancelled only while none of its heads serves")
    void cancelsAPlannedMissionOnlyWhileNoHeadServes() {
        Mission planned = mission(MissionType.EMBASSY);
        HeadOfMission head = planned.appoint(1, "Claudio Monzón Baeza", HeadRank.AMBASSADOR, LocalDate.of(2024, 12, 1),
                day("2025-01-08"), null, null);
        assertThatThrownBy(planned::cancel).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Claudio Monzón Baeza (AMBASSADOR, since 2025-01-08) serves");
        assertThat(planned.status()).isEqualTo(MissionStatus.PLANNED);

        head.end(day("2025-03-01"));
        planned.cancel();
        assertThat(planned.status()).isEqualTo(MissionStatus.CANCELLED);
        assertThat(planned.heads()).as("the heads who served stay listed").containsExactly(head);
    }

    @Test
    @DisplayName("R12: a refusal names the status the mission is in and the one it needs")
    void namesTheStatusesInARefusal() {
        Mission planned = mission(MissionType.EMBASSY);
        assertThatThrownBy(() -> planned.close(day("2025-01-01"), null))
                .hasMessageContaining("is PLANNED; only an OPEN mission can be closed");
        planned.open(day("2025-01-17"));
        assertThatThrownBy(() -> planned.open(day("2025-01-18")))
                .hasMessageContaining("is OPEN; only a PLANNED mission can be opened");
    }

    @Test
    @DisplayName("R16: a refusal names the head whose period the new one overlaps, and how long that one serves")
    void namesTheOverlappedHeadAndItsPeriod() {
        Mission mission = mission(MissionType.EMBASSY);
        mission.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null, day("2024-03-01"), day("2025-01-08"), null);
        mission.appoint(2, "B", HeadRank.AMBASSADOR, LocalDate.of(2024, 12, 1), day("2025-01-08"), null, null);
        assertThatThrownBy(() -> mission.appoint(3, "C", HeadRank.CHARGE_D_AFFAIRES, null, day("2024-12-01"),
                day("2025-01-02"), null))
                .hasMessageContaining("from 2024-12-01 to 2025-01-02 overlaps that of A (CHARGE_D_AFFAIRES, from "
                        + "2024-03-01 to 2025-01-08)");
        assertThatThrownBy(() -> mission.appoint(3, "C", HeadRank.CHARGE_D_AFFAIRES, null, day("2026-01-01"), null,
                null))
                .hasMessageContaining("from 2026-01-01 overlaps that of B (AMBASSADOR, from 2025-01-08, still "
                        + "serving)");
    }

    @Test
    @DisplayName("R15 with R11: a head of an embassy-class mission or provisional office ends by the first severance "
            + "after the start; one of a liaison office need not")
    void aHeadEndsByTheFirstSeveranceAfterTheStart() {
        List<LocalDate> severances = List.of(LocalDate.of(1959, 1, 1), LocalDate.of(2005, 1, 1));
        for (MissionType type : List.of(MissionType.EMBASSY, MissionType.PROVISIONAL_OFFICE)) {
            Mission mission = mission(type);
            assertBreaks(Rule.R15_RELATION_NOT_ESTABLISHED, () -> MissionRules.headEndsBySeverance(mission,
                    LocalDate.of(2000, 1, 1), null, severances));
            assertBreaks(Rule.R15_RELATION_NOT_ESTABLISHED, () -> MissionRules.headEndsBySeverance(mission,
                    LocalDate.of(2000, 1, 1), LocalDate.of(2005, 1, 2), severances));
            assertBreaks(Rule.R15_RELATION_NOT_ESTABLISHED, () -> MissionRules.headEndsBySeverance(mission,
                    LocalDate.of(2005, 1, 1), null, severances));
            assertThatCode(() -> MissionRules.headEndsBySeverance(mission, LocalDate.of(2000, 1, 1),
                    LocalDate.of(2005, 1, 1), severances)).doesNotThrowAnyException();
            assertThatCode(() -> MissionRules.headEndsBySeverance(mission, LocalDate.of(2005, 1, 2), null, severances))
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> MissionRules.headEndsBySeverance(mission(MissionType.LIAISON_OFFICE),
                LocalDate.of(2000, 1, 1), null, severances)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("R11: a head ended by a severance says so; one ended otherwise does not")
    void remembersAnEndBySeverance() {
        Mission mission = mission(MissionType.EMBASSY);
        HeadOfMission severed = mission.appoint(1, "A", HeadRank.CHARGE_D_AFFAIRES, null, day("2000-01-01"), null,
                null);
        severed.endBySeverance(day("2005-01-01"));
        HeadOfMission ended = mission.appoint(2, "B", HeadRank.CHARGE_D_AFFAIRES, null, day("2006-01-01"), null, null);
        ended.end(day("2007-01-01"));

        assertThat(severed.endedOn()).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(severed.endedBySeverance()).isTrue();
        assertThat(ended.endedBySeverance()).isFalse();
        assertThat(mission.headServingOn(LocalDate.of(2006, 6, 1))).containsSame(ended);
        assertThat(mission.headServingOn(LocalDate.of(2005, 6, 1))).isEmpty();
    }
}
