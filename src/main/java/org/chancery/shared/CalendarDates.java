package org.chancery.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The calendar dates Chancery accepts: {@code YYYY-MM-DD}, from {@link #FIRST} (the first full
 * year of the Gregorian calendar, which databases and the JDBC date types agree on) to
 * {@link #LAST}. Anything else is refused rather than stored as some other day.
 */
public final class CalendarDates {

    public static final LocalDate FIRST = LocalDate.of(1583, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    public static final String EXPECTED = "expected a date YYYY-MM-DD from " + FIRST + " to " + LAST;

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private CalendarDates() {
    }

    /**
     * @throws IllegalArgumentException if {@code text} is not such a date
     */
    public static LocalDate parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such day; " + EXPECTED);
        }
        return requireInRange(date);
    }

    public static LocalDate requireInRange(LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new IllegalArgumentException(EXPECTED);
        }
        return date;
    }
}
