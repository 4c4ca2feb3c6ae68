package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chancery.shared.StorableValues;
import org.chancery.shared.web.TextArguments.TextIdentity;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class TextArgumentsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private RequestMappingHandlerAdapter adapter;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Autowired
    @Qualifier("mvcConversionService")
    private ConversionService springConversions;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @DisplayName("every String parameter of every handler gets from Spring's conversion service the text itself, a blank request parameter none")
    void springsConversionOfTextToTextIsTheIdentityForEveryHandlerParameter() {
        assertThat(((ConfigurableWebBindingInitializer) adapter.getWebBindingInitializer()).getConversionService())
                .isInstanceOf(TextIdentity.class);
        TextIdentity identity = new TextIdentity(springConversions);
        TypeDescriptor text = TypeDescriptor.valueOf(String.class);
        int parameters = 0;
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() == String.class) {
                    TypeDescriptor target = new TypeDescriptor(parameter);
                    String value = "Côte d'Ivoire, 1970-01-01 ";
                    assertThat(springConversions.convert(value, text, target)).as("%s", parameter).isSameAs(value);
                    assertThat(identity.canConvert(text, target)).isTrue();
                    assertThat(identity.convert(value, text, target)).isSameAs(value);
                    assertThat(identity.convert(" ", text, target)).as("a blank %s", parameter)
                            .isEqualTo(parameter.hasParameterAnnotation(RequestParam.class) ? null : " ");
                    parameters++;
                }
            }
        }
        assertThat(parameters).as("String parameters of handlers").isGreaterThan(20);
    }

    @Test
    @DisplayName("the texts of a parameter given more than once make the same list Spring makes, for every List<String> parameter")
    void textsForAListOfTextAreTheListSpringMakes() {
        TextIdentity identity = new TextIdentity(springConversions);
        TypeDescriptor texts = TypeDescriptor.valueOf(String[].class);
        TypeDescriptor text = TypeDescriptor.valueOf(String.class);
        int parameters = 0;
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                TypeDescriptor target = new TypeDescriptor(parameter);
                if (parameter.getParameterType() == List.class && target.getElementTypeDescriptor() != null
                        && target.getElementTypeDescriptor().getType() == String.class) {
                    String[] given = {"US", " fr", "US", "a,b"};
                    Object spring = springConversions.convert(given, texts, target);
                    assertThat(identity.canConvert(texts, target)).isTrue();
                    assertThat(identity.convert(given, texts, target)).as("%s", parameter)
                            .isEqualTo(spring).isInstanceOf(ArrayList.class).isNotSameAs(identity.convert(given, texts, target));
                    assertThat(identity.convert("US,FR", text, target)).as("one text is still Spring's: split at commas")
                            .isEqualTo(List.of("US", "FR"));
                    parameters++;
                }
            }
        }
        assertThat(parameters).as("List<String> parameters of handlers").isGreaterThanOrEqualTo(2);
        TypeDescriptor numbers = TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(Integer.class));
        assertThat(identity.convert(new String[] {"1", "2"}, texts, numbers)).as("other elements are Spring's")
                .isEqualTo(List.of(1, 2));
    }

    @Test
    @DisplayName("other conversions are Spring's: dates parsed, bad ones refused with a clear answer")
    void leavesOtherConversionsToSpring() throws Exception {
        TextIdentity identity = new TextIdentity(springConversions);
        assertThat(identity.convert("1970-01-01", LocalDate.class)).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(identity.convert("42", Integer.class)).isEqualTo(42);
        assertThat(identity.canConvert(String.class, LocalDate.class)).isTrue();
        getJson("/api/relations?country=US&asOf=1970-13-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").exists());
        getJson("/api/countries/{code}", "fr").andExpect(status().isOk()).andExpect(jsonPath("$.code").value("FR"));
    }

    @Test
    @DisplayName("a filter left empty or blank is as if it were not given, on every list and in its CSV")
    void answersAFilterLeftEmptyAsIfItWereNotGiven() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "2024-02-14");
        recordEvent("FR", "US", "ESTABLISHED", "1950-01-01");
        long cuban = newDiplomat("Carlos Miguel Pereira", "CU");
        long korean = newDiplomat("Chung Byung-won", "KR");
        long american = newDiplomat("Jane Doe", "US");
        long french = newDiplomat("Jean Dupont", "FR");
        for (long[] pair : new long[][] {{cuban, korean}, {american, french}}) {
            create("/api/meetings", """
                    {"date": "2024-05-22", "city": "Seoul", "country": "KR", "title": "Talks",
                     "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(pair[0], pair[1]));
        }
        planMission("CU", "KR", "EMBASSY", "Seoul");
        planMission("US", "FR", "EMBASSY", "Paris");
        create("/api/relations/CU/KR/milestones", "{\"title\": \"Cuban embassy in Seoul opens\", \"target\": \"2024-07\"}");
        long job = json(mvc.perform(post("/api/imports").param("format", "cow-diplomatic-exchange")
                .contentType("text/csv").content("""
                        "ccode1","ccode2","year","DR_at_1","DR_at_2","DE","version"
                        2,40,1950,9,9,1,2006.0999755859375
                        40,2,1950,9,9,1,2006.0999755859375
                        """).with(httpBasic("admin", "admin-secret")))).get("id").asLong();
        assertThat(ImportJobs.awaitEnd(mvc, job).get("status").asString()).isEqualTo("SUCCEEDED");

        Map<String, String> sameAs = new LinkedHashMap<>();
        sameAs.put("/api/relations?country=&status=", "/api/relations");
        sameAs.put("/api/relations?country=%20&status=%20", "/api/relations");
        sameAs.put("/api/relations?country=CU&country=", "/api/relations?country=CU");
        sameAs.put("/api/relations?country=&country=", "/api/relations");
        sameAs.put("/api/meetings?country=", "/api/meetings");
        sameAs.put("/api/meetings?country=&country=CU", "/api/meetings?country=CU");
        sameAs.put("/api/meetings?country=CU,", "/api/meetings?country=CU");
        sameAs.put("/api/missions?sending=&receiving=&country=&type=&status=", "/api/missions");
        sameAs.put("/api/diplomats?country=&q=", "/api/diplomats");
        sameAs.put("/api/countries?q=%20%20&current=", "/api/countries");
        sameAs.put("/api/milestones?country=&status=", "/api/milestones");
        sameAs.put("/api/observations?country=&dataset=&direction=&year=%20", "/api/observations");
        sameAs.put("/api/observations/summary?country=&dataset=", "/api/observations/summary");
        sameAs.put("/api/relations?country=&format=csv", "/api/relations?format=csv");
        sameAs.put("/api/meetings?country=&format=csv", "/api/meetings?format=csv");
        sameAs.put("/api/countries?format=&page=&size=%20&sort=", "/api/countries");
        sameAs.put("/api/relations/CU/KR/timeline?page=&size=", "/api/relations/CU/KR/timeline");
        sameAs.put("/api/changes?kind=&after=", "/api/changes");
        sameAs.put("/api/imports/" + job + "/rows?flag=&outcome=", "/api/imports/" + job + "/rows");
        // nothing seen: no-break spaces, a zero-width space
        sameAs.put("/api/diplomats?q=%C2%A0&country=%E2%80%8B&sort=%C2%A0", "/api/diplomats");
        sameAs.put("/api/meetings?country=CU&country=%C2%A0", "/api/meetings?country=CU");
        for (Map.Entry<String, String> urls : sameAs.entrySet()) {
            assertThat(answer(urls.getKey())).as(urls.getKey()).isEqualTo(answer(urls.getValue()));
        }
        assertThat(json(getJson("/api/meetings")).get("content")).as("both meetings unfiltered").hasSize(2);
        assertThat(json(getJson("/api/meetings?country=CU")).get("content")).as("a filter given filters").hasSize(1);
        assertThat(json(getJson("/api/relations")).get("content")).hasSize(2);
        assertThat(json(getJson("/api/missions")).get("content")).hasSize(2);
        assertThat(json(getJson("/api/milestones")).get("content")).hasSize(1);
        assertThat(json(getJson("/api/observations")).get("content")).hasSize(2);
        getJson("/api/relations?country=ZZ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        getJson("/api/relations?country=CU&country=KR").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        getJson("/api/countries/{code}", " ").andExpect(status().isNotFound());
    }

    /** The answer to a GET as the editor (who may read the change feed and import reports): 200 and its body. */
    private String answer(String url) throws Exception {
        var response = mvc.perform(get(URI.create(url)).with(httpBasic("editor", "editor-secret")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    @DisplayName("a parameter of one value given twice with text is refused, naming it; beside a blank one, it counts")
    void refusesAParameterOfOneValueGivenTwice() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "1949-01-01");
        for (String url : List.of("/api/countries?q=kor&q=fra", "/api/relations/CU/KR?asOf=1950-01-01&asOf=1990-01-01",
                "/api/observations?year=1950&year=1970", "/api/relations?status=SEVERED&status=ESTABLISHED",
                "/api/countries?page=1&page=2", "/api/countries?size=5&size=10", "/api/diplomats?q=a&q=b&format=csv")) {
            String name = url.substring(url.lastIndexOf('&') + 1).split("=")[0];
            String parameter = url.contains("format=csv") ? "q" : name;
            getJson(url).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.errors[0].field").value(parameter))
                    .andExpect(jsonPath("$.errors[0].message").value("is given more than once; it takes one value"));
        }
        assertThat(answer("/api/relations/CU/KR?asOf=&asOf=1950-01-01"))
                .isEqualTo(answer("/api/relations/CU/KR?asOf=1950-01-01"));
        assertThat(answer("/api/observations?year=%20&year=1950")).isEqualTo(answer("/api/observations?year=1950"));
        assertThat(answer("/api/countries?q=korea&q=")).isEqualTo(answer("/api/countries?q=korea"));
        assertThat(answer("/api/meetings?country=CU&country=KR"))
                .isEqualTo(answer("/api/meetings?country=KR&country=CU"));
    }

    @Test
    @DisplayName("a page, size or format given blank and with text is that text, read and checked as if given once")
    void readsAPagingParameterOrFormatGivenBlankBesideTextAsThatText() throws Exception {
        assertThat(answer("/api/countries?size=&size=5&page=&page=2"))
                .isEqualTo(answer("/api/countries?size=5&page=2"))
                .isEqualTo(answer("/api/countries?size=5&size=&page=2&page=%20"));
        assertThat(answer("/api/countries?format=&format=csv&size=3")).isEqualTo(answer("/api/countries?format=csv"));
        for (String url : List.of("/api/countries?size=&size=0", "/api/countries?page=&page=-1",
                "/api/countries?format=&format=xml", "/api/countries?format=xml&format=")) {
            getJson(url).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        }
        getJson("/api/countries?size=&size=abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    @DisplayName("a typed parameter given blank and then with a text it cannot be read as is quoted as that text")
    void quotesTheTextOfATypedParameterThatCannotBeReadNotItsArray() throws Exception {
        for (String url : List.of("/api/relations?asOf=&asOf=2024-02-30", "/api/observations?year=&year=abc",
                "/api/countries?current=&current=maybe")) {
            String detail = json(getJson(url).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))).get("detail").asString();
            String given = url.substring(url.lastIndexOf('=') + 1);
            assertThat(detail).as(url).doesNotContain("[L", "java.").contains("'" + given + "'");
        }
    }

    @Test
    @DisplayName("spaces around a number or a truth value are dropped as around a date or a status")
    void readsANumberOrATruthValueWithSpacesAroundIt() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "1949-01-01");
        assertThat(answer("/api/observations?year=%201950%20")).isEqualTo(answer("/api/observations?year=1950"));
        assertThat(answer("/api/countries?current=%20true%20")).isEqualTo(answer("/api/countries?current=true"));
        assertThat(answer("/api/changes?after=%201")).isEqualTo(answer("/api/changes?after=1"));
        assertThat(answer("/api/changes?after=%20")).isEqualTo(answer("/api/changes"));
        getJson("/api/observations?year=19 50").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    @DisplayName("no parameter may hold the NUL character, also those read as they come or trimmed by their conversion")
    void refusesTheNulCharacterInEveryParameter() throws Exception {
        for (String url : List.of("/api/relations?status=%00SEVERED", "/api/relations?status=%00",
                "/api/observations?level=%00AMBASSADOR", "/api/observations?direction=SENDING%00&country=US",
                "/api/observations?size=%00", "/api/observations?page=%00", "/api/observations?size=5%00",
                "/api/observations?country=US&format=csv%00", "/api/missions?type=EMBASSY%00",
                "/api/countries?sort=name%00")) {
            String name = url.substring(0, url.indexOf("%00")).replaceAll(".*[?&]", "").split("=")[0];
            mvc.perform(get(URI.create(url)).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value(name))
                    .andExpect(jsonPath("$.errors[0].message").value(StorableValues.NUL_REFUSED));
        }
        // in a parameter's name, Spring Security's firewall refuses it as the parameters are first read
        for (String url : List.of("/api/countries?a%00b=1", "/api/countries?%00=1", "/api/relations/CU/KR?z%0A=1",
                "/api/observations?x%7F=1")) {
            mvc.perform(get(URI.create(url)).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        }
    }

    @Test
    @DisplayName("a required parameter left empty is missing: 400 naming it, and nothing is recorded")
    void refusesARequiredParameterLeftEmptyAsMissing() throws Exception {
        for (String format : new String[] {"", " "}) {
            mvc.perform(post("/api/imports").param("format", format).contentType("application/x-ndjson")
                            .content("{}\n").with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("format"))
                    .andExpect(jsonPath("$.errors[0].message").value("is required"));
        }
        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
    }
}
