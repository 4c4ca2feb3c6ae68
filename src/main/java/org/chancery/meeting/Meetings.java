package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.country.CountryExistence;
import org.chancery.country.CountryExistence.Lifetimes;
import org.chancery.diplomat.Diplomat;
import org.chancery.diplomat.Diplomats;
import org.chancery.relation.RelationPair;
import org.chancery.shared.FactChanged;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Today;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, removes and finds meetings (rules R3, R17, R18), and answers what the relation view and
 * the timeline ask about the meetings of a pair of countries, each with one index-backed query on
 * {@code meeting_pair} and no transaction of its own (it joins the caller's).
 */
@Service
public class Meetings {

    /** Bounds that stand for "no bound" in date range queries; both databases store them. */
    static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** The default order of the list, which the country and pair indexes give read backwards. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("date"), Sort.Order.desc("id"));
    /** The order by date ({@code sort=date}), which they give read forwards. */
    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("date"), Sort.Order.asc("id"));

    /** Meetings read in one statement by {@link #forEachMatching}. */
    static final int DETAILS_AT_ONCE = 1000;

    private final MeetingRepository repository;
    private final Diplomats diplomats;
    private final Countries countries;
    private final Today today;
    private final MeetingPairTotals totals;
    private final MeetingPairIndex pairIndex;
    private final MeetingCountryIndex countryIndex;
    private final MeetingDiplomatIndex diplomatIndex;
    private final MeetingDetailsQuery details;
    private final CountryExistence existence;
    private final ApplicationEventPublisher publisher;

    Meetings(MeetingRepository repository, Diplomats diplomats, Countries countries, Today today,
            MeetingPairTotals totals, MeetingPairIndex pairIndex, MeetingCountryIndex countryIndex,
            MeetingDiplomatIndex diplomatIndex, MeetingDetailsQuery details, CountryExistence existence,
            ApplicationEventPublisher publisher) {
        this.existence = existence;
        this.publisher = publisher;
        this.repository = repository;
        this.diplomats = diplomats;
        this.countries = countries;
        this.today = today;
        this.totals = totals;
        this.pairIndex = pairIndex;
        this.countryIndex = countryIndex;
        this.diplomatIndex = diplomatIndex;
        this.details = details;
    }

    /**
     * Records a meeting. Each participant keeps the country and title of their diplomat as they
     * are now, unless the draft gives a title.
     *
     * @throws RuleViolationException R3 {@code DATE_IN_FUTURE} if the date is after today; R18
     *         {@code UNKNOWN_REFERENCE} if the country or a diplomat does not exist; R17
     *         {@code TOO_FEW_PARTIES} unless there are two distinct participants from two countries; R22
     *         {@code COUNTRY_NOT_IN_EXISTENCE} if the meeting's country or a participant's did not exist
     *         on its date
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) if a diplomat is listed twice among enough
     *         parties
     * @throws DataIntegrityViolationException if a constraint other than a diplomat's foreign key refuses it (R20)
     */
    @Transactional
    public MeetingDetails record(MeetingDraft draft) {
        FuzzyDate date = FuzzyDate.of(draft.date(), draft.datePrecision());
        today.requireNotFuture(date.date(), "meeting date");
        List<MeetingDraft.Attendee> attendees = draft.participants() == null ? List.of() : draft.participants();
        requireDiplomatIds(attendees);
        CountryCode country = countries.reference(draft.country(), "country");
        List<Long> ids = attendees.stream().map(MeetingDraft.Attendee::diplomatId).distinct().toList();
        // the countries are locked before the diplomats, as a head's appointment and an accreditation lock them: the
        // other way round, two such writes sharing a diplomat and a country could wait on each other
        Lifetimes lifetimes = existence.lock(Diplomats.countriesOf(ids), country);
        Map<Long, Diplomat> named = diplomats.references(ids, "participants");
        List<Participant> participants = attendees.stream()
                .map(a -> {
                    Diplomat diplomat = named.get(a.diplomatId());
                    return Participant.asOfRecording(diplomat.id(), diplomat.country(), diplomat.title(), a.title());
                })
                .toList();
        Meeting meeting = Meeting.record(date, draft.city(), country, draft.title(), draft.summary(),
                draft.outcomes(), participants, draft.sources());
        Set<CountryCode> taking = new TreeSet<>(meeting.countries());
        taking.add(country);
        // (a participant who became a diplomat of another country between the two locks: that lifetime was not read)
        lifetimes.of(taking).orElseThrow(() -> new ConcurrencyFailureException(
                "A participant became a diplomat of another country meanwhile.")).requireExistOn(date.date(),
                        "the meeting's date");
        try {
            repository.saveAndFlush(meeting);
        } catch (DataIntegrityViolationException e) {
            if (!foreignKeyRefused(e)) {
                throw e; // another constraint (R20, as the problem advice answers it), not a diplomat gone
            }
            throw new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE,
                    "A diplomat named in participants was deleted meanwhile.");
        }
        totals.added(meeting.pairs(), meeting.date());
        publisher.publishEvent(FactChanged.created("meeting", meeting.id(),
                meeting.countries().stream().map(CountryCode::value).toArray(String[]::new)));
        Map<Long, String> names = new HashMap<>();
        named.forEach((id, diplomat) -> names.put(id, diplomat.name()));
        return MeetingDetails.of(meeting, names);
    }

    /** Whether a foreign key refused the write, as Hibernate reads either database's error: a row it names is gone. */
    static boolean foreignKeyRefused(DataIntegrityViolationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation.getKind() == ConstraintViolationException.ConstraintKind.FOREIGN_KEY;
            }
        }
        return false;
    }

    /**
     * The first meeting on this day in this country whose participants are exactly these diplomats,
     * if any: what an import takes for "already there".
     */
    @Transactional(readOnly = true)
    public Optional<Long> findSame(LocalDate date, CountryCode country, Collection<Long> diplomatIds) {
        Set<Long> wanted = Set.copyOf(diplomatIds);
        List<Long> candidates = repository.findIdsOn(date, country.value());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Set<Long>> participants = new HashMap<>();
        for (Object[] row : repository.findParticipantIds(candidates)) {
            participants.computeIfAbsent(((Number) row[0]).longValue(), id -> new HashSet<>())
                    .add(((Number) row[1]).longValue());
        }
        return candidates.stream().filter(id -> wanted.equals(participants.getOrDefault(id, Set.of()))).findFirst();
    }

    /**
     * Removes a meeting.
     *
     * @throws NotFoundException if there is no such meeting
     */
    @Transactional
    public void delete(long id) {
        Meeting meeting = repository.findForUpdate(id).orElseThrow(() -> NotFoundException.of("meeting", id));
        List<RelationPair> pairs = meeting.pairs();
        String[] involved = meeting.countries().stream().map(CountryCode::value).toArray(String[]::new);
        repository.delete(meeting);
        repository.flush();
        totals.removed(pairs);
        publisher.publishEvent(FactChanged.deleted("meeting", id, involved));
    }

    /**
     * @throws NotFoundException if there is no such meeting
     */
    @Transactional(readOnly = true)
    public MeetingDetails get(long id) {
        return details.byIds(List.of(id)).stream().findFirst().orElseThrow(() -> NotFoundException.of("meeting", id));
    }

    /**
     * Checks the filters of a search as {@link #search} does, reading no meeting: a CSV's {@code HEAD} answers as its
     * {@code GET} does without reading the rows.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) if {@code from} is after {@code to}, or if no
     *         diplomat has the id {@code diplomat}
     */
    @Transactional(readOnly = true)
    public void checkFilters(Long diplomat, LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        if (diplomat != null) {
            diplomats.requireKnown(diplomat, "diplomat");
        }
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to (" + to + ")");
        }
    }

    /**
     * Meetings in which all the given countries took part (any meeting if none is given) and, if {@code diplomat} is
     * not null, that diplomat too, dated
     * from {@code from} to {@code to} inclusive (either may be null), in the page's order. Runs the
     * same three queries whatever the page size: the ids of the page, their count, and the
     * meetings with their participants' names ({@link MeetingDetailsQuery}). The meetings of one
     * country by date (newest or oldest first, the id breaking ties the same way) are read and
     * counted along the country index, those of two countries along the pair index (counted from
     * the pair's total when the dates allow), without sorting the country's or the pair's history.
     *
     * A diplomat's meetings by date are read and counted along the participants' index of diplomat and date (with
     * countries, or in another order, looked up along it); a page with none asks whether the diplomat exists (one
     * statement more, only then).
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) if {@code from} is after {@code to}, or if no
     *         diplomat has the id {@code diplomat}
     */
    @Transactional(readOnly = true)
    public Page<MeetingDetails> search(Collection<CountryCode> involving, Long diplomat, LocalDate from, LocalDate to,
            Pageable pageable) {
        Page<Long> ids = matchingIds(involving, diplomat, from, to, pageable);
        if (ids.isEmpty()) {
            return new PageImpl<>(List.of(), ids.getPageable(), ids.getTotalElements());
        }
        return new PageImpl<>(details.byIds(ids.getContent()), ids.getPageable(), ids.getTotalElements());
    }

    /**
     * Every meeting {@link #search} finds with these filters, in {@code sort}'s order, to {@code meeting} one after
     * the other: the list's CSV. The ids of all of them are read in one statement, without an offset or a count
     * (some 20 bytes a meeting are held meanwhile), then the meetings {@value #DETAILS_AT_ONCE} at a time, so that
     * a million meetings cost a thousand and one statements, not a thousand pages each skipping the rows before it
     * and counting them all. Reads in the caller's transaction (one snapshot, for an export).
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) as {@link #search} does
     */
    @Transactional(readOnly = true)
    public void forEachMatching(Collection<CountryCode> involving, Long diplomat, LocalDate from, LocalDate to,
            Sort sort, Consumer<MeetingDetails> meeting) {
        forEachMatching(involving, diplomat, from, to, sort, DETAILS_AT_ONCE, meeting);
    }

    void forEachMatching(Collection<CountryCode> involving, Long diplomat, LocalDate from, LocalDate to, Sort sort,
            int atOnce, Consumer<MeetingDetails> meeting) {
        List<Long> ids = matchingIds(involving, diplomat, from, to, Pageable.unpaged(sort)).getContent();
        for (int start = 0; start < ids.size(); start += atOnce) {
            details.byIds(ids.subList(start, Math.min(start + atOnce, ids.size()))).forEach(meeting);
        }
    }

    /** The ids of the meetings {@link #search} finds, the page's (every one, and no count, if it is unpaged). */
    private Page<Long> matchingIds(Collection<CountryCode> involving, Long diplomat, LocalDate from, LocalDate to,
            Pageable pageable) {
        requireOrdered(from, to);
        LocalDate start = from == null ? EARLIEST : from;
        LocalDate end = to == null ? LATEST : to;
        List<String> codes = involving.stream().map(CountryCode::value).distinct().toList();
        Sort.Direction byDate = indexOrder(pageable.getSort());
        long offset = pageable.isPaged() ? pageable.getOffset() : 0;
        int size = pageable.isPaged() ? pageable.getPageSize() : Integer.MAX_VALUE;
        Page<Long> ids;
        if (diplomat != null && codes.isEmpty() && byDate != null) {
            List<Long> pageIds = diplomatIndex.ids(diplomat, start, end, byDate, offset, size);
            ids = PageableExecutionUtils.getPage(pageIds, pageable, () -> diplomatIndex.count(diplomat, start, end));
        } else if (diplomat != null) {
            ids = codes.isEmpty() ? repository.findIdsAttendedBy(diplomat, start, end, pageable)
                    : repository.findIdsAttendedByInvolvingAll(diplomat, codes, codes.size(), start, end, pageable);
        } else if (codes.isEmpty()) {
            ids = from == null && to == null ? repository.findAllIds(pageable)
                    : repository.findIds(start, end, pageable);
        } else if (codes.size() == 1 && byDate != null) {
            CountryCode country = new CountryCode(codes.get(0));
            List<Long> pageIds = countryIndex.ids(country, start, end, byDate, offset, size);
            ids = PageableExecutionUtils.getPage(pageIds, pageable, () -> countryIndex.count(country, start, end));
        } else if (codes.size() == 2 && byDate != null) {
            RelationPair pair = RelationPair.of(new CountryCode(codes.get(0)), new CountryCode(codes.get(1)));
            List<Long> pageIds = pairIndex.ids(pair, start, end, byDate, offset, size);
            ids = PageableExecutionUtils.getPage(pageIds, pageable, () -> from == null ? countBetween(pair, end)
                    : pairIndex.count(pair, start, end));
        } else {
            ids = repository.findIdsInvolvingAll(codes, codes.size(), start, end, pageable);
        }
        if (diplomat != null && ids.getTotalElements() == 0) {
            diplomats.requireKnown(diplomat, "diplomat");
        }
        return ids;
    }

    /** The direction of an order by date and id that the indexes give, or null for any other order. */
    private static Sort.Direction indexOrder(Sort sort) {
        if (sort.equals(NEWEST_FIRST)) {
            return Sort.Direction.DESC;
        }
        return sort.equals(OLDEST_FIRST) ? Sort.Direction.ASC : null;
    }

    /**
     * The number of meetings in which both countries of the pair took part, dated on or before
     * {@code asOf} (any date if null): the pair's total, one row, when its latest meeting is not
     * after {@code asOf} (today, say); otherwise a count along the pair index.
     */
    public long countBetween(RelationPair pair, LocalDate asOf) {
        LocalDate day = asOf == null ? LATEST : asOf;
        MeetingPairTotals.Total total = pairIndex.total(pair);
        return total.allOnOrBefore(day) ? total.meetings() : pairIndex.count(pair, EARLIEST, day);
    }

    /**
     * The earliest meeting of both countries of the pair dated from {@code from} to {@code asOf}
     * inclusive (either may be null); of meetings on the same day, the one recorded first.
     */
    public Optional<MeetingRef> firstBetweenOnOrAfter(RelationPair pair, LocalDate from, LocalDate asOf) {
        return pairMeetings(pair, from, asOf, 1).stream().findFirst();
    }

    /**
     * The first {@code limit} meetings of both countries of the pair dated on or before
     * {@code asOf} (any date if null), oldest first.
     */
    public List<MeetingRef> between(RelationPair pair, LocalDate asOf, int limit) {
        return pairMeetings(pair, null, asOf, limit);
    }

    /**
     * Every meeting of the pair dated up to {@code asOf}, oldest first, read {@code chunk} at a time along the pair
     * index (each read starting after the last meeting given): for a list of any length, in the caller's transaction,
     * which runs {@code nextChunk} before each read after the first (an export takes its place among those read at
     * once there: a pair of fewer meetings is read in one statement and never waits).
     */
    public void forEachBetween(RelationPair pair, LocalDate asOf, int chunk, Consumer<MeetingRef> each,
            Runnable nextChunk) {
        List<MeetingRef> read = pairMeetings(pair, null, asOf, chunk);
        while (!read.isEmpty()) {
            read.forEach(each);
            if (read.size() < chunk) {
                return;
            }
            nextChunk.run();
            read = pairIndex.oldestAfter(pair, read.get(read.size() - 1), asOf, chunk);
        }
    }

    private List<MeetingRef> pairMeetings(RelationPair pair, LocalDate from, LocalDate to, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return pairIndex.oldestFirst(pair, from == null ? EARLIEST : from, to == null ? LATEST : to, limit);
    }

    private static void requireDiplomatIds(List<MeetingDraft.Attendee> attendees) {
        for (int i = 0; i < attendees.size(); i++) {
            if (attendees.get(i).diplomatId() == null) {
                throw new InvalidInputException("participants[" + i + "].diplomatId", "is required");
            }
        }
    }
}
