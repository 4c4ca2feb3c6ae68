package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CountryApiIntegrationTests extends ApiIntegrationTest {

    @Test
    void aCountryNamedByItsNameWhereACodeIsAskedIsRefusedWithTheCodeToGive() throws Exception {
        getJson("/api/relations?country=Cuba")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("country"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "names no known country: 'Cuba' (a country is given by its code: Cuba is CU)"));
        // a name that fits several: how to find the code
        getJson("/api/missions?receiving=korea").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("names no known country: 'korea' "
                        + "(a country is given by its ISO 3166 code, alpha-2 or alpha-3, as CU or CUB; "
                        + "GET /api/countries?q=")));
        postAsEditor("/api/diplomats", "{\"name\": \"Ana\", \"country\": \"Cuba\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNKNOWN_REFERENCE"))
                .andExpect(jsonPath("$.detail").value(
                        "country names no known country: 'Cuba' (a country is given by its code: Cuba is CU)."));
        // a name other names hold: the country of that very name
        getJson("/api/relations?country=niger").andExpect(jsonPath("$.errors[0].message")
                .value("names no known country: 'niger' (a country is given by its code: Niger is NE)"));
        // a code no country has is only that
        getJson("/api/relations?country=QQ").andExpect(jsonPath("$.errors[0].message")
                .value("names no known country: 'QQ'"));
    }

    @Test
    void servesAllIsoCountriesFromTheFirstStart() throws Exception {
        getJson("/api/countries?size=1&current=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(249))
                .andExpect(jsonPath("$.page.size").value(1))
                .andExpect(jsonPath("$.content[0].code").value("AD"))
                .andExpect(jsonPath("$.content[0].former").value(false));
    }

    @Test
    void servesTheDissolvedStatesOfIso3166Part3WithTheirLifetimes() throws Exception {
        getJson("/api/countries?current=false")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(5))
                .andExpect(jsonPath("$.content[*].code").value(contains("CS", "DD", "SU", "YD", "YU")))
                .andExpect(jsonPath("$.content[*].former").value(everyItem(is(true))));
        getJson("/api/countries/DDR")
                .andExpect(jsonPath("$.code").value("DD"))
                .andExpect(jsonPath("$.numeric").value("278"))
                .andExpect(jsonPath("$.startedOn").value("1949-10-07"))
                .andExpect(jsonPath("$.endedOn").value("1990-10-02"))
                .andExpect(jsonPath("$.former").value(true))
                .andExpect(jsonPath("$.sources[0].url").value(startsWith("https://")));
        getJson("/api/countries/SUN").andExpect(jsonPath("$.startedOn").value("1922-12-30"))
                .andExpect(jsonPath("$.endedOn").value("1991-12-25"));
        getJson("/api/countries/CSK").andExpect(jsonPath("$.startedOn").value("1918-10-28"))
                .andExpect(jsonPath("$.endedOn").value("1992-12-31"));
        getJson("/api/countries/YUG").andExpect(jsonPath("$.startedOn").value("1918-12-01"))
                .andExpect(jsonPath("$.endedOn").value("2003-02-03"));
        getJson("/api/countries/YMD").andExpect(jsonPath("$.startedOn").value("1967-11-30"))
                .andExpect(jsonPath("$.endedOn").value("1990-05-21"));
        getJson("/api/countries?size=300").andExpect(jsonPath("$.page.totalElements").value(254));
    }

    @Test
    void findsCountryByAlpha2OrAlpha3InAnyCase() throws Exception {
        for (String code : new String[] {"KR", "kr", "KOR", "kOr"}) {
            getJson("/api/countries/{code}", code)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.code").value("KR"))
                    .andExpect(jsonPath("$.alpha3").value("KOR"))
                    .andExpect(jsonPath("$.numeric").value("410"))
                    .andExpect(jsonPath("$.name").value("South Korea"));
        }
    }

    @Test
    void searchesByNameOrCodeCaseInsensitively() throws Exception {
        getJson("/api/countries?q=kor")
                .andExpect(jsonPath("$.content[*].code").value(org.hamcrest.Matchers.contains("KP", "KR")));
        getJson("/api/countries?q=CUB")
                .andExpect(jsonPath("$.content[*].code").value(org.hamcrest.Matchers.contains("CU")));
    }

    @Test
    void findsACountryByACodeWithAnIWhateverTheDefaultLocale() throws Exception {
        // in Turkish "I" lower-cases into a dotless "ı": H2's lower() follows the JVM's default locale (as
        // PostgreSQL's follows the database's ctype), and a search compared with it found no "CI" or "CIV"
        Locale before = Locale.getDefault();
        Locale beforeFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale beforeDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            for (String q : List.of("civ", "CIV", "ci", "Ci")) {
                getJson("/api/countries?q={q}", q)
                        .andExpect(jsonPath("$.content[*].code").value(org.hamcrest.Matchers.hasItem("CI")));
            }
            // nor is a code what lower-cases into one in Turkish: a code is ASCII letters
            getJson("/api/countries?q={q}", "cıv").andExpect(jsonPath("$.content").isEmpty());
        } finally {
            Locale.setDefault(before);
            Locale.setDefault(Locale.Category.FORMAT, beforeFormat);
            Locale.setDefault(Locale.Category.DISPLAY, beforeDisplay);
        }
    }

    @Test
    void searchesForTheTextBarWhatIsNotSeenAroundIt() throws Exception {
        // a search in ideographic spaces found nothing, one in no-break spaces nothing either
        for (String q : List.of("\u3000cuba\u3000", "\u00a0Cuba\u00a0", "\u200bcuba")) {
            getJson("/api/countries?q={q}", q)
                    .andExpect(jsonPath("$.content[*].code").value(org.hamcrest.Matchers.contains("CU")));
        }
        long all = json(getJson("/api/countries")).get("page").get("totalElements").asLong();
        newDiplomat("Kim Yong-nam", "KP");
        for (String blank : List.of("\u0001", "\u00a0", "\u200b\u200f")) {
            // a search of which nothing is seen is as if it were not given, as an empty one is
            getJson("/api/countries?q={q}", blank).andExpect(jsonPath("$.page.totalElements").value((int) all));
            getJson("/api/diplomats?q={q}", blank).andExpect(jsonPath("$.page.totalElements").value(1));
        }
    }

    @Test
    void searchesNamesWithOrWithoutTheirAccentsInTheCaseRulesOfTheirScript() throws Exception {
        for (String q : new String[] {"cote", "CÔTE", "côte d'ivoire"}) {
            getJson("/api/countries?q={q}", q).andExpect(jsonPath("$.content[*].code").value(
                    org.hamcrest.Matchers.contains("CI")));
        }
        getJson("/api/countries?q=curacao").andExpect(jsonPath("$.content[*].code").value(
                org.hamcrest.Matchers.contains("CW")));
        postAsAdmin("/api/countries", """
                {"code": "QW", "alpha3": "QWW", "name": "İstanbul Republic"}""").andExpect(status().isCreated());
        for (String q : new String[] {"istanbul", "İSTANBUL", "ISTANBUL"}) {
            getJson("/api/countries?q={q}", q).andExpect(jsonPath("$.content[*].code").value(
                    org.hamcrest.Matchers.contains("QW")));
        }
    }

    @Test
    void searchesNamesForTheWildcardsOfLikeAsTheyAre() throws Exception {
        postAsAdmin("/api/countries", """
                {"code": "QX", "alpha3": "QXX", "name": "100% _Under_score\\\\"}""").andExpect(status().isCreated());
        for (String q : new String[] {"_", "_under", "100%", "%", "\\"}) {
            getJson("/api/countries?q={q}", q).andExpect(jsonPath("$.content[*].code").value(
                    org.hamcrest.Matchers.contains("QX")));
        }
        getJson("/api/countries?q={q}", "1_0").andExpect(jsonPath("$.content").isEmpty());
    }

    @Test
    void clampsPageSizeTo200() throws Exception {
        getJson("/api/countries?size=1000")
                .andExpect(jsonPath("$.page.size").value(200))
                .andExpect(jsonPath("$.content.length()").value(200));
    }

    @Test
    void sortsByNameAsSearchesReadIt() throws Exception {
        getJson("/api/countries?q=islands&sort=name").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].name").value("Åland Islands"))
                .andExpect(jsonPath("$.content[1].name").value("Cayman Islands"));
        getJson("/api/countries?q=islands&sort=name,desc").andExpect(jsonPath("$.content[-1].name").value("Åland Islands"));
    }

    @Test
    void refusesAPageOrASizeWrittenWithASignOrDigitsOfAnotherScript() throws Exception {
        for (String name : List.of("page", "size")) {
            for (String value : List.of("%2B1", "+%2B5", "%EF%BC%95", "%D9%A5", "1%E3%80%80", "0x10", "%015", "5%01",
                    "%0B5")) {
                mvc.perform(get(java.net.URI.create("/api/countries?" + name + "=" + value)))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                        .andExpect(jsonPath("$.errors[0].field").value(name));
            }
        }
    }

    @Test
    void readsAPageAndASizeWrittenWithSpacesAroundThemAsTheNumbersTheyHold() throws Exception {
        String second = json(getJson("/api/countries?page=1&size=5")).get("content").toString();
        for (String query : List.of("page=%201&size=5", "page=%201&size=%205%20", "page=1&size=5%09")) {
            var answer = mvc.perform(get(java.net.URI.create("/api/countries?" + query))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.page.number").value(1))
                    .andExpect(jsonPath("$.page.size").value(5));
            assertThat(json(answer).get("content").toString()).as(query).isEqualTo(second);
        }
        mvc.perform(get(java.net.URI.create("/api/countries?size=%201000"))).andExpect(jsonPath("$.page.size").value(200));
    }

    @Test
    void clampsAPageSizeTooLargeForAnyIntegerTypeTo200AsWell() throws Exception {
        for (String size : List.of("2147483648", "99999999999", "99999999999999999999999", " 300")) {
            getJson("/api/countries?size=" + size)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.page.size").value(200))
                    .andExpect(jsonPath("$.content.length()").value(200));
        }
        getJson("/api/countries?size=12x").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        getJson("/api/countries?size=-99999999999999999999").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        getJson("/api/countries?page=99999999999999999999999").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void answersUnknownCountryWithNotFound() throws Exception {
        getJson("/api/countries/ZZ")
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.instance").value("/api/countries/ZZ"));
    }

    @Test
    void answersNotFoundForANonAsciiLetterThatUpperCasesIntoACode() throws Exception {
        // "ß".toUpperCase() is "SS", South Sudan's code; a code is ASCII letters as given
        getJson("/api/countries/\u00df")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void answersIfNoneMatchWithNotModifiedAndTheCachingHeadersOfTheRead() throws Exception {
        var read = getJson("/api/countries/CU").andReturn().getResponse();
        String etag = read.getHeader("ETag");
        mvc.perform(get("/api/countries/CU").header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(header().string("Cache-Control", read.getHeader("Cache-Control")));
        assertThat(read.getHeader("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void letsAdminAddACountryOutsideIso() throws Exception {
        postAsAdmin("/api/countries", """
                {"code": "xk", "alpha3": "XKX", "name": "Kosovo"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/countries/XK"))
                .andExpect(jsonPath("$.code").value("XK"))
                .andExpect(jsonPath("$.name").value("Kosovo"));
        getJson("/api/countries/XKX").andExpect(jsonPath("$.code").value("XK"));
        // each code taken is named, with the country that has it
        Map<String, List<String>> takenBy = Map.of(
                "{\"code\": \"XK\", \"alpha3\": \"XKY\", \"name\": \"Kosovo again\"}",
                List.of("The code XK is taken: Kosovo.", "code"),
                "{\"code\": \"XY\", \"alpha3\": \"cub\", \"name\": \"Cuba again\"}",
                List.of("The alpha-3 code CUB is taken: Cuba (CU).", "alpha3"),
                "{\"code\": \"XK\", \"alpha3\": \"USA\", \"name\": \"Both taken\"}",
                List.of("The code XK is taken: Kosovo; the alpha-3 code USA is taken: United States (US).", "code",
                        "alpha3"));
        for (Map.Entry<String, List<String>> taken : takenBy.entrySet()) {
            postAsAdmin("/api/countries", taken.getKey()).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("ALREADY_EXISTS"))
                    .andExpect(jsonPath("$.detail").value(taken.getValue().get(0)))
                    .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                            taken.getValue().subList(1, taken.getValue().size()).toArray())))
                    .andExpect(jsonPath("$.errors[0].message").value("is taken"));
        }
        getJson("/api/countries/XY").andExpect(status().isNotFound());
    }

    @Test
    void keepsANameAsGivenBarWhatIsNotSeenAroundIt() throws Exception {
        // found by the fuzz test: a name of a control character passed validation and was trimmed to nothing (500);
        // it is blank
        postAsAdmin("/api/countries", """
                {"code": "XA", "alpha3": "XAA", "name": "\\u0001"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        postAsAdmin("/api/countries", """
                {"code": "XA", "alpha3": "XAA", "name": "\\u00a0\\u0001"}""")
                .andExpect(status().isBadRequest());
        postAsAdmin("/api/countries", """
                {"code": "XA", "alpha3": "XAA", "name": "\\u00a0Xanadu\\u200b"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Xanadu"));
        mvc.perform(put("/api/countries/XA").with(httpBasic("admin", "admin-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "\\u0002 Xana\\u0002du\\u2003"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Xana\u0002du"));
        getJson("/api/countries/XA").andExpect(jsonPath("$.name").value("Xana\u0002du"));
    }

    @Test
    void refusesCountryCreationToEditorsAndAnonymousUsers() throws Exception {
        mvc.perform(post("/api/countries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"XA\",\"alpha3\":\"XAA\",\"name\":\"X\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        postAsEditor("/api/countries", "{\"code\":\"XA\",\"alpha3\":\"XAA\",\"name\":\"X\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(post("/api/countries").with(httpBasic("admin", "wrong")).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesInvalidCountryWithTheFieldsNamed() throws Exception {
        postAsAdmin("/api/countries", "{\"code\":\"X1\",\"alpha3\":\"XAA\",\"name\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("code", "name")));
    }
}
