package org.chancery.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The milestone aggregate: its status on a given day, and the outcomes it can record. */
class MilestoneTests {

    private static final RelationPair CU_KR = RelationPair.of(CountryCode.of("KR"), CountryCode.of("CU"));
    private static final long EMBASSY_IN_SEOUL = 5L;

    private static Milestone planned(String target) {
        return new Milestone(CU_KR, "Provisional office in Havana", PartialDate.parse(target), null, List.of());
    }

    private static Milestone plannedWithMission(String target) {
        return new Milestone(CU_KR, "Cuban embassy in Seoul opens", PartialDate.parse(target), EMBASSY_IN_SEOUL,
                List.of());
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void keepsThePairInCodeOrderAndTheTargetItsDaysAndText() {
        Milestone milestone = new Milestone(CU_KR, "  Cuban embassy in Seoul opens ", PartialDate.parse("2024-07"),
                EMBASSY_IN_SEOUL, null);

        assertThat(milestone.pair().codes()).containsExactly("CU", "KR");
        assertThat(milestone.title()).isEqualTo("Cuban embassy in Seoul opens");
        assertThat(milestone.target()).hasToString("2024-07");
        assertThat(milestone.targetStart()).isEqualTo(day("2024-07-01"));
        assertThat(milestone.targetEnd()).isEqualTo(day("2024-07-31"));
        assertThat(milestone.missionId()).isEqualTo(EMBASSY_IN_SEOUL);
        assertThat(milestone.sources()).isEmpty();
    }

    @Nested
    class Status {

        @Test
        void isPendingUpToAndIncludingTheLastDayOfTheTarget() {
            Milestone july = plannedWithMission("2024-07");

            assertThat(july.status(day("2024-04-17"))).isEqualTo(MilestoneStatus.PENDING);
            assertThat(july.status(day("2024-07-01"))).isEqualTo(MilestoneStatus.PENDING);
            assertThat(july.status(day("2024-07-31"))).isEqualTo(MilestoneStatus.PENDING);
        }

        @Test
        void isOverdueFromTheDayAfterTheTarget() {
            Milestone july = plannedWithMission("2024-07");

            assertThat(july.status(day("2024-08-01"))).isEqualTo(MilestoneStatus.OVERDUE);
            assertThat(july.status(day("2026-06-01"))).isEqualTo(MilestoneStatus.OVERDUE);
            assertThat(planned("2024-H1").status(day("2024-06-30"))).isEqualTo(MilestoneStatus.PENDING);
            assertThat(planned("2024-H1").status(day("2024-07-01"))).isEqualTo(MilestoneStatus.OVERDUE);
            assertThat(planned("2024-07-15").status(day("2024-07-15"))).isEqualTo(MilestoneStatus.PENDING);
            assertThat(planned("2024-07-15").status(day("2024-07-16"))).isEqualTo(MilestoneStatus.OVERDUE);
        }

        @Test
        void isAchievedOnTimeWhenAchievedByTheLastDayOfTheTarget() {
            Milestone early = planned("2024-H1");
            early.achieve(day("2023-12-31"));
            Milestone lastDay = planned("2024-H1");
            lastDay.achieve(day("2024-06-30"));

            for (Milestone milestone : List.of(early, lastDay)) {
                assertThat(milestone.status(day("2026-06-01"))).isEqualTo(MilestoneStatus.ACHIEVED);
                assertThat(milestone.onTime()).isTrue();
            }
            assertThat(lastDay.achievedOn()).isEqualTo(day("2024-06-30"));
        }

        @Test
        void isAchievedLateWhenAchievedAfterTheTarget() {
            Milestone milestone = plannedWithMission("2024-07");

            milestone.missionOpened(day("2025-01-17"));

            assertThat(milestone.status(day("2026-06-01"))).isEqualTo(MilestoneStatus.ACHIEVED);
            assertThat(milestone.achievedOn()).isEqualTo(day("2025-01-17"));
            assertThat(milestone.onTime()).isFalse();
        }

        @Test
        void isCancelledWhateverTheDay() {
            Milestone milestone = planned("2024-H1");

            milestone.cancel();

            assertThat(milestone.status(day("2024-01-01"))).isEqualTo(MilestoneStatus.CANCELLED);
            assertThat(milestone.status(day("2026-06-01"))).isEqualTo(MilestoneStatus.CANCELLED);
            assertThat(milestone.onTime()).isNull();
        }

        @Test
        void hasNoOnTimeUntilAchieved() {
            Milestone milestone = planned("2024-07");

            assertThat(milestone.onTime()).isNull();
            assertThat(milestone.achievedOn()).isNull();
        }

        @Test
        void followsTheDefinitionForManyTargetsAndDays() {
            Random random = new Random(20240417L);
            for (int i = 0; i < 5_000; i++) {
                LocalDate someDay = day("2020-01-01").plusDays(random.nextInt(3_000));
                PartialDate target = switch (random.nextInt(5)) {
                    case 0 -> PartialDate.parse(Integer.toString(someDay.getYear()));
                    case 1 -> PartialDate.parse(someDay.getYear() + "-H" + (someDay.getMonthValue() <= 6 ? 1 : 2));
                    case 2 -> PartialDate.parse(someDay.getYear() + "-Q" + ((someDay.getMonthValue() - 1) / 3 + 1));
                    case 3 -> PartialDate.parse(someDay.toString().substring(0, 7));
                    default -> PartialDate.ofDay(someDay);
                };
                LocalDate today = someDay.plusDays(random.nextInt(400) - 200);
                Milestone milestone = new Milestone(CU_KR, "m", target, null, List.of());

                MilestoneStatus expected = today.isAfter(target.end()) ? MilestoneStatus.OVERDUE : MilestoneStatus.PENDING;
                assertThat(milestone.status(today)).as("%s on %s", target, today).isEqualTo(expected);

                if (random.nextBoolean()) {
                    LocalDate achieved = today.minusDays(random.nextInt(100));
                    milestone.achieve(achieved);
                    assertThat(milestone.status(today)).isEqualTo(MilestoneStatus.ACHIEVED);
                    assertThat(milestone.onTime()).isEqualTo(!achieved.isAfter(target.end()));
                } else {
                    milestone.cancel();
                    assertThat(milestone.status(today)).isEqualTo(MilestoneStatus.CANCELLED);
                }
            }
        }
    }

    @Nested
    class Transitions {

        @Test
        void refusesToAchieveByHandAMilestoneWithAMission() {
            Milestone milestone = plannedWithMission("2024-07");

            assertStatusInvalid(() -> milestone.achieve(day("2024-07-20")));
            assertThat(milestone.achievedOn()).isNull();
        }

        @Test
        void refusesToAchieveTwice() {
            Milestone byHand = planned("2024-H1");
            byHand.achieve(day("2024-05-01"));
            Milestone byMission = plannedWithMission("2024-07");
            byMission.missionOpened(day("2025-01-17"));

            assertStatusInvalid(() -> byHand.achieve(day("2024-05-02")));
            assertStatusInvalid(() -> byMission.missionOpened(day("2025-01-18")));
            assertThat(byHand.achievedOn()).isEqualTo(day("2024-05-01"));
            assertThat(byMission.achievedOn()).isEqualTo(day("2025-01-17"));
        }

        @Test
        void refusesToCancelAnAchievedMilestone() {
            Milestone milestone = planned("2024-H1");
            milestone.achieve(day("2024-05-01"));

            assertStatusInvalid(milestone::cancel);
            assertThat(milestone.cancelled()).isFalse();
        }

        @Test
        void refusesToCancelTwice() {
            Milestone milestone = planned("2024-H1");
            milestone.cancel();

            assertStatusInvalid(milestone::cancel);
        }

        @Test
        void refusesToAchieveACancelledMilestone() {
            Milestone byHand = planned("2024-H1");
            byHand.cancel();
            Milestone byMission = plannedWithMission("2024-07");
            byMission.cancel();

            assertStatusInvalid(() -> byHand.achieve(day("2024-05-01")));
            assertStatusInvalid(() -> byMission.missionOpened(day("2025-01-17")));
            assertThat(byHand.achievedOn()).isNull();
            assertThat(byMission.achievedOn()).isNull();
        }

        @Test
        void saysACancelledMilestoneWithAMissionWasCancelledRatherThanThatItsMissionWillAchieveIt() {
            Milestone milestone = plannedWithMission("2024-07");
            milestone.cancel();

            assertThatThrownBy(() -> milestone.achieve(day("2024-05-01"))).isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("was cancelled and cannot be achieved")
                    .hasMessageNotContaining("opening of mission");
        }

        @Test
        void refusesAMissionOpeningForAMilestoneWithoutMission() {
            Milestone milestone = planned("2024-H1");

            assertStatusInvalid(() -> milestone.missionOpened(day("2024-05-01")));
        }

        @Test
        void cancelsAnOverdueMilestoneWithAMission() {
            Milestone milestone = plannedWithMission("2024-07");
            assertThat(milestone.status(day("2026-06-01"))).isEqualTo(MilestoneStatus.OVERDUE);

            milestone.cancel();

            assertThat(milestone.cancelled()).isTrue();
            assertThat(milestone.status(day("2026-06-01"))).isEqualTo(MilestoneStatus.CANCELLED);
        }

        @Test
        void isCancelledWithItsMissionWhileNeitherAchievedNorCancelled() {
            Milestone milestone = plannedWithMission("2024-07");
            assertThat(milestone.open()).isTrue();

            milestone.missionCancelled();

            assertThat(milestone.cancelled()).isTrue();
            assertThat(milestone.open()).isFalse();
            assertThat(milestone.status(day("2024-07-01"))).isEqualTo(MilestoneStatus.CANCELLED);
            assertStatusInvalid(milestone::missionCancelled);
        }

        @Test
        void refusesAMissionCancellationForAMilestoneWithoutMissionOrAlreadyAchieved() {
            Milestone withoutMission = planned("2024-H1");
            Milestone achieved = plannedWithMission("2024-07");
            achieved.missionOpened(day("2025-01-17"));

            assertStatusInvalid(withoutMission::missionCancelled);
            assertStatusInvalid(achieved::missionCancelled);
            assertThat(withoutMission.cancelled()).isFalse();
            assertThat(achieved.cancelled()).isFalse();
            assertThat(achieved.open()).isFalse();
        }

        private static void assertStatusInvalid(ThrowingCallable transition) {
            assertThatThrownBy(transition).isInstanceOfSatisfying(RuleViolationException.class,
                    e -> assertThat(e.rule()).isEqualTo(Rule.R19_MILESTONE_STATUS_INVALID));
        }
    }
}
