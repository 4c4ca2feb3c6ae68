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
        assertThat(JsonMistakes.ofText(mistakeIn("{\"kind\": ")))
                .startsWith("is not JSON at column 10: Unexpected end-of-input");
        assertThat(JsonMistakes.ofText(mistakeIn("not json"))).startsWith("is not JSON at column 1: Unrecognized token 'not'");
    }

    @Test
    void aReasonThatSpeaksOfTheParsersInsidesIsLeftOut() {
        String deep = "[".repeat(1_500) + "]".repeat(1_500);

        assertThat(JsonMistakes.ofText(mistakeIn(deep))).matches("is not JSON( at column \\d+)?");
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
