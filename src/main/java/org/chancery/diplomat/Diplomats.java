package org.chancery.diplomat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.country.CountryExistence;
import org.chancery.shared.FactChanged;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.SearchText;
import org.chancery.shared.Text;
import org.chancery.shared.VersionMismatchException;
import org.chancery.shared.VersionPrecondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records, changes, removes and finds diplomats; finds them for the other modules by the id in a
 * path (unknown is {@code 404}) or in a request body (unknown is R18 {@code UNKNOWN_REFERENCE}).
 * Writes lock the diplomat's row, so that version checks and R21 hold under concurrent requests.
 */
@Service
@Transactional(readOnly = true)
public class Diplomats {

    private static final Logger log = LoggerFactory.getLogger(Diplomats.class);

    /** How often a renaming takes its locks before it gives up (409): each time the diplomat was appointed meanwhile. */
    private static final int RENAMING_ATTEMPTS = 3;

    private final DiplomatRepository repository;
    private final Countries countries;
    private final ObjectProvider<DiplomatReferences> references;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate writes;

    /**
     * The {@link DiplomatReferences} are looked up when a diplomat is deleted, not at start-up, so
     * that modules whose services use this one may implement them without a dependency cycle.
     */
    Diplomats(DiplomatRepository repository, Countries countries, ObjectProvider<DiplomatReferences> references,
            ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
        this.publisher = publisher;
        this.writes = new TransactionTemplate(transactions);
        this.repository = repository;
        this.countries = countries;
        this.references = references;
    }

    public Diplomat get(long id) {
        return repository.findById(id).orElseThrow(() -> NotFoundException.of("diplomat", id));
    }

    /**
     * For a list filtered by a diplomat: the id names one.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code parameter}) if no diplomat has that id
     */
    public void requireKnown(long id, String parameter) {
        if (!repository.existsById(id)) {
            throw new InvalidInputException(parameter, "names no known diplomat: " + id);
        }
    }

    /**
     * The diplomat a fact that fixes their country names (a head of mission, an accreditation: R13),
     * its row locked until the caller's transaction ends: a change of the diplomat's country, which
     * locks the row before it looks for such facts ({@link #update}), waits for that transaction and
     * then sees its fact, or the fact's check waits for the change and sees the new country.
     *
     * @throws RuleViolationException R18 {@code UNKNOWN_REFERENCE} if there is none with that id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Diplomat lockedReference(Long id, String field) {
        if (id == null) {
            throw new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE, field + " names no diplomat.");
        }
        return repository.findForUpdate(id).orElseThrow(() -> new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE,
                field + " names no known diplomat: " + id + "."));
    }

    /**
     * The countries of the diplomats with these ids, as {@link CountryExistence} locks them with other countries in one
     * statement, before the diplomats are locked ({@link #references}): countries come before diplomats in every
     * writer's order of locks.
     */
    public static CountryExistence.Referrers countriesOf(Collection<Long> ids) {
        return new CountryExistence.Referrers("diplomat", "country", List.copyOf(ids));
    }

    /**
     * The diplomats a request body names, in one query, locked until the caller's transaction ends:
     * a diplomat's deletion (R21), which locks it too, waits for the fact that names it, or that
     * fact for the deletion (the foreign key alone does not hold across H2's concurrent transactions).
     *
     * @throws RuleViolationException R18 naming the first id that is unknown
     */
    public Map<Long, Diplomat> references(Collection<Long> ids, String field) {
        Map<Long, Diplomat> found = repository.findAllByIdsForUpdate(ids.toArray(Long[]::new)).stream()
                .collect(Collectors.toMap(Diplomat::id, Function.identity()));
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                throw new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE,
                        field + " include an id that names no known diplomat: " + id + ".");
            }
        }
        return found;
    }

    /**
     * Diplomats of a country (if given) whose name contains {@code q} (if given and its search key holds something: a
     * search of apostrophes alone is none), in any case, with or without accents ({@link SearchText}).
     */
    public Page<Diplomat> search(CountryCode country, String q, Pageable pageable) {
        Specification<Diplomat> filter = (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (country != null) {
                predicates.add(cb.equal(root.get("country"), country.value()));
            }
            String pattern = q == null ? null : SearchText.containing(q);
            if (pattern != null) {
                predicates.add(cb.like(root.get("nameKey"), pattern, '\\'));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        return repository.findAll(filter, pageable);
    }

    /**
     * The first diplomat recorded with this name and country, if any: an import's "already there". The names are
     * compared without what is not seen around them (as an earlier release kept some: a no-break space), then
     * exactly, in either of Unicode's forms of their letters (é as one character or as e and an accent: a file
     * written on macOS holds the second), among the diplomats of the name's search key (read along its index).
     */
    public Optional<Diplomat> findSame(String name, CountryCode country) {
        String given = comparable(name);
        return repository.findByNameKeyAndCountry(SearchText.key(name), country.value()).stream()
                .filter(diplomat -> comparable(diplomat.name()).equals(given)).findFirst();
    }

    /** The diplomats of these ids that are recorded, read without a lock: to compare with, not to refer to. */
    public Map<Long, Diplomat> find(Collection<Long> ids) {
        return repository.findAllById(ids).stream().collect(Collectors.toMap(Diplomat::id, Function.identity()));
    }

    /** Whether two names are the same name, as {@link #findSame} compares them. */
    public static boolean sameName(String one, String other) {
        return comparable(one).equals(comparable(other));
    }

    private static String comparable(String name) {
        return Normalizer.normalize(Text.strip(name), Normalizer.Form.NFC);
    }

    /**
     * Records a diplomat.
     *
     * @throws RuleViolationException R18 {@code UNKNOWN_REFERENCE} if the country is unknown
     */
    @Transactional
    public Diplomat create(DiplomatDescription description) {
        CountryCode country = countries.reference(description.country(), "country");
        Diplomat diplomat = repository.saveAndFlush(new Diplomat(description.name(), country, description.title(),
                description.organization(), description.sources()));
        publisher.publishEvent(FactChanged.created("diplomat", diplomat.id(), country.value()));
        return diplomat;
    }

    /**
     * Replaces what is known of a diplomat. Meetings keep the title the diplomat held when they
     * were recorded; heads of mission take a new name.
     *
     * @param precondition the versions the client said it changes ({@code If-Match})
     * @throws NotFoundException if there is no such diplomat
     * @throws VersionMismatchException if the precondition does not name the current version
     * @throws RuleViolationException R18 {@code UNKNOWN_REFERENCE} if the country is unknown, R20
     *         {@code CONFLICTS_WITH_RECORDED_FACTS} naming a head of mission or an accreditation for which the
     *         diplomat stays of their country (R13)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Diplomat update(long id, DiplomatDescription description, VersionPrecondition precondition) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writes.execute(status -> updateOnce(id, description, precondition));
            } catch (DiplomatReferences.RecordedMeanwhile | RenamedMeanwhile meanwhile) {
                // appointed head of another mission while the renaming took its locks, or renamed by another request
                // since the name was read: the change takes the locks a renaming needs again
                if (attempt == RENAMING_ATTEMPTS) {
                    throw meanwhile;
                }
                log.info("Change of diplomat {} taking its locks again (attempt {} of {}): {}", id, attempt + 1,
                        RENAMING_ATTEMPTS, meanwhile.getMessage());
            }
        }
    }

    private Diplomat updateOnce(long id, DiplomatDescription description, VersionPrecondition precondition) {
        // a new name changes the heads of mission showing it: their pairs and missions are locked first
        boolean renaming = repository.findNameById(id)
                .filter(name -> description.name() != null && !name.equals(Text.strip(description.name()))).isPresent();
        List<DiplomatReferences.Renaming> renamings = renaming
                ? references.orderedStream().map(refs -> refs.lockForRenaming(id)).toList() : List.of();
        Diplomat diplomat = lock(id, precondition);
        if (!renaming && description.name() != null && !diplomat.name().equals(Text.strip(description.name()))) {
            // renamed by another request since the name was read: this change renames them back, with the locks of
            // their heads' missions, which it did not take
            throw new RenamedMeanwhile("Diplomat " + id + " was renamed meanwhile; read it again.");
        }
        CountryCode country = countries.reference(description.country(), "country");
        if (!country.equals(diplomat.country())) {
            references.orderedStream().map(refs -> refs.factFixingTheCountryOf(id)).flatMap(Optional::stream)
                    .findFirst().ifPresent(fact -> {
                        throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, diplomat.name()
                                + " cannot become a diplomat of " + country + ": " + fact + " names them as a diplomat of "
                                + diplomat.country() + ", and a head of mission or an accredited diplomat stays a "
                                + "diplomat of the sending country (R13).");
                    });
        }
        String before = diplomat.country().value();
        String formerName = diplomat.name();
        // sources left out are kept: a replacement that does not speak of them does not erase what backs the fact
        diplomat.describe(description.name(), country, description.title(), description.organization(),
                description.sources() == null ? diplomat.sources() : description.sources());
        Diplomat saved = repository.saveAndFlush(diplomat);
        if (!saved.name().equals(formerName)) {
            renamings.forEach(renamed -> renamed.to(saved.name()));
        }
        publisher.publishEvent(FactChanged.updated("diplomat", id, before, country.value()));
        return saved;
    }

    /** A diplomat renamed by another request since a change read their name: the change begins again. */
    private static final class RenamedMeanwhile extends ConcurrencyFailureException {

        RenamedMeanwhile(String message) {
            super(message);
        }
    }

    /**
     * Removes a diplomat no recorded fact refers to (R21).
     *
     * @throws NotFoundException if there is no such diplomat
     * @throws VersionMismatchException if the precondition does not name the current version
     * @throws RuleViolationException R21 {@code RESOURCE_IN_USE} naming a fact that refers to it
     */
    @Transactional
    public void delete(long id, VersionPrecondition precondition) {
        Diplomat diplomat = lock(id, precondition);
        references.orderedStream()
                .map(refs -> refs.firstReferenceTo(id))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(fact -> {
                    throw inUse(diplomat, fact);
                });
        try {
            repository.delete(diplomat);
            repository.flush();
            publisher.publishEvent(FactChanged.deleted("diplomat", id, diplomat.country().value()));
        } catch (DataIntegrityViolationException referredToMeanwhile) {
            throw inUse(diplomat, "a fact recorded meanwhile");
        }
    }

    private Diplomat lock(long id, VersionPrecondition precondition) {
        Diplomat diplomat = repository.findForUpdate(id).orElseThrow(() -> NotFoundException.of("diplomat", id));
        precondition.check(diplomat.version(), "Diplomat " + id);
        return diplomat;
    }

    private static RuleViolationException inUse(Diplomat diplomat, String fact) {
        return new RuleViolationException(Rule.R21_RESOURCE_IN_USE, "Diplomat " + diplomat.id() + " ("
                + diplomat.name() + ") cannot be deleted: " + fact + " refers to them.");
    }
}
