package org.chancery.shared;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How precisely a dated fact is known. The stored date is the first day of the period, and that
 * is the date rules compare.
 */
@Schema(enumAsRef = true)
public enum DatePrecision {
    DAY, MONTH, YEAR;

    /** The first day of the period of this precision that contains {@code date}. */
    public LocalDate normalize(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    public static DatePrecision orDefault(DatePrecision precision) {
        return precision == null ? DAY : precision;
    }
}
