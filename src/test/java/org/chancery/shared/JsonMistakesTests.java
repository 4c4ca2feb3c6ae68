package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

class JsonMistakesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Dated(LocalDate date, int count) {
    }

    @Test
    void textAfterTheValueIsNamedWithoutJacksonsFeatureOrClassNames() {
        String said = JsonMistakes.ofText(mistakeIn("{\"kind\": \"country\"} \" or \"\"=\""));

        assertThat(said).isEqualTo("has more text after the JSON value at column 21");
    }

    @Test
    void brokenTextSaysWhereAndWhyInTheParsersPlainWords() {
        assertThat(JsonMistakes.ofText(mistakeIn("not json"))).startsWith("is not JSON at column 1: Unrecognized token 'not'");
        assertThat(JsonMistakes.ofText(mistakeIn("{\"a\": 1,}")))
                .isEqualTo("is not JSON at column 9: Unexpected character ('}' (code 125)): was expecting "
                        + "double-quote to start property name");
    }

    @Test
    void theCommonestMistakesThatTheParserExplainsByItsInsidesAreSaidInTheClientsWords() {
        assertThat(JsonMistakes.ofText(mistakeIn("{\"kind\": ")))
                .isEqualTo("is not JSON at column 10: the text ends before the JSON value does (an object or array "
                        + "left open)");
        assertThat(JsonMistakes.ofText(mistakeIn("[".repeat(1_500) + "]".repeat(1_500))))
                .matches("is not JSON( at column \\d+)?: nested deeper than 500 levels");
        assertThat(JsonMistakes.ofText(mistakeIn("{\"level\": NaN}")))
                .isEqualTo("is not JSON at column 14: NaN is not a JSON value (JSON has no NaN or Infinity)");
        assertThat(JsonMistakes.ofText(mistakeIn("// a comment")))
                .isEqualTo("is not JSON at column 1: JSON has no comments");
        assertThat(JsonMistakes.ofText(mistakeIn("{\"a\": comment}")))
                .as("a word of the text is not a comment").contains("Unrecognized token 'comment'");
    }

    @Test
    void aTextNestedTooDeepIsSaidSoWhateverTheDigitsOfTheHostsLocale() {
        // Jackson formats its reason's numbers in the host's locale: in Arabic-Indic digits on an Egyptian host
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
        try {
            assertThat(JsonMistakes.ofText(mistakeIn("[".repeat(1_500) + "]".repeat(1_500))))
                    .matches("is not JSON( at column \\d+)?: nested deeper than 500 levels");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void aReasonThatSpeaksOfTheParsersInsidesIsLeftOut() {
        String longNumber = "1".repeat(1_001);

        assertThat(JsonMistakes.ofText(mistakeIn("{\"a\": " + longNumber + "}")))
                .doesNotContain("Constraints", "`", "Feature").endsWith(": a value too long or too large");
    }

    @Test
    void aRequestBodySaysOnWhichLineItsMistakeIsAndWhetherItIsNoJsonOrTooMuchOfIt() {
        assertThat(JsonMistakes.ofBody(mistakeIn("{\"a\": 1,\n  \"b\": NaN}")))
                .isEqualTo("is not JSON at line 2, column 11: NaN is not a JSON value (JSON has no NaN or Infinity)");
        assertThat(JsonMistakes.ofBody(mistakeIn("[".repeat(1_500) + "]".repeat(1_500))))
                .matches("is beyond what is read( at column \\d+)?: nested deeper than 500 levels");
        assertThat(JsonMistakes.ofBody(mistakeIn("{\"a\": 1,\n}")))
                .as("the first column of a later line").startsWith("is not JSON at line 2, column 1: ");
        assertThat(JsonMistakes.ofBody(mistakeIn("{\"a\": 1} {}")))
                .isEqualTo("has more text after the JSON value at column 10");
        DatabindException shape = catchThrowableOfType(DatabindException.class,
                () -> JSON.readValue("{\"count\": [1]}", Dated.class));
        assertThat(JsonMistakes.ofBody(shape)).as("a field's mistake, said at the field").isNull();
    }

    @Test
    void aValueOfTheWrongFormNamesTheFieldAndTheExpectedForm() {
        DatabindException e = catchThrowableOfType(DatabindException.class,
                () -> JSON.readValue("{\"date\": \"30.11.2026\", \"count\": 1}", Dated.class));

        assertThat(JsonMistakes.fieldPath(e.getPath())).isEqualTo("date");
        assertThat(JsonMistakes.ofMapping(e)).contains("expected a date YYYY-MM-DD").doesNotContain("java.");
        DatabindException count = catchThrowableOfType(DatabindException.class,
                () -> JSON.readValue("{\"count\": [1]}", Dated.class));
        assertThat(JsonMistakes.ofMapping(count)).isEqualTo("has the wrong type; expected an integer");
    }

    enum Level { LOW, HIGH }

    record Levelled(Level level, Boolean on, List<String> names) {
    }

    record Named(String name) {
    }

    record Batch(List<Dated> dated) {
    }

    record Counted(Long id) {
    }

    record Positive(int count) {
        Positive {
            if (count < 1) {
                throw new IllegalArgumentException("must be at least 1");
            }
        }
    }

    @Test
    void aNameGivenTwiceIsSaidWithThePathToIt() {
        JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

        assertThat(JsonMistakes.nameGivenTwice(catchThrowableOfType(JacksonException.class,
                () -> strict.readTree("{\"events\": [{\"date\": 1}, {\"date\": 2, \"date\": 3}]}"))))
                .isEqualTo("events[1].date");
        assertThat(JsonMistakes.nameGivenTwice(catchThrowableOfType(JacksonException.class,
                () -> strict.readTree("{\"a\": {\"b\": 1}, \"a\": 2}")))).isEqualTo("a");
        assertThat(JsonMistakes.nameGivenTwice(mistakeIn("{\"a\": 1,}"))).as("another mistake").isNull();
    }

    @Test
    void aNumberBeyondItsFieldsRangeSaysTheRange() {
        JacksonException tooLarge = catchThrowableOfType(JacksonException.class,
                () -> JSON.readValue("{\"count\": 99999999999}", Dated.class));
        assertThat(JsonMistakes.ofValue(tooLarge))
                .isEqualTo("is out of range; expected an integer from -2147483648 to 2147483647");
        JacksonException twentyDigits = catchThrowableOfType(JacksonException.class,
                () -> JSON.readValue("{\"id\": 99999999999999999999}", Counted.class));
        assertThat(JsonMistakes.ofValue(twentyDigits))
                .isEqualTo("is out of range; expected an integer from -9223372036854775808 to 9223372036854775807");
        assertThat(JsonMistakes.ofValue(mistakeIn("{\"a\": 1,}"))).isEqualTo("is invalid");
    }

    @Test
    void aValueOfAnotherTypeSaysWhatItsFieldExpects() {
        assertThat(mappingMistake("{\"level\": \"MEDIUM\"}", Levelled.class))
                .isEqualTo("invalid value 'MEDIUM'; expected one of LOW, HIGH");
        assertThat(mappingMistake("{\"on\": [true]}", Levelled.class))
                .isEqualTo("has the wrong type; expected true or false");
        assertThat(mappingMistake("{\"name\": {\"a\": 1}}", Named.class))
                .isEqualTo("has the wrong type; expected a string");
        assertThat(JsonMistakes.ofValue(catchThrowableOfType(DatabindException.class,
                () -> JSON.readValue("{\"level\": \"MEDIUM\"}", Levelled.class))))
                .as("a tree's value as a body's").isEqualTo("invalid value 'MEDIUM'; expected one of LOW, HIGH");
    }

    @Test
    void aValueItsRecordRefusesSaysTheRecordsReason() {
        assertThat(mappingMistake("{\"count\": 0}", Positive.class)).isEqualTo("must be at least 1");
    }

    @Test
    void aTextRefusedAsWrittenSaysWhyWithoutTheTextAgain() {
        assertThat(JsonMistakes.ofMapping(InvalidFormatException.from(null, StorableValues.NUL_REFUSED, "a\u0000b",
                LocalDate.class))).isEqualTo(StorableValues.NUL_REFUSED);
        assertThat(JsonMistakes.ofMapping(InvalidFormatException.from(null, JsonMistakes.AROUND_REFUSED, " LOW",
                Level.class))).isEqualTo(JsonMistakes.AROUND_REFUSED);
        assertThat(JsonMistakes.ofMapping(InvalidFormatException.from(null, "a lone surrogate", "\ud800",
                String.class))).isEqualTo("a lone surrogate");
        assertThat(JsonMistakes.ofMapping(InvalidFormatException.from(null, "not a day", "x", LocalDate.class)))
                .as("a text of the wrong form for a date").startsWith("invalid value 'x'; expected a date");
    }

    @Test
    void eachTypeSaysWhatItsValuesLookLike() {
        assertThat(JsonMistakes.expectedForm(Instant.class)).isEqualTo("; expected an ISO-8601 instant");
        assertThat(JsonMistakes.expectedForm(long.class)).isEqualTo("; expected an integer");
        assertThat(JsonMistakes.expectedForm(Integer.class)).isEqualTo("; expected an integer");
        assertThat(JsonMistakes.expectedForm(boolean.class)).isEqualTo("; expected true or false");
        assertThat(JsonMistakes.expectedForm(Set.class)).isEqualTo("; expected an array");
        assertThat(JsonMistakes.expectedForm(LocalDate.class)).isEqualTo("; " + CalendarDates.EXPECTED);
        assertThat(JsonMistakes.expectedForm(Map.class)).isEmpty();
        assertThat(JsonMistakes.expectedForm(null)).isEmpty();
    }

    @Test
    void aFieldPathJoinsNamesWithDotsAndIndexesInBrackets() {
        DatabindException e = catchThrowableOfType(DatabindException.class, () -> JSON.readValue(
                "{\"dated\": [{\"count\": 1}, {\"count\": \"one\"}]}", Batch.class));

        assertThat(JsonMistakes.fieldPath(e.getPath())).isEqualTo("dated[1].count");
        DatabindException first = catchThrowableOfType(DatabindException.class, () -> JSON.readValue(
                "{\"dated\": [{\"count\": \"one\"}]}", Batch.class));
        assertThat(JsonMistakes.fieldPath(first.getPath())).isEqualTo("dated[0].count");
        assertThat(JsonMistakes.fieldPath(List.of())).isEmpty();
    }

    private static String mappingMistake(String json, Class<?> type) {
        return JsonMistakes.ofMapping(catchThrowableOfType(DatabindException.class, () -> JSON.readValue(json, type)));
    }

    private static JacksonException mistakeIn(String text) {
        return catchThrowableOfType(JacksonException.class, () -> JSON.readTree(text));
    }
}
