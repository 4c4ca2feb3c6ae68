package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.chancery.shared.PartialDate.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PartialDate}: the five forms of API.md, examples first, then properties checked over
 * every year and month of the calendar and many random days (fixed seed, so a failure repeats).
 */
class PartialDateTests {

    private static final long SEED = 20240214L;
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    @Nested
    class Examples {

        @ParameterizedTest(name = "{0} covers {1} to {2}")
        @CsvSource({
                "2024,       2024-01-01, 2024-12-31",
                "2024-H1,    2024-01-01, 2024-06-30",
                "2024-H2,    2024-07-01, 2024-12-31",
                "2024-Q1,    2024-01-01, 2024-03-31",
                "2024-Q2,    2024-04-01, 2024-06-30",
                "2024-Q3,    2024-07-01, 2024-09-30",
                "2024-Q4,    2024-10-01, 2024-12-31",
                "2024-07,    2024-07-01, 2024-07-31",
                "2024-02,    2024-02-01, 2024-02-29",
                "2023-02,    2023-02-01, 2023-02-28",
                "1900-02,    1900-02-01, 1900-02-28",
                "2000-02,    2000-02-01, 2000-02-29",
                "2024-07-15, 2024-07-15, 2024-07-15",
                "2024-02-29, 2024-02-29, 2024-02-29",
                "0001,       0001-01-01, 0001-12-31",
                "9999-12-31, 9999-12-31, 9999-12-31"})
        void coversThePeriodItNames(String text, LocalDate start, LocalDate end) {
            PartialDate date = PartialDate.parse(text);

            assertThat(date.start()).isEqualTo(start);
            assertThat(date.end()).isEqualTo(end);
            assertThat(date).hasToString(text);
        }

        @Test
        void knowsItsPeriodAndIndex() {
            assertThat(PartialDate.parse("2024")).isEqualTo(new PartialDate(2024, Period.YEAR, 1));
            assertThat(PartialDate.parse("2024-H2")).isEqualTo(new PartialDate(2024, Period.HALF, 2));
            assertThat(PartialDate.parse("2024-Q3")).isEqualTo(new PartialDate(2024, Period.QUARTER, 3));
            assertThat(PartialDate.parse("2024-07")).isEqualTo(new PartialDate(2024, Period.MONTH, 7));
            assertThat(PartialDate.parse("2024-02-01")).isEqualTo(new PartialDate(2024, Period.DAY, 32));
            assertThat(PartialDate.ofDay(LocalDate.of(2024, 7, 15))).isEqualTo(PartialDate.parse("2024-07-15"));
        }

        @Test
        void writesAsciiDigitsWhateverTheDefaultLocale() {
            Locale before = Locale.getDefault(Locale.Category.FORMAT);
            try {
                for (String tag : List.of("ar-EG", "fa-IR", "hi-IN-u-nu-deva", "th-TH-u-nu-thai")) {
                    Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(tag));
                    assertThat(PartialDate.parse("2024-07")).as(tag).hasToString("2024-07");
                    assertThat(PartialDate.parse("0987")).as(tag).hasToString("0987");
                    assertThat(PartialDate.parse("2024-Q3")).as(tag).hasToString("2024-Q3");
                }
            } finally {
                Locale.setDefault(Locale.Category.FORMAT, before);
            }
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest(name = "refuses \"{0}\"")
        @ValueSource(strings = {
                "2024-H3", "2024-H0", "2024-Q5", "2024-Q0", "2024-13", "2024-00", "2024-02-30", "2023-02-29",
                "1900-02-29", "2024-04-31", "2024-07-00", "2024-07-32", "24", "202", "20245", "2024-7",
                "2024-07-1", "2024-7-15", "", " ", " 2024", "2024 ", "2024\n", "2024-W01", "2024-W01-1",
                "2024-h1", "2024-q3", "2024-S1", "0000", "0000-01", "0000-H1", "-2024", "+2024", "10000",
                "2024-", "2024--07", "2024-07-", "2024/07", "2024.07", "07-2024", "2024-07-15T00:00",
                "2024-07-15Z", "2024-196", "2024-H1-01", "2024-Q1-01", "２０２４", "٢٠٢٤", "2024-０７",
                "twenty24", "2024-July"})
        void refusesWhatIsNoneOfTheFiveForms(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> PartialDate.parse(text));
        }

        @ParameterizedTest
        @NullSource
        void refusesNull(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> PartialDate.parse(text));
        }

        @Test
        void refusesEveryMonthOutsideOneToTwelve() {
            for (int month = 0; month <= 99; month++) {
                String text = String.format(Locale.ROOT, "2024-%02d", month);
                if (month >= 1 && month <= 12) {
                    assertThat(PartialDate.parse(text).start().getMonthValue()).isEqualTo(month);
                } else {
                    assertThatIllegalArgumentException().as(text).isThrownBy(() -> PartialDate.parse(text));
                }
            }
        }

        @Test
        void refusesEveryDayThatIsNotOnTheCalendar() {
            for (int year : new int[] {1900, 2000, 2023, 2024}) {
                for (int month = 1; month <= 12; month++) {
                    int length = YearMonth.of(year, month).lengthOfMonth();
                    for (int day = 0; day <= 99; day++) {
                        String text = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
                        if (day >= 1 && day <= length) {
                            assertThat(PartialDate.parse(text).start()).isEqualTo(LocalDate.of(year, month, day));
                        } else {
                            assertThatIllegalArgumentException().as(text).isThrownBy(() -> PartialDate.parse(text));
                        }
                    }
                }
            }
        }

        @Test
        void refusesValuesOutsideTheCalendarWhenConstructed() {
            assertThatIllegalArgumentException().isThrownBy(() -> new PartialDate(0, Period.YEAR, 1));
            assertThatIllegalArgumentException().isThrownBy(() -> new PartialDate(10000, Period.YEAR, 1));
            assertThatIllegalArgumentException().isThrownBy(() -> new PartialDate(2024, Period.YEAR, 2));
            assertThatIllegalArgumentException().isThrownBy(() -> new PartialDate(2024, Period.HALF, 3));
            assertThatIllegalArgumentException().isThrownBy(() -> new PartialDate(2024, Period.QUARTER, 0));
            assertThatIllegalArgumentException().isThrownBy(() -> new PartialDate(2024, Period.MONTH, 13));
            assertThatIllegalArgumentException().isThrownBy(() -> new PartialDate(2023, Period.DAY, 366));
            assertThat(new PartialDate(2024, Period.DAY, 366).start()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThatNullPointerException().isThrownBy(() -> new PartialDate(2024, null, 1));
        }

        @Test
        void refusesValidTextWithAnyCharacterAddedBeforeOrAfterIt() {
            Random random = new Random(SEED);
            String noise = " -0123456789HQW/T:+.xZ\t";
            for (PartialDate date : sampleOfEveryPeriod(random, 2_000)) {
                String text = date.toString();
                char c = noise.charAt(random.nextInt(noise.length()));
                for (String changed : List.of(c + text, text + c)) {
                    assertThatIllegalArgumentException().as(changed).isThrownBy(() -> PartialDate.parse(changed));
                }
            }
        }
    }

    @Nested
    class Properties {

        @Test
        void everyYearHalfQuarterAndMonthRoundTripsAndCoversItsDays() {
            for (int year = 1; year <= 9999; year++) {
                for (PartialDate date : periodsOf(year)) {
                    assertRoundTrips(date);
                    assertThat(date.start()).as("%s start", date).isBeforeOrEqualTo(date.end());
                    assertThat(date.start().getYear()).as("%s start year", date).isEqualTo(year);
                    assertThat(date.end().getYear()).as("%s end year", date).isEqualTo(year);
                    assertThat(length(date)).as("%s length", date).isEqualTo(expectedLength(date));
                }
            }
        }

        @Test
        void consecutivePeriodsAdjoinWithoutGapOrOverlap() {
            for (int year = 1; year <= 9999; year++) {
                for (Period period : List.of(Period.HALF, Period.QUARTER, Period.MONTH)) {
                    List<PartialDate> periods = periodsOf(year).stream().filter(p -> p.period() == period).toList();
                    assertThat(periods.get(0).start()).isEqualTo(LocalDate.of(year, 1, 1));
                    for (int i = 1; i < periods.size(); i++) {
                        assertThat(periods.get(i).start()).as("%s after %s", periods.get(i), periods.get(i - 1))
                                .isEqualTo(periods.get(i - 1).end().plusDays(1));
                    }
                    assertThat(periods.get(periods.size() - 1).end()).isEqualTo(LocalDate.of(year, 12, 31));
                }
                if (year < 9999) {
                    PartialDate next = new PartialDate(year + 1, Period.YEAR, 1);
                    assertThat(next.start()).isEqualTo(new PartialDate(year, Period.YEAR, 1).end().plusDays(1));
                }
            }
        }

        @Test
        void eachPeriodContainsExactlyTheDaysThatFallInIt() {
            Random random = new Random(SEED);
            List<Integer> years = new ArrayList<>(List.of(1, 4, 100, 1582, 1900, 1959, 2000, 2023, 2024, 9999));
            random.ints(200, 1, 10_000).forEach(years::add);
            for (int year : years) {
                for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                    for (PartialDate period : periodsOf(year)) {
                        boolean inside = !day.isBefore(period.start()) && !day.isAfter(period.end());
                        if (inside != fallsIn(day, period)) {
                            fail("%s %s %s", period, inside ? "contains" : "misses", day);
                        }
                    }
                    PartialDate single = PartialDate.ofDay(day);
                    assertThat(single.start()).isEqualTo(day);
                    assertThat(single.end()).isEqualTo(day);
                }
            }
        }

        @Test
        void randomDaysRoundTripAndAreTheirOwnPeriod() {
            Random random = new Random(SEED);
            long days = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
            for (int i = 0; i < 100_000; i++) {
                LocalDate day = FIRST_DAY.plusDays(random.nextLong(days));
                PartialDate date = PartialDate.ofDay(day);

                assertRoundTrips(date);
                assertThat(date.toString()).isEqualTo(day.toString());
                assertThat(date.start()).isEqualTo(day);
                assertThat(date.end()).isEqualTo(day);
                assertThat(new PartialDate(day.getYear(), Period.DAY, day.getDayOfYear())).isEqualTo(date);
                assertThat(PartialDate.ofDay(day.plusDays(1)).start()).isEqualTo(date.end().plusDays(1));
            }
        }

        @Test
        void textOfEveryFormRoundTripsCharacterForCharacter() {
            Random random = new Random(SEED);
            for (PartialDate date : sampleOfEveryPeriod(random, 20_000)) {
                String text = date.toString();
                assertThat(text).matches("\\d{4}(-(H[12]|Q[1-4]|\\d{2}(-\\d{2})?))?");
                assertThat(PartialDate.parse(text).toString()).isEqualTo(text);
            }
        }

        private static void assertRoundTrips(PartialDate date) {
            assertThat(PartialDate.parse(date.toString())).as("parse(\"%s\")", date).isEqualTo(date);
        }

        private static long length(PartialDate date) {
            return ChronoUnit.DAYS.between(date.start(), date.end()) + 1;
        }

        private static long expectedLength(PartialDate date) {
            int year = date.year();
            boolean leap = Year.isLeap(year);
            return switch (date.period()) {
                case YEAR -> leap ? 366 : 365;
                case HALF -> date.index() == 1 ? (leap ? 182 : 181) : 184;
                case QUARTER -> switch (date.index()) {
                    case 1 -> leap ? 91 : 90;
                    case 2 -> 91;
                    default -> 92;
                };
                case MONTH -> Month.of(date.index()).length(leap);
                case DAY -> 1;
            };
        }

        /** Whether {@code day} falls in {@code period}, worked out from the day's fields alone. */
        private static boolean fallsIn(LocalDate day, PartialDate period) {
            if (day.getYear() != period.year()) {
                return false;
            }
            int month = day.getMonthValue();
            return switch (period.period()) {
                case YEAR -> true;
                case HALF -> (month <= 6 ? 1 : 2) == period.index();
                case QUARTER -> (month - 1) / 3 + 1 == period.index();
                case MONTH -> month == period.index();
                case DAY -> day.getDayOfYear() == period.index();
            };
        }
    }

    /** The year, its halves, quarters and months, in order. */
    private static List<PartialDate> periodsOf(int year) {
        List<PartialDate> periods = new ArrayList<>();
        periods.add(new PartialDate(year, Period.YEAR, 1));
        for (int half = 1; half <= 2; half++) {
            periods.add(new PartialDate(year, Period.HALF, half));
        }
        for (int quarter = 1; quarter <= 4; quarter++) {
            periods.add(new PartialDate(year, Period.QUARTER, quarter));
        }
        for (int month = 1; month <= 12; month++) {
            periods.add(new PartialDate(year, Period.MONTH, month));
        }
        return periods;
    }

    /** Random partial dates of every period kind, days included. */
    private static List<PartialDate> sampleOfEveryPeriod(Random random, int count) {
        long days = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
        return Stream.generate(() -> {
            int year = 1 + random.nextInt(9999);
            return switch (Period.values()[random.nextInt(Period.values().length)]) {
                case YEAR -> new PartialDate(year, Period.YEAR, 1);
                case HALF -> new PartialDate(year, Period.HALF, 1 + random.nextInt(2));
                case QUARTER -> new PartialDate(year, Period.QUARTER, 1 + random.nextInt(4));
                case MONTH -> new PartialDate(year, Period.MONTH, 1 + random.nextInt(12));
                case DAY -> PartialDate.ofDay(FIRST_DAY.plusDays(random.nextLong(days)));
            };
        }).limit(count).toList();
    }
}
