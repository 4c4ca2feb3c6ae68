package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The queries the relation view and the timeline ask about the meetings of a pair. */
class MeetingsIntegrationTests extends MeetingIntegrationTest {

    private static final CountryCode CU = new CountryCode("CU");
    private static final CountryCode KR = new CountryCode("KR");
    private static final CountryCode KP = new CountryCode("KP");
    private static final RelationPair CU_KR = RelationPair.of(KR, CU);
    private static final RelationPair CU_KP = RelationPair.of(CU, KP);
    private static final RelationPair KP_KR = RelationPair.of(KP, KR);

    @Autowired
    private Meetings meetings;

    private long chung;
    private long pereira;
    private long choi;

    @BeforeEach
    void diplomats() throws Exception {
        chung = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        pereira = diplomat("Carlos Miguel Pereira Hernández", "CU", "Director General for Bilateral Affairs");
        choi = diplomat("Choi Son Hui", "KP", "Minister of Foreign Affairs");
    }

    @Test
    void countsTheMeetingsOfAPairOnOrBeforeADay() throws Exception {
        meeting("1999-03-01", "Havana", "CU", chung, pereira);
        meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        meeting("2024-05-22", "Seoul", "KR", pereira, chung);
        meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);

        assertThat(meetings.countBetween(CU_KR, LocalDate.of(2024, 5, 22))).isEqualTo(3);
        assertThat(meetings.countBetween(CU_KR, LocalDate.of(2024, 5, 21))).isEqualTo(1);
        assertThat(meetings.countBetween(CU_KR, LocalDate.of(1999, 2, 28))).isZero();
        assertThat(meetings.countBetween(CU_KR, null)).isEqualTo(3);
        assertThat(meetings.countBetween(CU_KP, LocalDate.of(2026, 6, 1))).isEqualTo(1);
        assertThat(meetings.countBetween(KP_KR, LocalDate.of(2026, 6, 1))).isZero();
    }

    @Test
    void findsTheMeetingOfADayAndPlaceWithExactlyTheseParticipantsInTwoReadsHoweverManyThatDayHad() throws Exception {
        meeting("2024-05-22", "Seoul", "KR", chung, pereira, choi);
        meeting("2024-05-22", "Seoul", "KR", chung, choi);
        long both = meeting("2024-05-22", "Seoul", "KR", pereira, chung);
        meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        LocalDate day = LocalDate.of(2024, 5, 22);

        List<Optional<Long>> found = new ArrayList<>();
        long reads = statements.count(() -> found.add(meetings.findSame(day, KR, List.of(chung, pereira))));

        assertThat(found).containsExactly(Optional.of(both));
        assertThat(reads).as("the day's meetings, then all their participants").isEqualTo(2);
        assertThat(meetings.findSame(day, KR, List.of(pereira))).isEmpty();
        assertThat(meetings.findSame(day, CU, List.of(chung, pereira))).isEmpty();
        assertThat(meetings.findSame(day, KR, List.of(choi, pereira, chung))).isPresent();
    }

    @Test
    void countsAMeetingOfThreeCountriesForEachOfItsPairs() throws Exception {
        meeting("2024-09-25", "New York", "US", chung, pereira, choi);

        assertThat(meetings.countBetween(CU_KR, null)).isEqualTo(1);
        assertThat(meetings.countBetween(CU_KP, null)).isEqualTo(1);
        assertThat(meetings.countBetween(KP_KR, null)).isEqualTo(1);
    }

    @Test
    void findsTheFirstMeetingOfAPairOnOrAfterADayAsItStoodOnAnother() throws Exception {
        meeting("1999-03-01", "Havana", "CU", chung, pereira);
        long seoul = meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        long sameDay = meeting("2024-05-22", "Seoul", "KR", pereira, chung);
        long havana = meeting("2025-01-17", "Havana", "CU", chung, pereira);

        LocalDate restoration = LocalDate.of(2024, 2, 14);
        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, restoration, LocalDate.of(2026, 6, 1)))
                .hasValueSatisfying(ref -> {
                    assertThat(ref.id()).isEqualTo(seoul).isLessThan(sameDay);
                    assertThat(ref.date()).isEqualTo(LocalDate.of(2024, 5, 22));
                    assertThat(ref.city()).isEqualTo("Seoul");
                    assertThat(ref.title()).isEqualTo("Talks in Seoul");
                });
        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, LocalDate.of(2024, 5, 23), null))
                .map(MeetingRef::id).contains(havana);
        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, LocalDate.of(2024, 5, 22), LocalDate.of(2024, 5, 22)))
                .map(MeetingRef::id).contains(seoul);
        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, restoration, LocalDate.of(2024, 5, 21))).isEmpty();
        assertThat(meetings.firstBetweenOnOrAfter(KP_KR, restoration, null)).isEmpty();
    }

    @Test
    void findsAnEarlierMeetingRecordedLater() throws Exception {
        long havana = meeting("2025-01-17", "Havana", "CU", chung, pereira);
        LocalDate restoration = LocalDate.of(2024, 2, 14);
        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, restoration, null)).map(MeetingRef::id).contains(havana);

        long seoul = meeting("2024-05-22", "Seoul", "KR", chung, pereira);

        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, restoration, null)).map(MeetingRef::id).contains(seoul);
        deleteAsEditor("/api/meetings/{id}", seoul);
        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, restoration, null)).map(MeetingRef::id).contains(havana);
        assertThat(meetings.countBetween(CU_KR, null)).isEqualTo(1);
    }

    @Test
    void listsTheMeetingsOfAPairOldestFirstUpToALimit() throws Exception {
        long havana = meeting("2025-01-17", "Havana", "CU", chung, pereira);
        long seoul = meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        long old = meeting("1999-03-01", "Havana", "CU", chung, pereira);
        meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);

        assertThat(meetings.between(CU_KR, null, 10)).extracting(MeetingRef::id).containsExactly(old, seoul, havana);
        assertThat(meetings.between(CU_KR, LocalDate.of(2024, 12, 31), 10)).extracting(MeetingRef::id)
                .containsExactly(old, seoul);
        assertThat(meetings.between(CU_KR, null, 2)).extracting(MeetingRef::id).containsExactly(old, seoul);
        assertThat(meetings.between(CU_KR, null, 0)).isEmpty();
    }

    @Test
    void givesEveryMeetingOfAnExportInTheOrderAndWithTheFiltersOfTheListsPages() throws Exception {
        meeting("2024-05-22", "Seoul", "KR", chung, pereira);
        meeting("2024-05-22", "Seoul", "KR", pereira, chung, choi);
        meeting("1999-03-01", "Havana", "CU", chung, pereira);
        meeting("2018-11-04", "Pyongyang", "KP", choi, pereira);
        meeting("2025-01-17", "Havana", "CU", pereira, chung);
        meeting("2024-05-22", "Busan", "KR", choi, chung);
        meeting("2001-06-15", "Beijing", "CN", choi, chung, pereira);
        LocalDate from = LocalDate.of(2000, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        List<Sort> sorts = List.of(Sort.by(Sort.Order.desc("date"), Sort.Order.desc("id")),
                Sort.by(Sort.Order.asc("date"), Sort.Order.asc("id")), Sort.by(Sort.Order.desc("id")),
                Sort.by(Sort.Order.asc("city"), Sort.Order.desc("id")));
        List<List<CountryCode>> involvings = List.of(List.of(), List.of(KR), List.of(CU, KR), List.of(CU, KR, KP));
        int compared = 0;
        for (Sort sort : sorts) {
            for (List<CountryCode> involving : involvings) {
                for (Long diplomat : Arrays.asList(null, chung, choi)) {
                    for (LocalDate[] dates : List.of(new LocalDate[] {null, null}, new LocalDate[] {from, to})) {
                        List<Long> paged = new ArrayList<>();
                        Page<MeetingDetails> page = null;
                        do {
                            Pageable next = page == null ? PageRequest.of(0, 2, sort) : page.nextPageable();
                            page = meetings.search(involving, diplomat, dates[0], dates[1], next);
                            page.forEach(meeting -> paged.add(meeting.id()));
                        } while (page.hasNext());
                        List<MeetingDetails> exported = new ArrayList<>();
                        meetings.forEachMatching(involving, diplomat, dates[0], dates[1], sort, 2, exported::add);

                        assertThat(exported).as("%s %s %s %s", sort, involving, diplomat, dates[0])
                                .extracting(MeetingDetails::id).containsExactlyElementsOf(paged);
                        compared += paged.size();
                    }
                }
            }
        }
        assertThat(compared).as("meetings compared in all").isGreaterThan(100);
        assertThat(meetings.search(List.of(), chung, null, null, PageRequest.of(0, 10, sorts.get(0))).getContent())
                .as("a meeting exported is the meeting listed")
                .containsExactlyElementsOf(exportedWith(chung));
    }

    @Test
    void refusesAnExportWithTheFiltersTheListRefuses() {
        assertThatThrownBy(() -> meetings.forEachMatching(List.of(), null, LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 1), Sort.by("id"), meeting -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be after to");
        assertThatThrownBy(() -> meetings.forEachMatching(List.of(KR), 999_999L, null, null, Sort.by("id"),
                meeting -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("999999");
    }

    private List<MeetingDetails> exportedWith(long diplomat) {
        List<MeetingDetails> exported = new ArrayList<>();
        meetings.forEachMatching(List.of(), diplomat, null, null,
                Sort.by(Sort.Order.desc("date"), Sort.Order.desc("id")), exported::add);
        return exported;
    }
}
