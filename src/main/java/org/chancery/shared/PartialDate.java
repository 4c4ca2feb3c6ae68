package org.chancery.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planned date known to a period: a year ({@code 2024}), a half ({@code 2024-H1}), a quarter
 * ({@code 2024-Q3}), a month ({@code 2024-07}) or a day ({@code 2024-07-15}). It covers the days
 * from {@link #start()} to {@link #end()}, both inclusive, and {@link #toString()} gives back the
 * text it was parsed from.
 */
public record PartialDate(int year, Period period, int index) {

    /** The kind of period a partial date names; {@code index} counts from 1 within the year. */
    public enum Period { YEAR, HALF, QUARTER, MONTH, DAY }

    /** The five forms, as a regular expression of the whole text (the description's pattern too). */
    public static final String FORMS = "(\\d{4})(?:-(?:H([12])|Q([1-4])|(\\d{2})(?:-(\\d{2}))?))?";

    private static final Pattern FORM = Pattern.compile(FORMS);

    public PartialDate {
        Objects.requireNonNull(period, "period");
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = switch (period) {
            case YEAR -> 1;
            case HALF -> 2;
            case QUARTER -> 4;
            case MONTH -> 12;
            case DAY -> LocalDate.of(year, 12, 31).getDayOfYear();
        };
        if (index < 1 || index > max) {
            throw new IllegalArgumentException(period + " index out of range: " + index);
        }
    }

    /** What a text in none of the five forms is told (a longer one too, whose length is checked first). */
    public static final String NOT_A_PARTIAL_DATE =
            "must be a partial date: YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD";

    /**
     * Parses one of the five forms.
     *
     * @throws IllegalArgumentException if {@code text} is none of them or names no real day; the year 0 is told
     *         the calendar's first day ({@link CalendarDates#FIRST}), which a caller requires of a later year
     */
    public static PartialDate parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(NOT_A_PARTIAL_DATE);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1) {
            throw new IllegalArgumentException("must not start before " + CalendarDates.FIRST);
        }
        try {
            if (m.group(2) != null) {
                return new PartialDate(year, Period.HALF, Integer.parseInt(m.group(2)));
            }
            if (m.group(3) != null) {
                return new PartialDate(year, Period.QUARTER, Integer.parseInt(m.group(3)));
            }
            if (m.group(5) != null) {
                return ofDay(LocalDate.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
            }
            if (m.group(4) != null) {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(4)));
                return new PartialDate(year, Period.MONTH, month.getMonthValue());
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("names no calendar day or month: " + text);
        }
        return new PartialDate(year, Period.YEAR, 1);
    }

    public static PartialDate ofDay(LocalDate day) {
        return new PartialDate(day.getYear(), Period.DAY, day.getDayOfYear());
    }

    /** The first day of the period. */
    public LocalDate start() {
        return switch (period) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case HALF -> LocalDate.of(year, index == 1 ? 1 : 7, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, index, 1);
            case DAY -> LocalDate.ofYearDay(year, index);
        };
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return switch (period) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case HALF -> index == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            case QUARTER -> YearMonth.of(year, index * 3).atEndOfMonth();
            case MONTH -> YearMonth.of(year, index).atEndOfMonth();
            case DAY -> start();
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(10);
        padded(text, year, 4);
        return switch (period) {
            case YEAR -> text.toString();
            case HALF -> text.append("-H").append(index).toString();
            case QUARTER -> text.append("-Q").append(index).toString();
            case MONTH -> padded(text.append('-'), index, 2).toString();
            case DAY -> start().toString();
        };
    }

    /** Appends {@code value} with leading zeros to {@code digits} digits (String.format costs a parse of its pattern). */
    private static StringBuilder padded(StringBuilder text, int value, int digits) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number);
    }
}
