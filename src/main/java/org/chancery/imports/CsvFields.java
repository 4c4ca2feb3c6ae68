package org.chancery.imports;

import java.util.List;
import java.util.regex.Pattern;

import org.chancery.shared.InvalidInputException;
import org.chancery.shared.StorableValues;

/**
 * The fields of a record of a published CSV file, checked before a format reads them: no field holds
 * the NUL character, which no text may hold ({@link StorableValues}), and none is longer than any field
 * of the published files needs to be (the longest, a state's name, has under 60 characters).
 */
public final class CsvFields {

    public static final int MAX_LENGTH = 200;

    /** An integer as the published files write one: decimal ASCII digits, a minus sign at most (no {@code +}). */
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    /** Such an integer of any number of digits. */
    private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");

    private CsvFields() {
    }

    /**
     * The integer a field holds, spaces around it aside: decimal ASCII digits only ({@code Integer.parseInt} would
     * also take {@code +2} and the digits of other scripts, {@code ٢}).
     *
     * @throws NumberFormatException if the field holds anything else, or more than nine digits
     */
    public static int integer(String field) {
        String text = field.trim();
        if (!INTEGER.matcher(text).matches()) {
            throw new NumberFormatException("not a decimal integer: '" + field + "'");
        }
        return Integer.parseInt(text);
    }

    /**
     * Whether a field that {@link #integer} refuses is an integer all the same, of more digits than it reads: out of
     * range rather than no integer, for a message that says which.
     */
    public static boolean beyondNineDigits(String field) {
        return DIGITS.matcher(field.trim()).matches();
    }

    /**
     * Checks the header of a file of format {@code format}: its fields, spaces around them aside, are {@code
     * expected}.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code body}) saying what the header must be and
     *         where this one differs: its first column that differs, or its number of columns
     */
    public static void checkHeader(String format, List<String> expected, List<String> fields) {
        List<String> found = fields.stream().map(field -> field == null ? "" : field.trim()).toList();
        if (found.equals(expected)) {
            return;
        }
        String where;
        if (found.size() == 1 && found.get(0).contains(";")) {
            where = "it is one field: are its columns separated by semicolons? This format's are by commas";
        } else {
            int column = 0;
            while (column < Math.min(found.size(), expected.size())
                    && found.get(column).equals(expected.get(column))) {
                column++;
            }
            where = column < Math.min(found.size(), expected.size())
                    ? "its column " + (column + 1) + " is '" + shown(found.get(column)) + "', not '"
                            + expected.get(column)
                            + "' (the names are read as written, in this order)"
                    : "it has " + found.size() + " columns, not " + expected.size();
        }
        throw new InvalidInputException("body", "is not " + format + ": its header must be "
                + String.join(",", expected) + "; " + where);
    }

    /** A field of a file as a message shows it: its first 60 characters, each control character as {@code ?}. */
    private static String shown(String field) {
        String cut = field.length() > 60 ? field.substring(0, 60) + "…" : field;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) naming the column of the first field refused
     */
    public static void check(List<String> header, List<String> fields) {
        for (int i = 0; i < Math.min(header.size(), fields.size()); i++) {
            String field = fields.get(i);
            if (field == null) {
                continue;
            }
            if (StorableValues.holdsNul(field)) {
                throw new InvalidInputException(header.get(i), StorableValues.NUL_REFUSED);
            }
            if (field.length() > MAX_LENGTH) {
                throw new InvalidInputException(header.get(i), "has " + field.length() + " characters, more than the "
                        + MAX_LENGTH + " a field of this file may have");
            }
        }
    }
}
