package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class MeetingTests {

    private static final CountryCode CU = new CountryCode("CU");
    private static final CountryCode KR = new CountryCode("KR");
    private static final CountryCode KP = new CountryCode("KP");
    private static final CountryCode US = new CountryCode("US");
    private static final FuzzyDate MAY_22 = FuzzyDate.of(LocalDate.of(2024, 5, 22), null);

    private static final Participant CHUNG = Participant.asOfRecording(1, KR, "Deputy Foreign Minister", null);
    private static final Participant PEREIRA = Participant.asOfRecording(2, CU,
            "Director General for Bilateral Affairs", null);

    @Test
    void derivesSortedDistinctCountriesFromTheParticipants() {
        Participant kimKr = Participant.asOfRecording(3, KR, null, null);
        Meeting meeting = meeting(KR, CHUNG, PEREIRA, kimKr);

        assertThat(meeting.countries()).containsExactly(CU, KR);
    }

    @Test
    void isAVisitHostedByTheMeetingCountryWhenAParticipantRepresentsIt() {
        MeetingDetails meeting = shown(KR, KR, CU, KR);

        assertThat(meeting.countries()).containsExactly(CU, KR);
        assertThat(meeting.kind()).isEqualTo(MeetingKind.VISIT);
        assertThat(meeting.hostCountry()).isEqualTo(KR);
    }

    @Test
    void isAThirdLocationMeetingWithoutHostWhenNoParticipantRepresentsTheMeetingCountry() {
        MeetingDetails meeting = shown(US, KR, CU);

        assertThat(meeting.kind()).isEqualTo(MeetingKind.THIRD_LOCATION);
        assertThat(meeting.hostCountry()).isNull();
    }

    @Test
    void pairsEveryTwoParticipatingCountriesOnce() {
        Participant kp = Participant.asOfRecording(3, KP, null, null);
        Participant otherKr = Participant.asOfRecording(4, KR, null, null);
        Meeting meeting = meeting(KP, CHUNG, PEREIRA, kp, otherKr);

        assertThat(meeting.pairs()).containsExactly(RelationPair.of(CU, KP), RelationPair.of(CU, KR),
                RelationPair.of(KP, KR));
    }

    @Test
    void keepsTheDiplomatsCurrentTitleWhenTheRequestGivesNone() {
        assertThat(Participant.asOfRecording(1, KR, "Deputy Foreign Minister", null).title())
                .isEqualTo("Deputy Foreign Minister");
        assertThat(Participant.asOfRecording(1, KR, "Deputy Foreign Minister", "  ").title())
                .isEqualTo("Deputy Foreign Minister");
    }

    @Test
    void keepsTheTitleTheRequestGivesOverTheDiplomatsCurrentOne() {
        Participant participant = Participant.asOfRecording(1, KR, "Vice Foreign Minister",
                " Deputy Foreign Minister ");

        assertThat(participant.title()).isEqualTo("Deputy Foreign Minister");
        assertThat(participant.country()).isEqualTo(KR);
        assertThat(participant.diplomatId()).isEqualTo(1);
    }

    @Test
    void refusesAMeetingWithOneParticipant() {
        assertThatThrownBy(() -> meeting(KR, CHUNG))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.R17_TOO_FEW_PARTIES));
    }

    @Test
    void refusesAMeetingWithoutParticipants() {
        assertThatThrownBy(() -> meeting(KR))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.R17_TOO_FEW_PARTIES));
    }

    @Test
    void refusesAMeetingOfDiplomatsOfOneCountry() {
        Participant otherKr = Participant.asOfRecording(3, KR, null, null);

        assertThatThrownBy(() -> meeting(KR, CHUNG, otherKr))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.R17_TOO_FEW_PARTIES);
                    assertThat(e.getMessage()).contains("KR");
                });
    }

    @Test
    void refusesOneDiplomatListedTwiceAsTooFewParties() {
        Participant chungAgain = Participant.asOfRecording(1, KR, null, "Minister");

        assertThatThrownBy(() -> meeting(KR, CHUNG, chungAgain))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.R17_TOO_FEW_PARTIES);
                    assertThat(e.getMessage()).contains("diplomat 1 is listed 2 times");
                });
    }

    @Test
    void refusesTheSameDiplomatListedTwice() {
        Participant chungAgain = Participant.asOfRecording(1, KR, null, "Minister");

        assertThatThrownBy(() -> meeting(KR, CHUNG, PEREIRA, chungAgain))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("diplomat 1");
    }

    @Test
    void keepsTheFirstDayOfAFuzzyDateAndItsPrecision() {
        Meeting meeting = Meeting.record(FuzzyDate.of(LocalDate.of(2018, 11, 4), DatePrecision.MONTH), "Pyongyang",
                KP, null, null, null, List.of(CHUNG, PEREIRA), null);

        assertThat(meeting.date()).isEqualTo(LocalDate.of(2018, 11, 1));
        assertThat(meeting.datePrecision()).isEqualTo(DatePrecision.MONTH);
    }

    @Test
    void treatsBlankTextAsAbsentAndTrimsTheRest() {
        Meeting meeting = Meeting.record(MAY_22, "  ", KR, " First dialogue ", "", List.of(" embassies "),
                List.of(CHUNG, PEREIRA), null);

        assertThat(meeting.city()).isNull();
        assertThat(meeting.title()).isEqualTo("First dialogue");
        assertThat(meeting.summary()).isNull();
        assertThat(meeting.outcomes()).containsExactly("embassies");
        assertThat(meeting.sources()).isEmpty();
    }

    private static Meeting meeting(CountryCode where, Participant... participants) {
        return Meeting.record(MAY_22, "Seoul", where, "Talks", null, List.of(), List.of(participants), List.of());
    }

    /** A meeting held in {@code place} as the API shows it, with one participant per given country. */
    private static MeetingDetails shown(CountryCode place, CountryCode... participants) {
        List<MeetingDetails.NamedParticipant> named = Stream.of(participants)
                .map(country -> new MeetingDetails.NamedParticipant(1, "Diplomat of " + country, country, null))
                .toList();
        return new MeetingDetails(9, MAY_22.date(), DatePrecision.DAY, null, place, null, null, List.of(), List.of(),
                named);
    }
}
