package org.chancery.accreditation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryExistence;
import org.chancery.diplomat.Diplomat;
import org.chancery.diplomat.Diplomats;
import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionService;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.FactChanged;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.Today;
import org.chancery.shared.VersionPrecondition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and ends non-resident accreditations under the pair's row lock
 * ({@link RelationService#underPairLock}), so that the relation's history, the missions of the
 * direction and its other accreditations cannot change meanwhile: R3, R13, R18, R22, and R23 over
 * the whole period of the accreditation (back-filled ones are checked against the whole history).
 */
@Service
public class Accreditations {

    private final AccreditationRepository repository;
    private final AccreditationRows rows;
    private final RelationService relations;
    private final MissionService missions;
    private final Diplomats diplomats;
    private final CountryExistence existence;
    private final Today today;
    private final ApplicationEventPublisher publisher;

    Accreditations(AccreditationRepository repository, AccreditationRows rows, RelationService relations, MissionService missions,
            Diplomats diplomats, CountryExistence existence, Today today, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.repository = repository;
        this.rows = rows;
        this.relations = relations;
        this.missions = missions;
        this.diplomats = diplomats;
        this.existence = existence;
        this.today = today;
    }

    /** What is needed to record an accreditation of {@code sending} to the other country of the pair. */
    public record Draft(CountryCode sending, AccreditationLevel level, FuzzyDate from, FuzzyDate to,
            Long residentMissionId, Long diplomatId, List<Source> sources) {
    }

    /**
     * An accreditation's period as a draft gives it: an end (if any) not before the start.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code to}) otherwise
     */
    public static void requirePeriod(FuzzyDate from, FuzzyDate to) {
        if (to != null && to.date().isBefore(from.date())) {
            throw new InvalidInputException("to", "must not be before from (" + from.date() + ")");
        }
    }

    /**
     * Records an accreditation of {@code draft.sending()} to the other country of {@code pair}.
     *
     * @throws RuleViolationException R3 {@code DATE_IN_FUTURE}; R22 {@code COUNTRY_NOT_IN_EXISTENCE};
     *         R23 {@code RELATION_NOT_ESTABLISHED} or {@code CONSULAR_RELATION_NOT_ESTABLISHED} on
     *         {@code from} (or a severance within the period), {@code ACCREDITATION_CONFLICT} (another
     *         diplomatic accreditation, or an embassy-class mission open, in the direction during the
     *         period), {@code RESIDENT_MISSION_INVALID}; R18 {@code UNKNOWN_REFERENCE} for an unknown
     *         mission or diplomat; R13 {@code DIPLOMAT_NOT_OF_SENDING_COUNTRY}
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) if {@code to} is before {@code from}
     */
    public Accreditation accredit(RelationPair pair, Draft draft) {
        CountryCode sending = draft.sending();
        CountryCode receiving = sending.equals(pair.first()) ? pair.second() : pair.first();
        today.requireNotFuture(draft.from().date(), "accreditation's start");
        if (draft.to() != null) {
            today.requireNotFuture(draft.to().date(), "accreditation's end");
        }
        requirePeriod(draft.from(), draft.to());
        return relations.underPairLock(pair, relation -> {
            LocalDate from = draft.from().date();
            LocalDate to = draft.to() == null ? null : draft.to().date();
            // locks in the order every write takes them; what the body names is checked before the pair's facts
            var lifetimes = existence.lock(sending, receiving);
            if (draft.residentMissionId() != null) {
                MissionFacts resident = missions.lockedFacts(draft.residentMissionId()).orElseThrow(() ->
                        new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE, "residentMissionId names no known "
                                + "mission: " + draft.residentMissionId() + "."));
                AccreditationRules.residentMission(resident, sending, receiving, from);
            }
            if (draft.diplomatId() != null) {
                Diplomat diplomat = diplomats.lockedReference(draft.diplomatId(), "diplomatId");
                AccreditationRules.diplomatOfSendingCountry(diplomat, sending);
            }
            lifetimes.requireExistOn(from, "the accreditation's start");
            if (to != null) {
                lifetimes.requireMayEndOn(to, "the accreditation's end");
            }
            AccreditationRules.relations(draft.level(), sending, receiving, from, to, relation.history());
            if (draft.level().diplomatic()) {
                AccreditationRules.oneAtATime(from, to, repository.findByDirection(sending.value(), receiving.value()));
                AccreditationRules.noEmbassyOpen(from, to, missions.embassiesOfDirection(sending, receiving));
            }
            Accreditation accreditation = new Accreditation(sending, receiving, draft.level(), draft.from(),
                    draft.residentMissionId(), draft.diplomatId(), draft.sources());
            if (draft.to() != null) {
                accreditation.end(draft.to());
            }
            Accreditation saved = repository.saveAndFlush(accreditation);
            publisher.publishEvent(changed(FactChanged.Action.CREATED, saved));
            return saved;
        });
    }

    /**
     * Ends an accreditation of the pair on {@code on} (R3, R22).
     *
     * @throws NotFoundException if the pair has no such accreditation
     */
    public Accreditation end(RelationPair pair, long id, FuzzyDate on) {
        return end(pair, id, on, List.of(), VersionPrecondition.ANY);
    }

    /**
     * Ends an accreditation as {@link #end(RelationPair, long, FuzzyDate)} does, citing {@code sources} for the end,
     * if {@code precondition} names its version ({@code If-Match}, held to it before the rules read what is
     * recorded).
     */
    public Accreditation end(RelationPair pair, long id, FuzzyDate on, List<Source> sources,
            VersionPrecondition precondition) {
        today.requireNotFuture(on.date(), "accreditation's end");
        get(pair, id);
        return relations.underPairLock(pair, relation -> {
            Accreditation accreditation = repository.findById(id).orElseThrow(() -> noSuch(pair, id));
            precondition.check(accreditation.version(), "Accreditation " + id);
            existence.lock(accreditation.sendingCountry(), accreditation.receivingCountry())
                    .requireMayEndOn(on.date(), "the accreditation's end");
            accreditation.end(on);
            accreditation.cite(sources);
            Accreditation saved = repository.saveAndFlush(accreditation);
            publisher.publishEvent(changed(FactChanged.Action.UPDATED, saved));
            return saved;
        });
    }

    /**
     * Removes an accreditation of the pair recorded by mistake, if {@code precondition} names its version: no fact
     * refers to an accreditation, and none relies on it (its removal leaves less for the rules to compare).
     *
     * @throws NotFoundException if the pair has no such accreditation
     */
    public void delete(RelationPair pair, long id, VersionPrecondition precondition) {
        get(pair, id);
        relations.underPairLock(pair, relation -> {
            Accreditation accreditation = repository.findById(id).orElseThrow(() -> noSuch(pair, id));
            precondition.check(accreditation.version(), "Accreditation " + id);
            repository.delete(accreditation);
            repository.flush();
            publisher.publishEvent(changed(FactChanged.Action.DELETED, accreditation));
            return null;
        });
    }

    /**
     * @throws NotFoundException if the pair has no such accreditation
     */
    @Transactional(readOnly = true)
    public Accreditation get(RelationPair pair, long id) {
        return repository.findById(id)
                .filter(accreditation -> RelationPair.of(accreditation.sendingCountry(), accreditation.receivingCountry())
                        .equals(pair))
                .orElseThrow(() -> noSuch(pair, id));
    }

    /** The accreditation of the direction at this level from this day, if any: an import's "already there". */
    @Transactional(readOnly = true)
    public Optional<Accreditation> findSame(CountryCode sending, CountryCode receiving, AccreditationLevel level,
            LocalDate from) {
        return repository.findByDirection(sending.value(), receiving.value()).stream()
                .filter(accreditation -> accreditation.level() == level && accreditation.from().equals(from))
                .findFirst();
    }

    /**
     * A page of the pair's accreditations, both directions, in the page request's order; oldest first (by
     * {@code from}, then id) for a request without one.
     */
    @Transactional(readOnly = true)
    public Page<Accreditation> ofPair(RelationPair pair, Pageable pageable) {
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("fromDate", "id"));
        return repository.pageBetween(pair.first().value(), pair.second().value(), ordered);
    }

    /** The pair's accreditations, both directions, oldest first; one query, no transaction of its own. */
    public List<AccreditationRecord> allOfPair(RelationPair pair) {
        return rows.between(pair);
    }

    /**
     * The pair's accreditations in force at the end of {@code day}, oldest first; one query, no
     * transaction of its own.
     */
    public List<AccreditationRecord> activeOn(RelationPair pair, LocalDate day) {
        return allOfPair(pair).stream().filter(accreditation -> accreditation.activeOn(day)).toList();
    }

    /** A change of the accreditation for the change feed. */
    static FactChanged changed(FactChanged.Action action, Accreditation accreditation) {
        return new FactChanged(action, "accreditation", String.valueOf(accreditation.id()),
                List.of(accreditation.sendingCountry().value(), accreditation.receivingCountry().value()));
    }

    private static NotFoundException noSuch(RelationPair pair, long id) {
        return new NotFoundException("The relation " + pair + " has no accreditation " + id + ".");
    }
}
