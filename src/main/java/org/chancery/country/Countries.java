package org.chancery.country;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.chancery.shared.AlreadyExistsException;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks countries up by alpha-2 or alpha-3 code in any letter case, for paths (unknown is
 * {@code 404}), bodies (unknown is R18 {@code UNKNOWN_REFERENCE}) and filters (unknown is
 * {@code VALIDATION_FAILED}). Countries are never changed or removed once recorded, so found ones
 * are kept in memory and a lookup of a known code needs no database round trip, nor a transaction
 * (which would take a connection from the pool): only a code not seen yet is read, by the
 * repository in a transaction of its own (or the caller's).
 */
@Service
public class Countries {

    private final CountryRepository repository;
    private final Map<String, Country> known = new ConcurrentHashMap<>();

    Countries(CountryRepository repository) {
        this.repository = repository;
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
                field + " names no known country: '" + code + "'."));
    }

    /** The code of the country a query filter names; unknown is a {@code VALIDATION_FAILED}. */
    public CountryCode filter(String code, String parameter) {
        return find(code).map(Country::code)
                .orElseThrow(() -> new InvalidInputException(parameter, "names no known country: '" + code + "'"));
    }

    public Optional<Country> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        if (!CountryCode.isAsciiLetters(trimmed, 2, 3, false)) {
            return Optional.empty();
        }
        String key = trimmed.toUpperCase(Locale.ROOT);
        Country cached = known.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Country> found = key.length() == 2 ? repository.findById(key) : repository.findByAlpha3(key);
        found.ifPresent(this::remember);
        return found;
    }

    @Transactional(readOnly = true)
    public Page<Country> search(String q, Pageable pageable) {
        if (q == null || q.isBlank()) {
            return repository.findAll(pageable);
        }
        String term = q.trim().toLowerCase(Locale.ROOT);
        String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return repository.search(term, pattern, pageable);
    }

    /**
     * Records an entity outside ISO 3166-1.
     *
     * @throws AlreadyExistsException if the alpha-2 or alpha-3 code is taken
     */
    @Transactional
    public Country create(String code, String alpha3, String numericCode, String name) {
        String alpha2 = code.toUpperCase(Locale.ROOT);
        String three = alpha3.toUpperCase(Locale.ROOT);
        if (repository.existsById(alpha2) || repository.findByAlpha3(three).isPresent()) {
            throw new AlreadyExistsException("A country with code " + alpha2 + " or " + three + " already exists.");
        }
        try {
            return repository.saveAndFlush(new Country(new CountryCode(alpha2), three, numericCode, name.trim()));
        } catch (DataIntegrityViolationException e) {
            throw new AlreadyExistsException("A country with code " + alpha2 + " or " + three + " already exists.");
        }
    }

    private void remember(Country country) {
        known.put(country.code().value(), country);
        known.put(country.alpha3(), country);
    }
}
