package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/** Every list answers text/csv (API.md 1.1): every matching row, in the list's order, as RFC 4180. */
class CsvExportIntegrationTests extends ApiIntegrationTest {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    /** The CSV answer to {@code Accept: text/csv}, which {@code format=csv} must answer the same. */
    private List<List<String>> csv(String url) throws Exception {
        byte[] accepted = mvc.perform(get(url).accept("text/csv")).andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] asked = mvc.perform(get(url + (url.contains("?") ? "&" : "?") + "format=csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(asked).isEqualTo(accepted);
        return csvRows(accepted);
    }

    private static List<List<String>> csvRows(byte[] answer) throws Exception {
        String text = new String(answer, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(text)) {
            lines.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void answersEveryRowOfAListNotOnePageWithAHeaderOfTheJsonFieldNames() throws Exception {
        List<List<String>> countries = csv("/api/countries?size=5&page=3");
        assertThat(countries.get(0)).containsExactly("code", "alpha3", "numeric", "name", "startedOn", "endedOn",
                "former", "version", "sources.url", "sources.publisher", "sources.title", "sources.publishedOn");
        assertThat(countries).hasSize(1 + 254);
        assertThat(countries.get(1)).startsWith("AD", "AND", "020", "Andorra", "", "", "false", "0");
        assertThat(csv("/api/countries?current=false&sort=name,desc")).extracting(row -> row.get(0))
                .containsExactly("code", "YU", "SU", "YD", "DD", "CS");
    }

    @Test
    void quotesCommasQuotesLineBreaksAndKeepsNonAsciiNames() throws Exception {
        String name = "Pereira, \"Carlos\" Hernández\nDirector General";
        create("/api/diplomats", "{\"name\":" + JSON.writeValueAsString(name) + ",\"country\":\"CU\","
                + "\"title\":\"Director General\"}");
        create("/api/diplomats", "{\"name\":\"Chung Byung-won\",\"country\":\"KR\"}");

        byte[] body = mvc.perform(get("/api/diplomats?format=csv")).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8))
                .contains("\"Pereira, \"\"Carlos\"\" Hernández\nDirector General\"");
        List<List<String>> diplomats = csv("/api/diplomats");
        assertThat(diplomats.get(0)).startsWith("id", "name", "country", "title", "organization", "version");
        assertThat(diplomats).extracting(row -> row.get(1)).containsExactly("name", "Chung Byung-won", name);
    }

    @Test
    void flattensNestedObjectsAndJoinsNestedLists() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "1949-01-01");
        long chung = newDiplomat("Chung Byung-won", "KR");
        long pereira = newDiplomat("Carlos Miguel Pereira Hernández", "CU");
        create("/api/meetings", """
                {"date": "2024-05-22", "city": "Seoul", "country": "KR", "outcomes": ["embassies", "trade"],
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(chung, pereira));
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        long monzon = newDiplomat("Claudio Monzón Baeza", "CU");
        create("/api/missions/" + embassy + "/heads", "{\"diplomatId\":" + monzon
                + ",\"rank\":\"AMBASSADOR\",\"agrementOn\":\"2025-01-01\",\"startedOn\":\"2025-01-08\"}");

        List<List<String>> meetings = csv("/api/meetings?country=CU");
        List<String> header = meetings.get(0);
        assertThat(header).contains("participants.name", "participants.country", "outcomes", "countries");
        assertThat(meetings.get(1).get(header.indexOf("participants.name")))
                .isEqualTo("Chung Byung-won;Carlos Miguel Pereira Hernández");
        assertThat(meetings.get(1).get(header.indexOf("countries"))).isEqualTo("CU;KR");
        assertThat(meetings.get(1).get(header.indexOf("outcomes"))).isEqualTo("embassies;trade");

        List<List<String>> missions = csv("/api/missions?sending=CU");
        List<String> missionHeader = missions.get(0);
        assertThat(missions.get(1).get(missionHeader.indexOf("currentHead.name"))).isEqualTo("Claudio Monzón Baeza");
        assertThat(missions.get(1).get(missionHeader.indexOf("heads.rank"))).isEqualTo("AMBASSADOR");

        assertThat(csv("/api/relations?country=KR").get(1)).containsExactly("CU;KR", "ESTABLISHED", "1949-01-01",
                "DAY", "ESTABLISHED");
        List<List<String>> timeline = csv("/api/relations/CU/KR/timeline");
        assertThat(timeline).extracting(row -> row.get(1))
                .containsExactly("type", "ESTABLISHED", "MEETING", "FIRST_MEETING_SINCE_ESTABLISHMENT",
                        "HEAD_OF_MISSION_STARTED");
        assertThat(timeline).extracting(row -> row.get(row.size() - 1))
                .containsExactly("datePrecision", "DAY", "DAY", "DAY", "DAY");
    }

    @Test
    void joinsEachHeadsSourcesAsOneElementOfTheHeadsSoThatTheyStayWithTheirHead() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "1949-01-01");
        long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
        create("/api/missions/" + embassy + "/open", "{\"date\": \"2020-01-01\"}");
        long first = newDiplomat("Alpha, A.", "CU");
        long second = newDiplomat("Beta, B.", "CU");
        create("/api/missions/" + embassy + "/heads", """
                {"diplomatId": %s, "rank": "CHARGE_D_AFFAIRES", "startedOn": "2020-01-01", "endedOn": "2021-01-01",
                 "sources": [{"url": "https://example.org/h1a", "title": "h1a"},
                             {"url": "https://example.org/h1b", "title": "h1b"}]}""".formatted(first));
        create("/api/missions/" + embassy + "/heads", """
                {"diplomatId": %s, "rank": "CHARGE_D_AFFAIRES", "startedOn": "2021-01-01"}""".formatted(second));

        List<List<String>> missions = csv("/api/missions?sending=CU");
        List<String> header = missions.get(0);
        List<String> row = missions.get(1);
        assertThat(row.get(header.indexOf("heads.name"))).isEqualTo("Alpha, A.;Beta, B.");
        // two heads, two elements: the first head's two sources are one, the second head's none an empty one
        assertThat(row.get(header.indexOf("heads.sources.url")))
                .isEqualTo("https://example.org/h1a\\;https://example.org/h1b;");
        assertThat(row.get(header.indexOf("heads.sources.title"))).isEqualTo("h1a\\;h1b;");
    }

    @Test
    void namesTheFileOfAPairsListAfterThePairAndOffersItAsADownload() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "1949-01-01");
        for (String list : List.of("timeline", "accreditations", "observations")) {
            mvc.perform(get("/api/relations/KR/CU/" + list + "?format=csv")).andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + list + "-cu-kr.csv\""));
        }
        mvc.perform(get("/api/relations?format=csv")).andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"relations.csv\""));
        mvc.perform(get("/api/relations?format=csv&asOf=1970-01-01")).andExpect(header().string(
                HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relations-1970-01-01.csv\""));
    }

    @Test
    void escapesTheSeparatorInTheElementsOfANestedListSoThatItsColumnsLineUp() throws Exception {
        long withSemicolon = create("/api/diplomats", """
                {"name": "İbrahim Çelik", "country": "TR", "title": "Ambassador; Dean of the Corps"}""")
                .get("id").asLong();
        long plain = create("/api/diplomats", """
                {"name": "Lech Wałęsa", "country": "PL", "title": "Envoy"}""").get("id").asLong();
        create("/api/meetings", """
                {"date": "2020-01-01", "city": "Ankara", "country": "TR", "outcomes": ["a;b", "c\\\\d", "e"],
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(withSemicolon, plain));

        List<List<String>> meetings = csv("/api/meetings?country=TR");
        List<String> header = meetings.get(0);
        assertThat(meetings.get(1).get(header.indexOf("outcomes"))).isEqualTo("a\\;b;c\\\\d;e");
        assertThat(meetings.get(1).get(header.indexOf("participants.diplomatId")))
                .isEqualTo(withSemicolon + ";" + plain);
        assertThat(meetings.get(1).get(header.indexOf("participants.title")))
                .isEqualTo("Ambassador\\; Dean of the Corps;Envoy");
        assertThat(meetings.get(1).get(header.indexOf("participants.title")).split("(?<!\\\\);"))
                .hasSize(2);
    }

    @Test
    void answersEveryPairOfADayInTheListsOrderFromOneStatementOfPairsHoweverMany() throws Exception {
        List<String> codes = new ArrayList<>();
        for (JsonNode country : json(getJson("/api/countries?current=true&size=46&sort=code")).get("content")) {
            codes.add(country.get("code").asString());
        }
        List<List<String>> pairs = new ArrayList<>();
        for (int a = 0; a < codes.size() && pairs.size() <= CsvLists.PAGE_SIZE; a++) {
            for (int b = a + 1; b < codes.size() && pairs.size() <= CsvLists.PAGE_SIZE; b++) {
                recordEvent(codes.get(a), codes.get(b), "ESTABLISHED", "2020-01-01");
                pairs.add(List.of(codes.get(a) + ";" + codes.get(b), "ESTABLISHED", "2020-01-01", "DAY",
                        "ESTABLISHED"));
            }
        }
        String url = "/api/relations?asOf=2020-06-30";
        List<List<String>> rows = new ArrayList<>();

        long read = statements.count(() -> rows.addAll(csvRows(mvc.perform(get(url).accept("text/csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())));

        // the codes of the countries that did not exist that day, then every pair at once
        assertThat(read).isEqualTo(2);
        assertThat(rows.get(0)).containsExactly("countries", "status", "since", "sincePrecision", "consularStatus");
        assertThat(rows.subList(1, rows.size())).hasSize(CsvLists.PAGE_SIZE + 1).isEqualTo(pairs);
        assertThat(csv(url)).isEqualTo(rows);
    }

    @Test
    void answersTheAccreditationAndMilestoneListsAsCsvToo() throws Exception {
        recordEvent("AG", "US", "ESTABLISHED", "1981-11-01");
        create("/api/relations/AG/US/accreditations", "{\"sendingCountry\":\"US\",\"level\":\"AMBASSADOR\","
                + "\"from\":\"1994-06-30\"}");
        create("/api/relations/AG/US/milestones", "{\"title\":\"An embassy again\",\"target\":\"2030\"}");

        List<String> accreditation = csv("/api/relations/US/AG/accreditations").get(1);
        assertThat(accreditation.subList(1, 5)).containsExactly("US", "AG", "AMBASSADOR", "1994-06-30");
        List<List<String>> milestones = csv("/api/milestones?status=PENDING");
        assertThat(milestones).hasSize(2);
        assertThat(milestones.get(1).get(milestones.get(0).indexOf("title"))).isEqualTo("An embassy again");
    }

    @Test
    void answersTheImportFormatsAsCsvLikeEveryList() throws Exception {
        List<List<String>> formats = csv("/api/imports/formats");
        assertThat(formats.get(0)).containsExactly("name", "mediaType", "summary", "documentation", "example");
        assertThat(formats).extracting(row -> row.get(0)).contains("chancery-ndjson", "kenkel-us-missions",
                "cow-diplomatic-exchange");
        mvc.perform(get("/api/imports/formats?format=csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"import-formats.csv\""));
        mvc.perform(get("/api/imports/formats").accept("*/*")).andExpect(content().contentType("application/json"));
        mvc.perform(get("/api/imports/formats")).andExpect(content().contentType("application/json"));
    }

    @Test
    void keepsProblemAnswersForBadRequestsAndRefusesCsvWhereNoListIsAndAnUnknownFormat() throws Exception {
        mvc.perform(get("/api/relations?country=QQ").accept("text/csv")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(get("/api/countries/FR").accept("text/csv")).andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.code").value("NOT_ACCEPTABLE"));
        mvc.perform(get("/api/countries/FR?format=csv")).andExpect(status().isNotAcceptable());
        // a resource's format is a list's: json or csv (406 there), not anything answered as JSON
        mvc.perform(get("/api/countries/FR?format=json")).andExpect(status().isOk());
        for (String resource : List.of("/api/countries/FR", "/api/relations/CU/KR")) {
            mvc.perform(get(resource + "?format=xml")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("format"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be csv or json, not 'xml'"));
        }
        // a write answers JSON: a format is a parameter it does not take, refused as any other, and nothing is written
        mvc.perform(post("/api/diplomats?format=csv").with(httpBasic("editor", "editor-secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Not Written\", \"country\": \"CU\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].message", containsString("is not a parameter of this request")));
        mvc.perform(get("/api/diplomats").param("q", "Not Written"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/countries?format=json")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/missions?format=xml")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        // also where the header chooses the CSV: the format is checked whichever answer it would have chosen
        for (String accept : new String[] {"text/csv", "text/*"}) {
            mvc.perform(get("/api/missions?format=xml").accept(accept)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("format"));
            mvc.perform(get("/api/relations/CU/KR/timeline?format=xml").accept(accept))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
        }
        mvc.perform(get("/api/missions?format=CSV")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        // the name as the servlet reads it: it is also the parameter checked above
        mvc.perform(get(URI.create("/api/missions?%66ormat=csv"))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        // a name with a space is another parameter, which the list does not take; one whose escape cannot be read is
        // left, as Tomcat leaves it
        mvc.perform(get("/api/missions").with(request -> {
            request.setQueryString("format%20=csv&%zz=1");
            request.addParameter("format ", "csv");
            return request;
        })).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format "));
        for (String twice : new String[] {"format=csv&format=json", "format=json&format=xml", "format=csv&format=csv"}) {
            mvc.perform(get("/api/missions?" + twice)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.detail").value("Parameter 'format' is given more than once; it takes one value."));
        }
        mvc.perform(get("/api/missions?format=csv&format=")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        mvc.perform(get("/api/missions?format=json").accept("text/csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        // parameters are named in lower case: Format is another, which no read takes
        mvc.perform(get("/api/missions?format=json&Format=csv")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Format"));
        mvc.perform(get("/v3/api-docs.yaml?format=json")).andExpect(status().isOk());
        mvc.perform(get("/api/meetings?sort=nonsense").accept("text/csv")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        // checked when the first page is read, after the export has begun (found by the fuzz test)
        mvc.perform(get("/api/meetings?format=csv&from=2024-02-01&to=2024-01-01")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        // a HEAD, which reads no row, answers as the GET does
        for (String[] refused : new String[][] {{"from=2024-02-01&to=2024-01-01", "from"},
                {"diplomat=999999999", "diplomat"}, {"diplomat=-1", "diplomat"}}) {
            mvc.perform(get("/api/meetings?format=csv&" + refused[0])).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(refused[1]));
            mvc.perform(head("/api/meetings?format=csv&" + refused[0])).andExpect(status().isBadRequest());
        }
        mvc.perform(head("/api/meetings?format=csv&from=2024-01-01")).andExpect(status().isOk());
    }

    @Test
    void saysThatAReadsAnswerVariesByTheAcceptHeader() throws Exception {
        for (String accept : new String[] {"text/csv", "application/json"}) {
            mvc.perform(get("/api/missions").accept(accept)).andExpect(status().isOk())
                    .andExpect(header().stringValues(HttpHeaders.VARY, org.hamcrest.Matchers.hasItem("Accept")));
        }
        mvc.perform(head("/api/countries/FR")).andExpect(status().isOk())
                .andExpect(header().stringValues(HttpHeaders.VARY, org.hamcrest.Matchers.hasItem("Accept")));
    }

    @Test
    void describesTheCsvAnswerOfEachListInTheOpenApiDescription() throws Exception {
        var description = json(getJson("/v3/api-docs"));
        for (String list : List.of("/api/countries", "/api/relations", "/api/diplomats", "/api/meetings", "/api/missions",
                "/api/milestones", "/api/relations/{a}/{b}/timeline", "/api/relations/{a}/{b}/accreditations",
                "/api/imports/formats")) {
            var get = description.get("paths").get(list).get("get");
            assertThat(get.get("responses").get("200").get("content").has("text/csv")).as(list).isTrue();
            assertThat(get.get("responses").get("200").get("content").has("application/json")).as(list).isTrue();
            assertThat(get.get("parameters").findValuesAsString("name")).as(list).contains("format");
        }
    }
}
