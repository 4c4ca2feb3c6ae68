package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A date known to a precision: the first day of its period, and its last. */
class FuzzyDateTests {

    @Test
    void spansTheDayTheMonthOrTheYearItIsKnownTo() {
        LocalDate day = LocalDate.parse("2024-02-14");

        assertThat(FuzzyDate.of(day, DatePrecision.DAY)).extracting(FuzzyDate::date, FuzzyDate::lastDay)
                .containsExactly(day, day);
        assertThat(FuzzyDate.of(day, DatePrecision.MONTH)).extracting(FuzzyDate::date, FuzzyDate::lastDay)
                .containsExactly(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29"));
        assertThat(FuzzyDate.of(LocalDate.parse("2023-02-14"), DatePrecision.MONTH).lastDay())
                .isEqualTo(LocalDate.parse("2023-02-28"));
        assertThat(FuzzyDate.of(day, DatePrecision.YEAR)).extracting(FuzzyDate::date, FuzzyDate::lastDay)
                .containsExactly(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"));
        assertThat(FuzzyDate.of(day, null).lastDay()).as("a day unless said otherwise").isEqualTo(day);
    }

    @Test
    void isAbsentWithoutADateAndRefusesAPrecisionGivenWithoutOneNamingItsField() {
        assertThat(FuzzyDate.ofOptional(null, null, "endedPrecision")).isNull();
        assertThat(FuzzyDate.ofOptional(LocalDate.parse("1990-10-02"), DatePrecision.YEAR, "endedPrecision"))
                .isEqualTo(FuzzyDate.of(LocalDate.parse("1990-01-01"), DatePrecision.YEAR));
        assertThatThrownBy(() -> FuzzyDate.ofOptional(null, DatePrecision.MONTH, "endedPrecision"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new InvalidInputException.FieldError("endedPrecision",
                                "is given without the date it qualifies")));
    }
}
