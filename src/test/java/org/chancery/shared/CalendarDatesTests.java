package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarDatesTests {

    @Test
    void aDayFromTheFirstFullGregorianYearToTheLastOfYear9999IsRead() {
        assertThat(CalendarDates.parse("1583-01-01")).isEqualTo(LocalDate.of(1583, 1, 1));
        assertThat(CalendarDates.parse("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(CalendarDates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aDayBeforeThe1583OrAfterTheLastOfYear9999IsRefused() {
        assertThatThrownBy(() -> CalendarDates.parse("1582-12-31")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a date YYYY-MM-DD from 1583-01-01 to 9999-12-31");
        assertThatThrownBy(() -> CalendarDates.requireInRange(LocalDate.of(10_000, 1, 1)))
                .hasMessage(CalendarDates.EXPECTED);
        assertThatThrownBy(() -> CalendarDates.requireInRange(LocalDate.of(1582, 12, 31)))
                .hasMessage(CalendarDates.EXPECTED);
        assertThat(CalendarDates.requireInRange(CalendarDates.FIRST)).isEqualTo(CalendarDates.FIRST);
        assertThat(CalendarDates.requireInRange(CalendarDates.LAST)).isEqualTo(CalendarDates.LAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-2-1", "2024-02-01T00:00", "+2024-02-01", "20240201", "02/01/2024", " 2024-02-01",
            "2024-02-01 ", "١٩٩٠-٠١-٠١"})
    void textOfAnotherFormIsRefused(String text) {
        assertThatThrownBy(() -> CalendarDates.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(CalendarDates.EXPECTED);
    }

    @Test
    void noTextIsRefusedAsNoDate() {
        assertThatThrownBy(() -> CalendarDates.parse(null)).hasMessage(CalendarDates.EXPECTED);
    }

    @Test
    void aDayThatNoMonthHasIsRefusedAsNoSuchDay() {
        assertThatThrownBy(() -> CalendarDates.parse("2023-02-29")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such day; " + CalendarDates.EXPECTED);
        assertThatThrownBy(() -> CalendarDates.parse("2024-13-01")).hasMessageStartingWith("no such day; ");
    }
}
