package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
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

    private static JacksonException mistakeIn(String text) {
        return catchThrowableOfType(JacksonException.class, () -> JSON.readTree(text));
    }
}
