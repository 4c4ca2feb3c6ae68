package org.chancery.relation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import org.chancery.country.Countries;
import org.chancery.country.CountryExistence;
import org.chancery.country.CountryCode;
import org.chancery.shared.FactChanged;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records and removes relation events under a row lock on the pair ({@link #underPairLock}), so
 * that concurrent writes (from this or another instance) are applied one after the other: R1 and
 * R2 through the {@link Relation} aggregate, R3 on dates, R11 and R20 through the
 * {@link RelationHistoryGuard}s of the modules whose facts depend on the relation.
 */
@Service
public class RelationService {

    private static final Logger log = LoggerFactory.getLogger(RelationService.class);

    private final RelationRepository relations;
    private final RelationRows rows;
    private final Countries countries;
    private final Today today;
    private final List<RelationHistoryGuard> guards;
    private final TransactionTemplate writing;
    private final RelationList list;
    private final CountryExistence existence;
    private final ApplicationEventPublisher publisher;
    private final EventRecords eventRecords;
    private final EntityManager entityManager;

    RelationService(RelationRepository relations, RelationRows rows, Countries countries, Today today,
            List<RelationHistoryGuard> guards, PlatformTransactionManager transactions, RelationList list,
            CountryExistence existence, ApplicationEventPublisher publisher, EventRecords eventRecords,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.eventRecords = eventRecords;
        this.list = list;
        this.existence = existence;
        this.writing = new TransactionTemplate(transactions);
        this.relations = relations;
        this.rows = rows;
        this.countries = countries;
        this.today = today;
        this.guards = guards;
    }

    /**
     * The pair two path segments name.
     *
     * @throws NotFoundException if a code names no country
     * @throws org.chancery.shared.RuleViolationException R4 if both name the same country
     */
    public RelationPair pair(String a, String b) {
        return RelationPair.of(countries.resolve(a), countries.resolve(b));
    }

    /**
     * Records an event on the pair, wherever it falls in its history (R1, R2, R3), while both
     * countries exist (R22), applies a severance's effects (R11) and checks the facts that depend on
     * the relation (R20).
     */
    public RecordedEvent record(RelationPair pair, EventType type, FuzzyDate date, String note, List<Source> sources) {
        return recordAll(pair, List.of(new EventDraft(type, date, note, sources))).get(0);
    }

    /**
     * Records several events on the pair as one change, all or none: the state machine (R1, R2) holds for the
     * history they make together, each is checked as {@link #record} checks one (R3, R22), each severance's effects
     * apply in date order (R11), and the facts that depend on the relation are checked once, against the history
     * with all of them (R20). A severance and the restoration that ended it, back-filled before an embassy that
     * opened after both, are recorded together where the severance alone is refused (the embassy would have opened
     * without relations) and the restoration alone too (nothing severed to restore). Answers the events as the history
     * applies them: by date, a day's consular events first.
     */
    public List<RecordedEvent> recordAll(RelationPair pair, List<EventDraft> drafts) {
        // as the history applies them: by day, a day's consular events first (and so numbered and listed)
        List<EventDraft> ordered = drafts.stream()
                .sorted(Comparator.comparing((EventDraft draft) -> draft.date().date())
                        .thenComparing(draft -> draft.type().track() == Track.CONSULAR ? 0 : 1))
                .toList();
        ordered.forEach(draft -> today.requireNotFuture(draft.date().date(), "event date"));
        return underPairLock(pair, relation -> {
            CountryExistence.Lifetimes lifetimes = existence.lock(pair.first(), pair.second());
            ordered.forEach(draft -> lifetimes.requireExistOn(draft.date().date(),
                    "the " + draft.type() + " event's date"));
            List<RelationEvent> events = relation.recordAll(ordered);
            List<RecordedEvent> recorded = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                SeveranceEffects effects = SeveranceEffects.NONE;
                if (events.get(i).type() == EventType.SEVERED) {
                    for (RelationHistoryGuard guard : guards) {
                        effects = effects.and(guard.severed(pair, ordered.get(i).date()));
                    }
                }
                recorded.add(new RecordedEvent(pair, events.get(i), effects));
            }
            RelationHistory history = relation.history();
            guards.forEach(guard -> guard.check(pair, history));
            relations.flush();
            events.forEach(event -> publisher.publishEvent(FactChanged.created("event", event.id(),
                    pair.first().value(), pair.second().value())));
            return recorded;
        });
    }

    /**
     * Removes an event of the pair, if the remaining history still follows R1 and leaves every
     * dependent fact valid (R20). A diplomatic severance takes its effects with it (R11): the missions it closed
     * open again, the heads and accreditations it ended are in force again; see {@link #deleteAll} for when not.
     *
     * @throws NotFoundException if the pair has no such event
     */
    public void delete(RelationPair pair, long eventId) {
        deleteAll(pair, List.of(eventId));
    }

    /**
     * Removes several events of the pair as one change, all or none, as {@link #delete} removes one: what can only be
     * taken back together (a severance and the restoration that ended it, recorded together before a later fact), the
     * remaining history checked once (R1, R20). A severance's effects (R11) go with it only where nothing recorded
     * since can contradict them, that is when it is the last of the pair's diplomatic history (after it, without
     * relations, no embassy opened, no head started, no diplomatic accreditation began) and both countries still
     * exist (what opens again is open to this day); a severance deleted with a later restoration, or of a country
     * that has ceased to exist since, leaves them, and the deletion is refused while a fact it closed or ended
     * remains (R20).
     *
     * @throws NotFoundException naming the first id the pair has no event of
     */
    public void deleteAll(RelationPair pair, Collection<Long> eventIds) {
        for (long eventId : eventIds) {
            if (event(pair, eventId).isEmpty()) {
                throw noSuchEvent(pair, eventId);
            }
        }
        underPairLock(pair, relation -> {
            List<RelationEvent> removed = new ArrayList<>();
            for (long eventId : eventIds) {
                RelationEvent event = relation.event(eventId);
                if (event == null) {
                    throw noSuchEvent(pair, eventId);
                }
                removed.add(event);
            }
            relation.removeAll(removed);
            List<RelationEvent> undone = removed.stream().filter(event -> event.type() == EventType.SEVERED)
                    .filter(severance -> removed.stream().noneMatch(event -> event.type() == EventType.RESTORED
                            && event.date().isAfter(severance.date())))
                    .toList();
            boolean anyEnded = !undone.isEmpty() && existence.lock(pair.first(), pair.second()).anyEnded();
            if (!anyEnded) {
                undone.forEach(severance -> guards.forEach(guard -> guard.unsevered(pair, severance.date())));
            }
            RelationHistory history = relation.history();
            try {
                guards.forEach(guard -> guard.check(pair, history));
            } catch (RuleViolationException kept) {
                throw whyEffectsStay(kept, anyEnded, undone.size() < removed.stream()
                        .filter(event -> event.type() == EventType.SEVERED).count());
            }
            relations.flush();
            removed.forEach(event -> publisher.publishEvent(FactChanged.deleted("event", event.id(),
                    pair.first().value(), pair.second().value())));
            return removed;
        });
    }

    /**
     * Runs {@code work} in a transaction that holds the pair's row lock, so that every write that
     * depends on the state of a pair — from this instance or another sharing the database — is
     * applied after the previous one committed. A pair without a row yet gets one in a short
     * transaction of its own, after the locking attempt ended and before it is retried: a request
     * never holds two connections, so a full pool cannot deadlock. Work that joins a transaction the
     * caller opened (an import's row, whose facts are written together) creates the pair's row in
     * that transaction, where it sees the countries the caller recorded.
     */
    public <T> T underPairLock(RelationPair pair, Function<Relation, T> work) {
        return underPairLocks(pair, null, work);
    }

    /**
     * Locks the rows of these pairs in the caller's transaction, in the pairs' code order (the order
     * {@link #underPairLocks} takes two in), for a write that changes facts of several pairs without
     * recording on them (a diplomat's new name, shown by heads of missions in several countries). A pair
     * without a row has no fact to change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockPairs(Collection<RelationPair> pairs) {
        pairs.stream().distinct().sorted((one, other) -> precedes(one, other) ? -1 : one.equals(other) ? 0 : 1)
                .forEach(pair -> relations.findByPairForUpdate(pair.first().value(), pair.second().value()));
    }

    /**
     * {@link #underPairLock} that also holds the row lock of {@code read}, another pair whose history
     * the work reads and whose writes must not pass it (a protecting power's relations with the
     * receiving state, R9: a history change of that pair checks the sections it protects under its
     * own lock). Both locks are taken before the work's first statement, in the pairs' code order, so
     * two writes that each take two pairs, or a pair and then countries or missions, never wait for
     * each other in a cycle. A {@code read} pair without a row gets one for the time of the work
     * (and loses it again if nothing was recorded on it), so that there is a lock to hold; in a
     * caller's transaction (an import's row) it is locked if it has one.
     */
    public <T> T underPairLocks(RelationPair pair, RelationPair read, Function<Relation, T> work) {
        String a = pair.first().value();
        String b = pair.second().value();
        boolean readFirst = read != null && precedes(read, pair);
        boolean readAfter = read != null && !read.equals(pair) && !readFirst;
        Function<Relation, T> locked = !readAfter ? work : relation -> {
            lockIfPresent(read);
            return work.apply(relation);
        };
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return writing.execute(status -> LockedWork.run(this::forgetReads, () -> {
                if (readFirst) {
                    lockIfPresent(read);
                }
                return locked.apply(relations.findByPairForUpdate(a, b)
                        .orElseGet(() -> rows.createInCurrentTransaction(pair)));
            }));
        }
        // A read pair without a row gets one for the time of the work, so that its lock is held: a
        // history recorded on it meanwhile (its first establishment, then a severance) waits for the
        // work, which sees the pair as it was when it began, or is seen by it. The row goes again if
        // nothing was recorded on it.
        boolean readCreated = read != null && !read.equals(pair) && rows.ensureExists(read);
        try {
            return underPairLocksAnew(pair, readFirst, read, locked);
        } finally {
            if (readCreated) {
                removeQuietly(read);
            }
        }
    }

    /**
     * Removes the row made for a read pair if nothing was recorded on it; a removal that cannot be
     * made now (a lock held too long) leaves an empty row, which holds no fact, rather than change
     * the answer of the work.
     */
    private void removeQuietly(RelationPair read) {
        try {
            rows.removeIfUnused(read);
        } catch (RuntimeException notNow) {
            log.debug("The empty row of {} stays: {}", read, notNow.toString());
        }
    }

    /** {@link #underPairLocks} outside a caller's transaction: the pair's row is created if needed. */
    private <T> T underPairLocksAnew(RelationPair pair, boolean readFirst, RelationPair read,
            Function<Relation, T> locked) {
        String a = pair.first().value();
        String b = pair.second().value();
        // A refused first write removes the row it created (RelationRows#removeIfUnused), possibly
        // after a concurrent write saw it: that write looks again, creating the row if needed. Every
        // round runs some write's work under the lock, so the rounds end.
        boolean created = false;
        while (true) {
            Done<T> done;
            try {
                done = writing.execute(status -> {
                    if (readFirst) {
                        lockIfPresent(read);
                    }
                    return relations.findByPairForUpdate(a, b)
                            .map(relation -> new Done<>(LockedWork.run(null, () -> locked.apply(relation))))
                            .orElse(null);
                });
            } catch (RuntimeException refused) {
                if (created) {
                    rows.removeIfUnused(pair);
                }
                throw refused;
            }
            if (done != null) {
                return done.value();
            }
            created = rows.ensureExists(pair);
        }
    }

    /**
     * Forgets what the caller's transaction read before the pair's locks are taken (an import's row looks up the
     * facts its line names first), so that the work decides on what concurrent writes committed meanwhile, as a
     * write in a transaction of its own does; what it wrote is flushed first.
     */
    private void forgetReads() {
        entityManager.flush();
        entityManager.clear();
    }

    private void lockIfPresent(RelationPair pair) {
        relations.findByPairForUpdate(pair.first().value(), pair.second().value());
    }

    /** The order in which pair locks are taken: by the first country's code, then the second's. */
    private static boolean precedes(RelationPair one, RelationPair other) {
        int first = one.first().compareTo(other.first());
        return first < 0 || first == 0 && one.second().compareTo(other.second()) < 0;
    }

    /** What the work under a pair's lock returned (possibly null), once it has run. */
    private record Done<T>(T value) {
    }

    /**
     * A refusal of a deletion whose severance kept its effects, saying why they stayed and the way to take them back:
     * deleted with a later restoration ({@code withRestoration}), or of a country that has ceased to exist.
     */
    private static RuleViolationException whyEffectsStay(RuleViolationException refused, boolean anyEnded,
            boolean withRestoration) {
        String why = anyEnded ? " A severance of a country that has ceased to exist keeps what it closed and ended "
                + "(open again, it would be open to this day)."
                : withRestoration ? " A severance deleted with a later restoration keeps what it closed and ended: "
                + "delete the restoration alone first, then the severance, which takes them with it as the last of "
                + "the history." : "";
        return why.isEmpty() ? refused : new RuleViolationException(refused.rule(), refused.getMessage() + why);
    }

    private static NotFoundException noSuchEvent(RelationPair pair, long eventId) {
        return new NotFoundException("The relation " + pair + " has no event " + eventId + ".");
    }

    /** The history of a pair (empty if nothing was recorded). */
    @Transactional(readOnly = true)
    public RelationHistory history(RelationPair pair) {
        return find(pair).map(Relation::history).orElseGet(RelationHistory::empty);
    }

    /**
     * The pair as it stood at the end of {@code asOf} (today if null); one statement, so no
     * transaction of its own (it joins the caller's).
     */
    public RelationSnapshot snapshot(RelationPair pair, LocalDate asOf) {
        LocalDate day = asOf == null ? today.date() : asOf;
        List<EventRecord> all = eventRecords.of(pair);
        List<EventRecord> events = all.stream().filter(e -> !e.date().isAfter(day)).toList();
        return new RelationSnapshot(pair, day, RelationHistory.replay(all).on(day), events);
    }

    /** The pair's recorded event of this type on this day, if any. */
    @Transactional(readOnly = true)
    public Optional<RelationEvent> findEvent(RelationPair pair, EventType type, LocalDate date) {
        return find(pair).flatMap(relation -> relation.events().stream()
                .filter(event -> event.type() == type && event.date().equals(date)).findFirst());
    }

    @Transactional(readOnly = true)
    public Optional<RelationEvent> event(RelationPair pair, long eventId) {
        return find(pair).map(r -> r.event(eventId));
    }

    /**
     * @throws NotFoundException if the pair has no such event
     */
    @Transactional(readOnly = true)
    public RelationEvent getEvent(RelationPair pair, long eventId) {
        return event(pair, eventId).orElseThrow(() -> noSuchEvent(pair, eventId));
    }

    /**
     * The pairs as they stood at the end of {@code asOf} (today if null), of {@code country} and in
     * diplomatic {@code status} if given: pairs with a recorded state that day, whose two countries
     * both existed that day.
     */
    @Transactional(readOnly = true)
    public Page<RelationStanding> standings(CountryCode country, RelationStatus status, LocalDate asOf,
            Pageable pageable) {
        return list.page(country, status, asOf == null ? today.date() : asOf, pageable);
    }

    private Optional<Relation> find(RelationPair pair) {
        return relations.findWithEvents(pair.first().value(), pair.second().value());
    }
}
