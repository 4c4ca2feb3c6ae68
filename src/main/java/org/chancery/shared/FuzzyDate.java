package org.chancery.shared;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date known to a {@link DatePrecision}; {@link #date()} is the first day of the period.
 */
public record FuzzyDate(LocalDate date, DatePrecision precision) {

    public FuzzyDate {
        Objects.requireNonNull(date, "date");
        precision = DatePrecision.orDefault(precision);
        date = precision.normalize(date);
    }

    public static FuzzyDate of(LocalDate date, DatePrecision precision) {
        return new FuzzyDate(date, precision);
    }

    /** The last day of the period: the day itself, the last of its month or of its year. */
    public LocalDate lastDay() {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
            case YEAR -> date.withDayOfYear(date.lengthOfYear());
        };
    }

    /**
     * The optional date (an end, an opening) known to {@code precision}; null without a date.
     *
     * @throws InvalidInputException on {@code precisionField} if a precision is given without its date
     */
    public static FuzzyDate ofOptional(LocalDate date, DatePrecision precision, String precisionField) {
        if (date == null) {
            if (precision != null) {
                throw new InvalidInputException(precisionField, "is given without the date it qualifies");
            }
            return null;
        }
        return of(date, precision);
    }
}
