package org.chancery.shared;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Published, inside the writing transaction, for every fact a successful write created, changed or
 * removed: the change feed records it in the same transaction, so a refused write never appears in
 * it and a committed one always does.
 *
 * @param kind {@code event}, {@code mission}, {@code head}, {@code accreditation}, {@code meeting},
 *        {@code diplomat}, {@code milestone}, {@code country} or {@code import}
 * @param id the fact's id (a country's code for a country)
 * @param countries the countries the fact is about, sorted
 */
public record FactChanged(Action action, String kind, String id, List<String> countries) {

    /**
     * The schema of a fact's id in the API's description: a number, or a country's code for a country (the change
     * feed's and an import report's {@code id}).
     */
    public static final String ID_SCHEMA = "FactId";

    /** What the write did to the fact. */
    @Schema(name = "ChangeAction", enumAsRef = true)
    public enum Action { CREATED, UPDATED, DELETED }

    public FactChanged {
        countries = countries.stream().distinct().sorted().toList();
    }

    public static FactChanged created(String kind, Object id, String... countries) {
        return new FactChanged(Action.CREATED, kind, String.valueOf(id), Arrays.asList(countries));
    }

    public static FactChanged updated(String kind, Object id, String... countries) {
        return new FactChanged(Action.UPDATED, kind, String.valueOf(id), Arrays.asList(countries));
    }

    public static FactChanged deleted(String kind, Object id, String... countries) {
        return new FactChanged(Action.DELETED, kind, String.valueOf(id), Arrays.asList(countries));
    }
}
