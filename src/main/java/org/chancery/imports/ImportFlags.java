package org.chancery.imports;

import java.util.List;

import org.chancery.shared.InvalidInputException;

/**
 * The flags a row report may carry: what a format inferred about the row or found uncertain. A format flags a row
 * with one of these only ({@link RowResult#flag}), so that a filter naming another is a mistake to answer, not a
 * filter that keeps nothing.
 */
public final class ImportFlags {

    /** Every flag, by name, as a text for documentation. */
    public static final String NAMES = "APPROXIMATE_DATE, CENSORED_START, COUNTRY_GOES_ON, DIFFERS_FROM_RECORDED, "
            + "GAP, INFERRED_CONSULAR_RELATIONS, INFERRED_ESTABLISHMENT, INFERRED_RESTORATION, INFERRED_SEVERANCE, "
            + "NEEDS_PROTECTING_POWER, PROTECTING_POWER_RELATIONS, RELATIONS_NOT_INTERRUPTED, STATE_ENDED, "
            + "STATE_NOT_READ";

    /** Every flag, by name. */
    public static final List<String> KNOWN = List.of(NAMES.split(", "));

    private ImportFlags() {
    }

    /**
     * The flag a report filter names (spaces around it as an outcome's are taken), or null for none.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) for a flag no format gives
     */
    public static String filter(String flag) {
        if (flag == null) {
            return null;
        }
        String name = flag.strip();
        if (!KNOWN.contains(name)) {
            throw new InvalidInputException("flag", "must be one of " + NAMES + ", not '" + flag + "'");
        }
        return name;
    }

    static String given(String flag) {
        if (!KNOWN.contains(flag)) {
            throw new IllegalArgumentException("not a flag of ImportFlags.KNOWN: " + flag);
        }
        return flag;
    }
}
