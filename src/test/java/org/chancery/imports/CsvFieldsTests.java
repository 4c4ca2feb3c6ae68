package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;

import org.chancery.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFieldsTests {

    private static final List<String> HEADER = List.of("ccode1", "ccode2", "year");

    @Test
    void anIntegerIsDecimalAsciiDigitsWithAMinusSignAtMostAndSpacesAroundIt() {
        assertThat(CsvFields.integer("2")).isEqualTo(2);
        assertThat(CsvFields.integer(" -12 ")).isEqualTo(-12);
        assertThat(CsvFields.integer("999999999")).isEqualTo(999_999_999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "+2", "٢", "1.0", "1e3", "--1", "0x10", "1234567890", "2 000"})
    void anythingElseIsNotAnInteger(String field) {
        assertThatThrownBy(() -> CsvFields.integer(field)).isInstanceOf(NumberFormatException.class)
                .hasMessage("not a decimal integer: '" + field + "'");
    }

    @Test
    void aFieldOfMoreDigitsThanAnIntegerReadsIsBeyondNineDigitsAndAnythingElseIsNot() {
        assertThat(CsvFields.beyondNineDigits("1234567890")).isTrue();
        assertThat(CsvFields.beyondNineDigits(" -99999999999 ")).isTrue();
        assertThat(CsvFields.beyondNineDigits("+1234567890")).isFalse();
        assertThat(CsvFields.beyondNineDigits("12345678901x")).isFalse();
        assertThat(CsvFields.beyondNineDigits("")).isFalse();
    }

    @Test
    void aHeaderWithTheExpectedNamesPassesWithSpacesAroundThem() {
        CsvFields.checkHeader("cow", HEADER, List.of(" ccode1", "ccode2 ", "year"));
    }

    @Test
    void aHeaderSaysWhichColumnDiffersFirst() {
        assertThat(headerMistake(List.of("ccode1", "ccode3", "yr")))
                .isEqualTo("is not cow: its header must be ccode1,ccode2,year; its column 2 is 'ccode3', not 'ccode2'"
                        + " (the names are read as written, in this order)");
        assertThat(headerMistake(List.of("Ccode1", "ccode2", "year"))).contains("its column 1 is 'Ccode1'");
        assertThat(headerMistake(Arrays.asList("ccode1", null, "year")))
                .as("a missing field is an empty one").contains("its column 2 is '', not 'ccode2'");
    }

    @Test
    void aHeaderOfAnotherLengthSaysHowManyColumnsItHas() {
        assertThat(headerMistake(List.of("ccode1", "ccode2"))).endsWith("it has 2 columns, not 3");
        assertThat(headerMistake(List.of("ccode1", "ccode2", "year", "extra")))
                .endsWith("it has 4 columns, not 3");
        assertThat(headerMistake(List.of("ccode1"))).endsWith("it has 1 columns, not 3");
    }

    @Test
    void aHeaderOfOneFieldWithSemicolonsAsksWhetherTheColumnsAreSeparatedBySemicolons() {
        assertThat(headerMistake(List.of("ccode1;ccode2;year")))
                .endsWith("it is one field: are its columns separated by semicolons? This format's are by commas");
    }

    @Test
    void aHeaderFieldIsShownCutAfterSixtyCharactersWithControlCharactersAsQuestionMarks() {
        String shown = headerMistake(List.of("x".repeat(70), "ccode2", "year"));
        assertThat(shown).contains("its column 1 is '" + "x".repeat(60) + "…', not 'ccode1'");

        assertThat(headerMistake(List.of("cc\u0007ode1", "ccode2", "year")))
                .contains("its column 1 is 'cc?ode1'");
        assertThat(headerMistake(List.of("x".repeat(60), "ccode2", "year")))
                .as("sixty characters are shown whole").contains("'" + "x".repeat(60) + "', not");
    }

    @Test
    void aFieldOfTwoHundredCharactersIsReadAndOneOfMoreIsRefusedNamingItsColumn() {
        CsvFields.check(HEADER, List.of("2", "x".repeat(CsvFields.MAX_LENGTH), "1900"));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CsvFields.check(HEADER, List.of("2", "x".repeat(CsvFields.MAX_LENGTH + 1), "1900")));
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("ccode2");
            assertThat(error.message())
                    .isEqualTo("has 201 characters, more than the 200 a field of this file may have");
        });
    }

    @Test
    void aFieldHoldingTheNulCharacterIsRefusedNamingItsColumn() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CsvFields.check(HEADER, List.of("2", "20", "19\u000000")));

        assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("year"));
    }

    @Test
    void missingFieldsAndFieldsBeyondTheHeaderAreLeftToTheFormat() {
        CsvFields.check(HEADER, Arrays.asList("2", null, "1900", "y".repeat(500)));
        CsvFields.check(HEADER, List.of("2"));
    }

    /** The mistake said of a header refused, on the field {@code body}. */
    private static String headerMistake(List<String> fields) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CsvFields.checkHeader("cow", HEADER, fields));
        assertThat(e).as("the header %s is refused", fields).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("body"));
        return e.errors().get(0).message();
    }
}
