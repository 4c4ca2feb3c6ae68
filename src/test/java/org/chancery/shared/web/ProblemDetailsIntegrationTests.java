package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class ProblemDetailsIntegrationTests extends ApiIntegrationTest {

    private static void assertProblem(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.instance").exists())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("org.chancery"))))
                .andExpect(content().string(not(containsString("tools.jackson"))));
    }

    @Test
    void answersBodyThatIsNotJsonWithMalformedRequest() throws Exception {
        assertProblem(postAsEditor("/api/relations/CU/KR/events", "{\"type\": "), 400, "MALFORMED_REQUEST");
        assertProblem(postAsEditor("/api/relations/CU/KR/events", "not json at all"), 400, "MALFORMED_REQUEST");
        assertProblem(postAsEditor("/api/relations/CU/KR/events", "[1, 2]"), 400, "MALFORMED_REQUEST");
        assertProblem(mvc.perform(post("/api/relations/CU/KR/events").with(httpBasic("editor", "editor-secret"))
                .contentType(MediaType.APPLICATION_JSON)), 400, "MALFORMED_REQUEST");
    }

    @Test
    void refusesABodyThatIsNotWellFormedUtf8NamingTheByteAndRecordsNothing() throws Exception {
        // overlong forms of '/' and 'Z' (two and three bytes), a surrogate, beyond U+10FFFF, a lone continuation byte
        int[][] malformed = {{0xC0, 0xAF}, {0xC1, 0x9A}, {0xE0, 0x80, 0xAF}, {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80},
            {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0x80}, {0xC3, 'B'}};
        for (int[] bytes : malformed) {
            ResultActions refused = diplomatNamed(bytes, MediaType.APPLICATION_JSON);
            assertProblem(refused, 400, "MALFORMED_REQUEST");
            refused.andExpect(jsonPath("$.detail").value("The request body is not UTF-8 text: a malformed byte "
                    + "sequence at byte 12; send it in UTF-8."));
        }
        byte[] cut = "{\"name\": \"A\", \"country\": \"CU\"}\u00C3".getBytes(StandardCharsets.ISO_8859_1);
        ResultActions ended = mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret"))
                .contentType(MediaType.APPLICATION_JSON).content(cut));
        assertProblem(ended, 400, "MALFORMED_REQUEST");
        ended.andExpect(jsonPath("$.detail").value(containsString("it ends inside a character begun at byte 31")));
        getJson("/api/diplomats").andExpect(jsonPath("$.page.totalElements").value(0));

        // well-formed characters of two, three and four bytes are taken, with or without a charset of UTF-8
        diplomatNamed(new int[] {0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80},
                MediaType.APPLICATION_JSON).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("A\u00E9\u20AC\uD83D\uDE00B"));
        diplomatNamed(new int[] {0xC3, 0xA9}, MediaType.parseMediaType("application/json;charset=UTF-8"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("A\u00E9B"));
        // the first and last characters of three and four bytes, either side of the surrogates
        diplomatNamed(new int[] {0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80, 0xF0, 0x90, 0x80, 0x80},
                MediaType.APPLICATION_JSON).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("A\u0800\uD7FF\uE000\uD800\uDC00B"));
        // a label Jackson does not read by (it reads these bytes as UTF-8); a charset decoded as labelled
        for (String label : new String[] {"US-ASCII", "UTF-16", "utf-32le"}) {
            ResultActions labelled = diplomatNamed(new int[] {0xC0, 0xAF},
                    MediaType.parseMediaType("application/json;charset=" + label));
            assertProblem(labelled, 400, "MALFORMED_REQUEST");
        }
        diplomatNamed(new int[] {0xC0, 0xAF}, MediaType.parseMediaType("application/json;charset=ISO-8859-1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("A\u00C0\u00AFB"));
    }

    @Test
    void refusesATextThatLeavesADirectionOverrideOpenAndTakesOneThatClosesIt() throws Exception {
        // an override left open in a diplomat's name would reverse the names a meeting lists after it
        for (String name : List.of("Evil \\u202E Name", "A\\u2067\u0639B", "A\\u202CB", "A\\u2069",
                "\\u2068A\\u202C\\u2069", "\\u202E\\u2066A\\u202C\\u2069", "\\u202B\\u202BA\\u202C",
                // closed as written, open once the name is stripped of the direction characters at its ends
                "Evil \\u202Eeman\\u202C", "A \\u2067\u062F\\u2069")) {
            ResultActions refused = postAsEditor("/api/diplomats", "{\"name\": \"" + name + "\", \"country\": \"CU\"}");
            assertProblem(refused, 400, "VALIDATION_FAILED");
            refused.andExpect(jsonPath("$.errors[0].field").value("name"))
                    .andExpect(jsonPath("$.errors[0].message").value(StrictInputConfiguration.UNCLOSED_DIRECTION));
        }
        getJson("/api/diplomats").andExpect(jsonPath("$.page.totalElements").value(0));

        // closed, the last opened first, and direction marks, which open nothing, are taken
        for (String name : List.of("\\u202B\u0634\u0645\u0633\\u202C", "A \\u2067\u062F\\u202E\u0648\\u202C\\u2069 B",
                "Kim\\u200F (\\u200E\u05D3\\u061C)", "A \\u2067\\u202Bx\\u2069 B")) {
            postAsEditor("/api/diplomats", "{\"name\": \"" + name + "\", \"country\": \"CU\"}")
                    .andExpect(status().isCreated());
        }
        // in a list or a nested object as well
        ResultActions meeting = postAsEditor("/api/meetings", """
                {"date": "2014-02-13", "country": "CU", "participants": [{"diplomatId": 1}],
                 "outcomes": ["Agreed \\u202E"]}""");
        assertProblem(meeting, 400, "VALIDATION_FAILED");
        meeting.andExpect(jsonPath("$.errors[0].message").value(StrictInputConfiguration.UNCLOSED_DIRECTION));
    }

    @Test
    void saysWhereAndWhyABodyIsNotJson() throws Exception {
        Map<String, String> bodies = Map.of(
                "{\"name\": \"Ana\", \"country\": \"CU\"} {}", "has more text after the JSON value at column 34",
                "{\"name\": \"Ana\",\n /* a note */ \"country\": \"CU\"}",
                "is not JSON at line 2, column 2: JSON has no comments",
                "{\"name\": NaN, \"country\": \"CU\"}",
                "is not JSON at column 13: NaN is not a JSON value (JSON has no NaN or Infinity)",
                "{\"name\": \"Ana\", \"country\": \"CU\"",
                "is not JSON at column 32: the text ends before the JSON value does (an object or array left open)");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            ResultActions refused = postAsEditor("/api/diplomats", body.getKey());
            assertProblem(refused, 400, "MALFORMED_REQUEST");
            refused.andExpect(jsonPath("$.detail").value("The request body " + body.getValue() + "."));
        }
        assertProblem(postAsEditor("/api/diplomats", "[1, 2]"), 400, "MALFORMED_REQUEST");
        getJson("/api/diplomats").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void answersValidationMessagesInTheApisWordsWhateverLanguageTheClientAsksFor() throws Exception {
        for (String language : List.of("de", "tr", "fr-CA, fr;q=0.9", "ja")) {
            mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret"))
                            .header("Accept-Language", language)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \" \", \"country\": \"KR\", \"title\": \"" + "x".repeat(301) + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("must not be blank"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("must be at most 300 "
                            + "characters long (an emoji, or another character beyond U+FFFF, counts as 2): "
                            + "this is 301"));
        }
    }

    @Test
    void refusesAUtf16OrUtf32BodyWhateverItsLettersAndWritesNothing() throws Exception {
        // Jackson reads such a body by its NULs: one of ASCII letters was taken, the same with an é refused
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32LE"))) {
            for (String name : List.of("Jean", "Jean été")) {
                for (String label : List.of("", ";charset=" + charset.name())) {
                    ResultActions refused = mvc.perform(post("/api/diplomats")
                            .with(httpBasic("editor", "editor-secret"))
                            .contentType("application/json" + label)
                            .content(("{\"name\": \"" + name + "\", \"country\": \"FR\"}").getBytes(charset)));
                    assertProblem(refused, 400, "MALFORMED_REQUEST");
                    refused.andExpect(jsonPath("$.detail").value(containsString("send it in UTF-8")));
                }
            }
        }
        getJson("/api/diplomats").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    /** Creates a diplomat named "A", the bytes given, "B" (the bytes from the body's twelfth). */
    private ResultActions diplomatNamed(int[] bytes, MediaType type) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\": \"A".getBytes(StandardCharsets.US_ASCII));
        for (int b : bytes) {
            body.write(b);
        }
        body.writeBytes("B\", \"country\": \"CU\"}".getBytes(StandardCharsets.US_ASCII));
        return mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret")).contentType(type)
                .content(body.toByteArray()));
    }

    @Test
    void answersARequestBreakingSeveralConstraintsWithItsErrorsInOneOrderEveryTime() throws Exception {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            answers.add(postAsEditor("/api/missions", "{\"city\": \"y\"}").andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString().replaceAll("\"requestId\":\"[0-9a-f]+\"", ""));
        }
        assertThat(answers).as("answers to the same request").hasSize(1);
        assertThat(answers.iterator().next()).contains("\"errors\":[{\"field\":\"receivingCountry\"",
                "The request is invalid: receivingCountry must not be blank; sendingCountry must not be blank; "
                        + "type is required.");
    }

    @Test
    void refusesAWriteWithAParameterItDoesNotTakeAndWritesNothingButLetsAReadIgnoreACacheBuster() throws Exception {
        mvc.perform(post("/api/relations/CU/KR/events?validateOnly=true").with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"ESTABLISHED\", \"date\": \"1949-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("validateOnly"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("takes none")));

        getJson("/api/relations/CU/KR?_=1700000000").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NONE")).andExpect(jsonPath("$.events").isEmpty());
    }

    @Test
    void refusesAReadWithAFilterItDoesNotHaveRatherThanAnsweringTheWholeList() throws Exception {
        getJson("/api/missions?city=Seoul").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("city"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a parameter of this request, which would "
                        + "otherwise answer as if it were not given; it takes _, country, format, openOn, page, "
                        + "receiving, sending, size, sort, status, type"));
        getJson("/api/missions?sendng=US&format=csv").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sendng"));
        getJson("/api/countries/CU?asOf=1950-01-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("it takes _, format")));
    }

    @Test
    void letsEveryReadTakeItsFormatACacheBusterAndThePagesParameters() throws Exception {
        getJson("/api/missions?sending=CU&_=1&format=json&page=0&size=5&sort=openedOn,desc")
                .andExpect(status().isOk());
        // a single resource answers no page: its page parameters are ignored, as they were
        getJson("/api/countries/CU?_=1&page=2&size=5&sort=name").andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("CU"));
    }

    @Test
    void answersFieldOfTheWrongTypeWithValidationFailedNamingIt() throws Exception {
        assertProblem(postAsEditor("/api/relations/CU/KR/events", "{\"type\": 5, \"date\": [1]}"), 400,
                "VALIDATION_FAILED");
        postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"yesterday\"}")
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("YYYY-MM-DD")));
    }

    @Test
    void answersANumberBeyondItsFieldsRangeWithValidationFailedNamingIt() throws Exception {
        String body = """
                {"date": "2024-03-01", "country": "CU",
                 "participants": [{"diplomatId": 1}, {"diplomatId": 92233720368547758070}]}""";
        assertProblem(postAsEditor("/api/meetings", body), 400, "VALIDATION_FAILED");
        postAsEditor("/api/meetings", body)
                .andExpect(jsonPath("$.errors[0].field").value("participants[1].diplomatId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("out of range")));
        getJson("/api/meetings").andExpect(jsonPath("$.content").isEmpty());
    }

    @Test
    void takesJsonValuesAsWrittenWithoutCoercion() throws Exception {
        String[][] cases = {
                {"{\"type\": \"ESTABLISHED\", \"date\": 19000}", "date"},
                {"{\"type\": \"ESTABLISHED\", \"date\": [2024, 3, 1]}", "date"},
                {"{\"type\": \"ESTABLISHED\", \"date\": \"2024-03-01T10:00:00Z\"}", "date"},
                {"{\"type\": 1, \"date\": \"2024-03-01\"}", "type"},
                {"{\"type\": \"ESTABLISHED\", \"date\": \"2024-03-01\", \"note\": 123}", "note"},
                {"{\"type\": \"ESTABLISHED\", \"date\": \"2024-03-01\", \"note\": true}", "note"},
                {"{\"type\": \" ESTABLISHED\", \"date\": \"2024-03-01\"}", "type"},
                {"{\"type\": \"ESTABLISHED\", \"date\": \"2024-03-01\", \"datePrecision\": \"YEAR \"}", "datePrecision"}};
        for (String[] c : cases) {
            assertProblem(postAsEditor("/api/relations/CU/KR/events", c[0]), 400, "VALIDATION_FAILED");
            postAsEditor("/api/relations/CU/KR/events", c[0]).andExpect(jsonPath("$.errors[0].field").value(c[1]));
        }
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.events").isEmpty());
    }

    @Test
    void refusesAnEmptyOrBlankStringForAnIdRatherThanReadingItAsLeftOut() throws Exception {
        for (String id : List.of("\"\"", "\"   \"")) {
            ResultActions refused = postAsEditor("/api/relations/CU/KR/milestones",
                    "{\"title\": \"Embassy in Seoul\", \"target\": \"2031\", \"missionId\": " + id + "}");
            assertProblem(refused, 400, "VALIDATION_FAILED");
            refused.andExpect(jsonPath("$.errors[0].field").value("missionId"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("expected an integer")));
        }
        assertThat(json(getJson("/api/milestones?country=CU")).get("content")).isEmpty();
    }

    @Test
    void saysThatAnEmptyContentTypeIsNoMediaType() throws Exception {
        ResultActions empty = mvc.perform(post("/api/relations/CU/KR/events").with(httpBasic("editor", "editor-secret"))
                .header("Content-Type", "").content("{\"type\": \"ESTABLISHED\", \"date\": \"2024-02-14\"}"));

        assertProblem(empty, 415, "UNSUPPORTED_MEDIA_TYPE");
        empty.andExpect(jsonPath("$.detail")
                .value(startsWith("The request's Content-Type is empty or not a media type")));
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.status").value("NONE"));
    }

    @Test
    void saysWhatAnEndpointTakesForABodyOfAnotherTypeAndThatAFormIsNotRead() throws Exception {
        ResultActions csv = mvc.perform(post("/api/relations/CU/KR/events").with(httpBasic("editor", "editor-secret"))
                .contentType("text/csv").content("type,date\nESTABLISHED,2024-02-14\n"));
        assertProblem(csv, 415, "UNSUPPORTED_MEDIA_TYPE");
        csv.andExpect(jsonPath("$.detail").value("Content-Type text/csv is not supported here; this endpoint takes "
                + "application/json."));
        ResultActions form = mvc.perform(post("/api/relations/CU/KR/events").with(httpBasic("editor", "editor-secret"))
                .contentType("multipart/form-data; boundary=b").content("--b--\r\n"));
        assertProblem(form, 415, "UNSUPPORTED_MEDIA_TYPE");
        form.andExpect(jsonPath("$.detail").value("Content-Type multipart/form-data is not supported here; this "
                + "endpoint takes application/json. A form's fields are not read: send the body itself (as curl "
                + "--data-binary @file does)."));
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.status").value("NONE"));
    }

    @Test
    void namesAMissingFieldAsRequiredInTheClientsWords() throws Exception {
        ResultActions missing = postAsEditor("/api/relations/CU/KR/events", "{\"date\": \"2024-02-14\"}");

        assertProblem(missing, 400, "VALIDATION_FAILED");
        missing.andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void refusesAPropertyNamedTwiceAndRecordsNothing() throws Exception {
        ResultActions twice = postAsEditor("/api/relations/CU/KR/events",
                "{\"type\": \"ESTABLISHED\", \"date\": \"1949-01-01\", \"date\": \"2024-02-14\"}");

        assertProblem(twice, 400, "MALFORMED_REQUEST");
        twice.andExpect(jsonPath("$.detail").value(containsString("'date'")));

        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.status").value("NONE"));
    }

    @Test
    void aPropertyNamedTwiceInsideAListIsNamedWithItsPathAsAFieldErrorIs() throws Exception {
        ResultActions twice = postAsEditor("/api/relations/CU/KR/events/batch", """
                {"events": [{"type": "ESTABLISHED", "date": "1949-01-01"},
                            {"type": "SEVERED", "date": "1950-01-01",
                             "sources": [{"url": "https://a.example/1", "url": "https://a.example/2"}]}]}""");

        assertProblem(twice, 400, "MALFORMED_REQUEST");
        twice.andExpect(jsonPath("$.detail").value(containsString("'events[1].sources[0].url'")))
                .andExpect(jsonPath("$.errors[0].field").value("events[1].sources[0].url"));
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.status").value("NONE"));
    }

    @Test
    void refusesDatesOutsideTheGregorianYears1583To9999() throws Exception {
        for (String date : new String[] {"-999999999-01-01", "0000-01-01", "1582-10-10", "+10000-01-01", "2024-02-30"}) {
            assertProblem(postAsEditor("/api/relations/CU/KR/events",
                    "{\"type\": \"ESTABLISHED\", \"date\": \"" + date + "\"}"), 400, "VALIDATION_FAILED");
        }
        assertProblem(getJson("/api/relations/CU/KR?asOf=0000-01-01"), 400, "MALFORMED_REQUEST");
        assertProblem(getJson("/api/missions?openOn=-999999999-01-01"), 400, "MALFORMED_REQUEST");
        postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1583-01-01\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void answersUrlsTheFirewallRefusesWithProblemDetails() throws Exception {
        assertProblem(mvc.perform(get("/api/countries/CU;jsessionid=1")), 400, "MALFORMED_REQUEST");
    }

    @Test
    void ignoresUnknownJsonFields() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\",\"mood\":\"good\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.mood").doesNotExist());
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.events.length()").value(1))
                .andExpect(jsonPath("$.events[0].type").value("ESTABLISHED"))
                .andExpect(jsonPath("$.events[0].date").value("2024-02-14"));
    }

    @Test
    void answersUnparseableParameterWithMalformedRequest() throws Exception {
        assertProblem(getJson("/api/relations/CU/KR?asOf=someday"), 400, "MALFORMED_REQUEST");
        assertProblem(getJson("/api/missions/abc"), 400, "MALFORMED_REQUEST");
        assertProblem(getJson("/api/countries?page=x"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void readsIdsAndNumbersAsDecimalsAsWrittenOnly() throws Exception {
        long mission = planMission("KR", "CU", "EMBASSY", "Havana");

        for (String written : List.of("0x" + Long.toHexString(mission), "#" + Long.toHexString(mission), "+" + mission,
                " " + mission, mission + " ", mission / 10 + " " + mission % 10)) {
            assertProblem(mvc.perform(get("/api/missions/{id}", written)), 400, "MALFORMED_REQUEST");
            if (!written.strip().equals(String.valueOf(mission))) { // a parameter's spaces around it are dropped
                assertProblem(mvc.perform(get("/api/changes").param("after", written)
                        .with(httpBasic("editor", "editor-secret"))), 400, "MALFORMED_REQUEST");
            }
        }
        getJson("/api/missions/{id}", String.valueOf(mission)).andExpect(status().isOk());
        getJson("/api/missions/{id}", "0" + mission).andExpect(status().isOk());
    }

    @Test
    void readsTrueAndFalseAsWrittenOnly() throws Exception {
        for (String written : List.of("yes", "on", "1", "no", "off", "0", "t")) {
            ResultActions refused = getJson("/api/countries?current={c}", written);
            assertProblem(refused, 400, "MALFORMED_REQUEST");
            refused.andExpect(jsonPath("$.detail").value(containsString("current")));
        }
        assertThat(json(getJson("/api/countries?current=TRUE&size=200")).get("content").findValuesAsString("code"))
                .doesNotContain("DD");
        assertThat(json(getJson("/api/countries?current=false&size=200")).get("content").findValuesAsString("code"))
                .contains("DD");
    }

    @Test
    void refusesPagesBeyondReachAndSizesBelowOne() throws Exception {
        ResultActions beyondReach = getJson("/api/countries?page=50000000&size=200");
        assertProblem(beyondReach, 400, "VALIDATION_FAILED");
        beyondReach.andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("is too large: a page starts at row page × size "
                        + "(counted as 100, a list's largest default, if none is given; 200 at most), which may be "
                        + "at most 2147483647"));
        // the size given counts, not a larger default
        getJson("/api/countries?page=200000000&size=1").andExpect(status().isOk());
        assertProblem(getJson("/api/countries?page=21474837"), 400, "VALIDATION_FAILED");
        assertProblem(getJson("/api/countries?size=0"), 400, "VALIDATION_FAILED");
        assertProblem(getJson("/api/countries?page=-1"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aReadThatAnswersNoPageIgnoresPagingParametersAsAnyItDoesNotTake() throws Exception {
        getJson("/api/countries/KR?size=0&page=x").andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("KR"));
        getJson("/api/relations/CU/KR?page=-1&size=1&size=2").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NONE"));
        getJson("/api/observations/summary?country=US&size=0").andExpect(status().isOk());
        // a write still refuses them, as any query parameter it does not take
        ResultActions write = postAsEditor("/api/relations/CU/KR/events?page=0",
                "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\"}");
        assertProblem(write, 400, "VALIDATION_FAILED");
        write.andExpect(jsonPath("$.errors[0].field").value("page"));
        assertThat(json(getJson("/api/relations/CU/KR")).get("events")).isEmpty();
    }

    @Test
    void refusesASortThatNamesNoFieldNamingTheParameter() throws Exception {
        for (String list : new String[] {"/api/countries?sort=asc", "/api/diplomats?sort=,desc", "/api/changes?sort=desc"}) {
            ResultActions answer = mvc.perform(get(list).with(httpBasic("editor", "editor-secret")));
            assertProblem(answer, 400, "VALIDATION_FAILED");
            answer.andExpect(jsonPath("$.errors[0].field").value("sort"));
        }
    }

    @Test
    void refusesANullSource() throws Exception {
        assertProblem(postAsEditor("/api/relations/CU/KR/events",
                "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\",\"sources\":[null]}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void acceptsFiftyLongSources() throws Exception {
        String source = "{\"url\":\"https://example.org/" + "a".repeat(1900) + "\",\"title\":\"" + "t".repeat(400) + "\"}";
        String sources = String.join(",", java.util.Collections.nCopies(50, source));
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\",\"sources\":["
                + sources + "]}").andExpect(status().isCreated());
    }

    @Test
    void answersUnknownPathWithNotFound() throws Exception {
        assertProblem(getJson("/api/embassies"), 404, "NOT_FOUND");
        assertProblem(getJson("/nothing/here"), 404, "NOT_FOUND");
        // no session to end: Spring Security's logout is not a path of Chancery's; a write to it answers as one to
        // any path no handler takes (anonymous: credentials needed first)
        assertProblem(mvc.perform(post("/logout").with(httpBasic("editor", "editor-secret"))), 404, "NOT_FOUND");
        assertProblem(mvc.perform(post("/logout")), 401, "UNAUTHORIZED");
        assertProblem(mvc.perform(post("/nothing/here")), 401, "UNAUTHORIZED");
    }

    @Test
    void answersWrongMethodWithMethodNotAllowed() throws Exception {
        assertProblem(mvc.perform(put("/api/relations/CU/KR").with(httpBasic("editor", "editor-secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 405, "METHOD_NOT_ALLOWED");
        mvc.perform(put("/api/relations/CU/KR").with(httpBasic("editor", "editor-secret")))
                .andExpect(header().exists("Allow"));
        // the same words on every start and database, whatever the order Spring registered the handlers in
        mvc.perform(put("/api/meetings/1").with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.detail").value("Method PUT is not allowed here; allowed: [DELETE, GET, HEAD, OPTIONS]."))
                .andExpect(header().string("Allow", "DELETE,GET,HEAD,OPTIONS"));
        // an editor is not told their role falls short for a method the path does not take at all
        mvc.perform(put("/api/countries").with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "GET,HEAD,OPTIONS,POST"));
        assertProblem(mvc.perform(put("/api/countries/FR/names").with(httpBasic("editor", "editor-secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 404, "NOT_FOUND");
        assertProblem(mvc.perform(put("/api/countries/FR").with(httpBasic("editor", "editor-secret"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 403, "FORBIDDEN");
        // the methods an OPTIONS request of the path lists
        String options = mvc.perform(options("/api/meetings/1")).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader("Allow");
        assertThat(options.split(",")).containsExactlyInAnyOrder("DELETE", "GET", "HEAD", "OPTIONS");
        // anonymous, also on the API paths whose reads need a role (the actuator's need ADMIN for every method)
        for (String path : List.of("/api/changes", "/api/imports", "/api/imports/1")) {
            mvc.perform(options(path)).andExpect(status().isOk()).andExpect(header().exists("Allow"));
        }
        // the admin UI's address answers as every other path
        for (String admin : List.of("/admin", "/admin/")) {
            mvc.perform(patch(admin).with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(header().string("Allow", "GET,HEAD,OPTIONS"))
                    .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"))
                    .andExpect(jsonPath("$.detail").value("Method PATCH is not allowed here; allowed: [GET, HEAD, OPTIONS]."));
            mvc.perform(get(admin)).andExpect(status().isOk()).andExpect(forwardedUrl("/admin/index.html"));
        }
    }

    @Test
    void answersUnacceptableAcceptHeaderWithNotAcceptable() throws Exception {
        mvc.perform(get("/api/countries/CU").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable());
        // the same words on every start and database, whatever the order Spring registered the handlers in
        for (String list : List.of("/api/observations", "/api/relations")) {
            mvc.perform(get(list).accept(MediaType.TEXT_HTML)).andExpect(status().isNotAcceptable())
                    .andExpect(jsonPath("$.detail").value("Acceptable representations: [application/json, text/csv]."));
        }
    }

    @Test
    void answersAnAcceptHeaderThatRefusesJsonWithQualityZeroWithNotAcceptable() throws Exception {
        assertProblem(mvc.perform(get("/api/countries/CU").header("Accept", "application/json;q=0")), 406,
                "NOT_ACCEPTABLE");
        assertProblem(mvc.perform(get("/api/missions").header("Accept", "application/json;q=0, text/csv;q=0")), 406,
                "NOT_ACCEPTABLE");
        assertProblem(mvc.perform(get("/api/countries/ZZ").header("Accept", "*/*;q=0")), 406, "NOT_ACCEPTABLE");
        mvc.perform(get("/api/countries/CU").header("Accept", "application/xml;q=0, application/json;q=0.5"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("CU"));
        mvc.perform(get("/api/missions").header("Accept", "application/json;q=0, text/csv"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
        // a wildcard beside the refused type does not bring it back: the most specific reference decides
        assertProblem(mvc.perform(get("/api/countries/CU").header("Accept", "application/json;q=0, */*")), 406,
                "NOT_ACCEPTABLE");
        assertProblem(mvc.perform(get("/api/countries/CU").header("Accept", "application/json;q=0, application/*")),
                406, "NOT_ACCEPTABLE");
        mvc.perform(get("/api/missions").header("Accept", "application/json;q=0, */*"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
        mvc.perform(get("/api/missions").header("Accept", "text/*;q=0, */*"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/json"));
        mvc.perform(get("/api/missions").header("Accept", "text/*;q=0, text/csv"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
    }

    @Test
    void answersInUtf8WhateverCharsetTheAcceptHeaderNamesAndAWriteIsAnsweredAsItWasDone() throws Exception {
        for (String charset : new String[] {"ISO-8859-1", "windows-1252", "UTF-16", "US-ASCII"}) {
            mvc.perform(get("/api/countries/AX").header("Accept", "application/json;charset=" + charset))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/json"))
                    .andExpect(jsonPath("$.name").value("Åland Islands"));
        }
        mvc.perform(get("/api/countries/CU").header("Accept", "application/json;v=2"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/json"));
        mvc.perform(get("/api/missions").header("Accept", "text/csv;charset=ISO-8859-1;q=0.9"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"));
        mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.APPLICATION_JSON).header("Accept", "application/json;charset=ISO-8859-1")
                        .content("{\"name\":\"Kim Hong-kyun\",\"country\":\"KR\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("Kim Hong-kyun"));
    }

    @Test
    void answersABodyInAContentEncodingNothingDecodesWithUnsupportedMediaTypeAndChangesNothing() throws Exception {
        for (String url : List.of("/api/diplomats", "/api/imports?format=chancery-ndjson")) {
            mvc.perform(post(url).with(httpBasic("admin", "admin-secret")).contentType(MediaType.APPLICATION_JSON)
                            .header("Content-Encoding", "gzip").content("{\"name\":\"Ana Ruiz\",\"country\":\"CU\"}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(header().string("Accept-Encoding", "identity"))
                    .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
                    .andExpect(jsonPath("$.detail").value(containsString("Content-Encoding 'gzip'")));
        }
        getJson("/api/diplomats").andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/imports").with(httpBasic("admin", "admin-secret")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(post("/api/diplomats").with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.APPLICATION_JSON).header("Content-Encoding", "identity")
                        .content("{\"name\":\"Ana Ruiz\",\"country\":\"CU\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void anEndpointThatReadsNoBodyIgnoresJsonRefusesMalformedOrTooLargeJsonAndAnswersAnotherType415()
            throws Exception {
        long mission = planMission("KR", "CU", "EMBASSY", "Havana");

        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.IMAGE_PNG).content(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
                .andExpect(jsonPath("$.detail").value(containsString("reads no body")));
        getJson("/api/missions/{id}", mission).andExpect(jsonPath("$.status").value("PLANNED"));
        for (String notJson : new String[] {"{not json", "{\"a\": 1} {", "{\"a\": 1, \"a\": 2}"}) {
            mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                            .contentType(MediaType.APPLICATION_JSON).content(notJson))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        }
        // an overlong "/" that Jackson alone would read as the character it spells, without a charset and with one
        for (String type : new String[] {"application/json", "application/json;charset=UTF-8"}) {
            mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                            .contentType(type).content(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0,
                                    (byte) 0xAF, '"', '}'}))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.detail").value(containsString("not UTF-8 text")));
        }
        getJson("/api/missions/{id}", mission).andExpect(jsonPath("$.status").value("PLANNED"));
        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("[" + "0,".repeat(600_000) + "0]"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
        getJson("/api/missions/{id}", mission).andExpect(jsonPath("$.status").value("PLANNED"));
        mvc.perform(post("/api/missions/{id}/cancel", mission).with(httpBasic("editor", "editor-secret"))
                        .contentType("application/json;charset=ISO-8859-1")
                        .content("{\"note\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void answersBodyThatIsNotJsonMediaTypeWithUnsupportedMediaType() throws Exception {
        assertProblem(mvc.perform(post("/api/relations/CU/KR/events").with(httpBasic("editor", "editor-secret"))
                .contentType(MediaType.TEXT_PLAIN).content("ESTABLISHED 2024-02-14")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void answersRuleViolationsWithTheRuleIdAndCode() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"SEVERED\",\"date\":\"2024-02-14\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"))
                .andExpect(jsonPath("$.rule").value("R1"))
                .andExpect(jsonPath("$.type").value("urn:chancery:problem:relation-transition-invalid"));
    }
}
