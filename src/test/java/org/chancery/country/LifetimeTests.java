package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;

import org.chancery.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class LifetimeTests {

    private static final Lifetime GDR = new Lifetime(LocalDate.of(1949, 10, 7), LocalDate.of(1990, 10, 2));

    @Test
    void existsFromItsFirstToItsLastDayInclusive() {
        assertThat(GDR.existsOn(LocalDate.of(1949, 10, 6))).isFalse();
        assertThat(GDR.existsOn(LocalDate.of(1949, 10, 7))).isTrue();
        assertThat(GDR.existsOn(LocalDate.of(1990, 10, 2))).isTrue();
        assertThat(GDR.existsOn(LocalDate.of(1990, 10, 3))).isFalse();
    }

    @Test
    void anUnknownBoundIsNoBound() {
        assertThat(Lifetime.UNBOUNDED.existsOn(LocalDate.of(1583, 1, 1))).isTrue();
        assertThat(new Lifetime(null, LocalDate.of(1990, 10, 2)).existsOn(LocalDate.of(1600, 1, 1))).isTrue();
        assertThat(new Lifetime(LocalDate.of(1949, 10, 7), null).existsOn(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(Lifetime.UNBOUNDED.unbounded()).isTrue();
        assertThat(GDR.unbounded()).isFalse();
    }

    @Test
    void r22LetsAClosingFallOnTheDayAfterTheLastDayButNotLater() {
        assertThat(GDR.mayEndOn(LocalDate.of(1990, 10, 3))).isTrue();
        assertThat(GDR.mayEndOn(LocalDate.of(1990, 10, 4))).isFalse();
        assertThat(Lifetime.UNBOUNDED.mayEndOn(LocalDate.of(9999, 12, 31))).isTrue();
    }

    @Test
    void givesItsBoundsForQueriesAndInWords() {
        assertThat(GDR.firstDay()).isEqualTo("1949-10-07");
        assertThat(GDR.lastEndDay()).isEqualTo("1990-10-03");
        assertThat(Lifetime.UNBOUNDED.firstDay()).isEqualTo("0001-01-01");
        assertThat(Lifetime.UNBOUNDED.lastDay()).isEqualTo("9999-12-31");
        assertThat(GDR.describe()).isEqualTo("from 1949-10-07 to 1990-10-02");
        assertThat(new Lifetime(null, LocalDate.of(1990, 10, 2)).describe()).isEqualTo("until 1990-10-02");
        assertThat(Lifetime.UNBOUNDED.describe()).isEqualTo("at all times");
        assertThat(GDR.ended()).isTrue();
        assertThat(new Lifetime(LocalDate.of(1949, 10, 7), null).ended()).as("a start alone: exists today").isFalse();
        assertThat(Lifetime.UNBOUNDED.ended()).isFalse();
    }

    @Test
    void refusesToEndBeforeItStartsAsInvalidInputNamingTheEnd() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> new Lifetime(LocalDate.of(1990, 10, 3), LocalDate.of(1990, 10, 2)))
                .satisfies(e -> assertThat(e.errors()).containsExactly(new InvalidInputException.FieldError("endedOn",
                        "must not be before startedOn (1990-10-03)")));
    }
}
