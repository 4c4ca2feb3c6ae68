package org.chancery.country;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

import org.chancery.shared.AlreadyExistsException;
import org.chancery.shared.BrokenConstraints;
import org.chancery.shared.FactChanged;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.SearchText;
import org.chancery.shared.Source;
import org.chancery.shared.StorableValues;
import org.chancery.shared.Text;
import org.chancery.shared.Today;
import org.chancery.shared.VersionMismatchException;
import org.chancery.shared.VersionPrecondition;
import org.chancery.shared.logging.ExpectedSqlErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Looks countries up by alpha-2 or alpha-3 code in any letter case, for paths (unknown is
 * {@code 404}), bodies (unknown is R18 {@code UNKNOWN_REFERENCE}) and filters (unknown is
 * {@code VALIDATION_FAILED}), and records and changes them. Countries are never removed, so found
 * ones are kept in memory and a lookup of a known code needs no database round trip, nor a
 * transaction (which would take a connection from the pool): only a code not seen yet, or seen
 * longer ago than {@code chancery.countries.cache-ttl} by the application's clock (1 s: another
 * instance may have changed its name or lifetime; a code in use is read once a second at most), is
 * read again, and so is a country whose change was refused as stale (412). Rules never depend on
 * this copy: R22 reads the lifetimes in the writing transaction ({@link CountryExistence}).
 */
@Service
@EnableConfigurationProperties(CountryProperties.class)
public class Countries {

    private record Cached(Country country, long readAtMillis) {
    }

    private final CountryRepository repository;
    private final ObjectProvider<CountryFacts> facts;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Today today;
    private final long timeToLiveMillis;
    private final Map<String, Cached> known = new ConcurrentHashMap<>();

    Countries(CountryRepository repository, ObjectProvider<CountryFacts> facts,
            CountryProperties properties, Clock clock, Today today, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.today = today;
        this.repository = repository;
        this.facts = facts;
        this.clock = clock;
        this.timeToLiveMillis = properties.cacheTtl().toMillis();
    }

    /**
     * R3 for a lifetime: a state's start and end are facts, not plans (an end after today would make
     * a country that exists today {@code former}).
     */
    private void requirePast(Lifetime lifetime) {
        if (lifetime.startedOn() != null) {
            today.requireNotFuture(lifetime.startedOn(), "start of its existence (startedOn)");
        }
        if (lifetime.endedOn() != null) {
            today.requireNotFuture(lifetime.endedOn(), "end of its existence (endedOn)");
        }
    }

    /** The country a path names, by alpha-2 or alpha-3 code in any case. */
    public Country get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No country with code '" + code + "'."));
    }

    /** The code of the country a path names. */
    public CountryCode resolve(String code) {
        return get(code).code();
    }

    /**
     * The code of the country a request body names.
     *
     * @throws RuleViolationException R18 {@code UNKNOWN_REFERENCE} if there is no such country
     */
    public CountryCode reference(String code, String field) {
        return find(code).map(Country::code).orElseThrow(() -> new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE,
                field + " " + unknown(code) + "."));
    }

    /**
     * The code of the country a query filter names; unknown is a {@code VALIDATION_FAILED}, and so is
     * a filter of one country given several (Spring joins a repeated parameter with commas).
     */
    public CountryCode filter(String code, String parameter) {
        if (code != null && code.contains(",")) {
            throw new InvalidInputException(parameter, "takes one country; '" + code + "' names several");
        }
        return find(code).map(Country::code).orElseThrow(() -> new InvalidInputException(parameter, unknown(code)));
    }

    /**
     * "names no known country: 'Cuba'", and where the text is no code but a name (part of one), how countries are
     * named: by the code of the country of that name, or of the one whose name holds it ("Cuba is CU"), or by a code
     * as any.
     */
    private String unknown(String code) {
        String unknown = "names no known country: '" + code + "'";
        // (a text no name could hold is not looked for: a NUL, which PostgreSQL refuses, or a length no name has)
        if (code == null || code.isBlank() || keyOf(code) != null || code.length() > 200
                || StorableValues.holdsNul(code)) {
            return unknown;
        }
        // the country of that very name, else the one name holding the text ("Niger" is not Nigeria's)
        List<Country> named = search(code, null, PageRequest.of(0, 5)).getContent();
        String key = SearchText.key(code);
        Country only = named.stream().filter(country -> SearchText.key(country.name()).equals(key)).findFirst()
                .orElse(named.size() == 1 ? named.get(0) : null);
        return unknown + (only != null
                ? " (a country is given by its code: " + only.name() + " is " + only.code().value() + ")"
                : " (a country is given by its ISO 3166 code, alpha-2 or alpha-3, as CU or CUB; "
                        + "GET /api/countries?q= finds it by name)");
    }

    public Optional<Country> find(String code) {
        String key = keyOf(code);
        if (key == null) {
            return Optional.empty();
        }
        Cached cached = known.get(key);
        if (cached != null) {
            long age = clock.millis() - cached.readAtMillis();
            if (age >= 0 && age < timeToLiveMillis) {
                return Optional.of(cached.country());
            }
        }
        Optional<Country> found = key.length() == 2 ? repository.findById(key) : repository.findByAlpha3(key);
        // read in a writing transaction, the country may be one it created: kept once that has committed
        found.ifPresent(this::rememberAfterCommit);
        return found;
    }

    /** The alpha-2 or alpha-3 code a client wrote, upper-case, or null if it cannot be one. */
    private static String keyOf(String code) {
        String trimmed = code == null ? null : code.trim();
        return trimmed != null && CountryCode.isAsciiLetters(trimmed, 2, 3, false) ? trimmed.toUpperCase(Locale.ROOT)
                : null;
    }

    /**
     * The alpha-2 code of the country a client wrote, without reading the country itself: an alpha-2 code as it
     * is (the caller finds out whether it exists), an alpha-3 code through the copy in memory or the database.
     */
    private Optional<CountryCode> codeOf(String code) {
        String key = keyOf(code);
        if (key == null) {
            return Optional.empty();
        }
        if (key.length() == 2) {
            return Optional.of(new CountryCode(key));
        }
        Cached cached = known.get(key);
        return cached != null ? Optional.of(cached.country().code())
                : repository.findCodeByAlpha3(key).map(CountryCode::new);
    }

    /**
     * Countries whose name contains {@code q} (in any case, with or without accents: {@link SearchText}) or whose
     * alpha-2, alpha-3 or numeric code is {@code q} (any case), if given and its search key holds something (a search
     * of apostrophes alone is none); {@code current}: only those that have not ended (true) or only former ones
     * (false).
     */
    @Transactional(readOnly = true)
    public Page<Country> search(String q, Boolean current, Pageable pageable) {
        String pattern = q == null ? null : SearchText.containing(q);
        if (pattern == null) {
            return repository.search(null, null, null, current, pageable);
        }
        String term = Text.strip(q);
        // a code is two or three ASCII letters, as in a path: "ß", which upper-cases into South Sudan's "SS", is none
        String code = Objects.requireNonNullElse(keyOf(term), "");
        return repository.search(code, term, pattern, current, pageable);
    }

    /**
     * Records a country outside ISO 3166-1 (a historical state, a user-assigned code).
     *
     * @throws AlreadyExistsException if the alpha-2 or alpha-3 code is taken
     */
    @Transactional
    public Country create(String code, String alpha3, String numericCode, String name, Lifetime lifetime,
            List<Source> sources) {
        String alpha2 = code.toUpperCase(Locale.ROOT);
        String three = alpha3.toUpperCase(Locale.ROOT);
        requirePast(lifetime);
        requireFree(alpha2, three);
        try {
            // a key broken by a request that recorded the code meanwhile is answered, not warned of
            Country country = ExpectedSqlErrors.expectedDuring(() -> repository.saveAndFlush(new Country(
                    new CountryCode(alpha2), three, numericCode, name, lifetime, sources)));
            publisher.publishEvent(FactChanged.created("country", alpha2, alpha2));
            rememberAfterCommit(country);
            return country;
        } catch (DataIntegrityViolationException e) {
            // recorded meanwhile by another request (the session is not to be asked again after a failed flush)
            throw takenMeanwhile(e, alpha2, three);
        }
    }

    /**
     * Names the code another request recorded since {@link #requireFree} found it free, by the constraint
     * the insert broke: the alpha-3 code's unique constraint, else the key (named otherwise on each database); any
     * other constraint is no code taken, and its exception is answered as itself.
     */
    static RuntimeException takenMeanwhile(DataIntegrityViolationException e, String alpha2, String alpha3) {
        if (BrokenConstraints.named(e, "uq_country_alpha3")) {
            return new AlreadyExistsException(List.of("alpha3"),
                    "The alpha-3 code " + alpha3 + " was recorded meanwhile.");
        }
        return BrokenConstraints.unique(e)
                ? new AlreadyExistsException(List.of("code"), "The code " + alpha2 + " was recorded meanwhile.") : e;
    }

    /** @throws AlreadyExistsException naming each code that a recorded country has */
    private void requireFree(String alpha2, String alpha3) {
        List<String> fields = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        repository.findById(alpha2).ifPresent(holder -> {
            fields.add("code");
            taken.add("the code " + alpha2 + " is taken: " + holder.name());
        });
        repository.findByAlpha3(alpha3).ifPresent(holder -> {
            fields.add("alpha3");
            taken.add("the alpha-3 code " + alpha3 + " is taken: " + holder.name() + " (" + holder.code() + ")");
        });
        if (!fields.isEmpty()) {
            String detail = String.join("; ", taken) + ".";
            throw new AlreadyExistsException(fields, Character.toUpperCase(detail.charAt(0)) + detail.substring(1));
        }
    }

    /**
     * Replaces a country's name, lifetime and sources, under its row lock: the facts recorded with
     * the country (which lock the row as they check R22) cannot change meanwhile.
     *
     * @throws NotFoundException if there is no such country
     * @throws VersionMismatchException if the precondition does not name the current version
     * @throws RuleViolationException R20 {@code CONFLICTS_WITH_RECORDED_FACTS} naming a fact a changed
     *         lifetime would leave outside the country's existence (a change of the name or the sources alone is
     *         not refused for a fact an earlier release recorded outside it), or, for an end given or moved
     *         earlier, a fact of the country without an end yet (a mission open, a head serving, an
     *         accreditation in force). A fact recorded open for a country already ended is not refused:
     *         the history import records a state's last missions open and closes them at its end.
     */
    @Transactional
    public Country update(String code, String name, Lifetime lifetime, List<Source> sources,
            VersionPrecondition precondition) {
        // read first under the lock: a country read before it (into this transaction, or kept in memory) could be
        // a version another instance has changed since, and the copy other requests read must not change before
        // the commit
        Country country = codeOf(code).flatMap(key -> repository.findForUpdate(key.value()))
                .orElseThrow(() -> new NotFoundException("No country with code '" + code + "'."));
        CountryCode key = country.code();
        requirePast(lifetime);
        try {
            precondition.check(country.version(), "Country " + key);
        } catch (VersionMismatchException stale) {
            // the client's version may have come from this instance's copy while another instance changed the
            // country: the copy becomes the country as read here, so that reading again answers its version
            remember(country);
            throw stale;
        }
        if (!lifetime.equals(country.lifetime())) {
            facts.orderedStream().map(guard -> guard.outside(key, lifetime)).flatMap(Optional::stream).findFirst()
                    .ifPresent(fact -> {
                        throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, key + " would exist "
                                + lifetime.describe() + ", which leaves a recorded fact outside its existence (R22): "
                                + fact + ".");
                    });
        }
        // an end given, or moved earlier, while a fact of the country has none yet: it would go on after the end
        LocalDate recordedEnd = country.lifetime().endedOn();
        if (lifetime.ended() && (recordedEnd == null || lifetime.endedOn().isBefore(recordedEnd))) {
            facts.orderedStream().map(guard -> guard.goingOn(key)).flatMap(Optional::stream)
                    .findFirst().ifPresent(fact -> {
                        throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, key + " would end on "
                                + lifetime.endedOn() + ", while a recorded fact of it goes on (R22): " + fact
                                + "; record its end first, at most the day after.");
                    });
        }
        // sources left out are kept (API.md's body has name, startedOn and endedOn only)
        country.describe(name, lifetime, sources == null ? country.sources() : sources);
        Country saved = repository.saveAndFlush(country);
        publisher.publishEvent(FactChanged.updated("country", key.value(), key.value()));
        rememberAfterCommit(saved);
        return saved;
    }

    /**
     * Drops the copies of countries kept in memory, so that the next lookups read the database (after
     * the database was changed outside this instance: restored from a backup, cleaned by a test).
     */
    public void forgetCached() {
        known.clear();
    }

    /** Keeps the country once the transaction that wrote it has committed (at once outside one). */
    private void rememberAfterCommit(Country country) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remember(country);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(country);
            }
        });
    }

    /**
     * Keeps a copy of the country, unless a copy of a later version is kept and still fresh: a write that read the
     * country before a change of this instance committed, and committed after it, would bring the old version back
     * (its ETag then refused as stale, 412, by the next write that sends it).
     */
    private void remember(Country country) {
        long now = clock.millis();
        Cached cached = new Cached(country, now);
        BinaryOperator<Cached> later = (kept, fresh) -> fresh.country().version() >= kept.country().version()
                || now - kept.readAtMillis() >= timeToLiveMillis ? fresh : kept;
        known.merge(country.code().value(), cached, later);
        known.merge(country.alpha3(), cached, later);
    }
}
