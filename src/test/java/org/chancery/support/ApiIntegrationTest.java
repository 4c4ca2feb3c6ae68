package org.chancery.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;

import org.chancery.country.Countries;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the full-context API tests: MockMvc against the whole application on an in-memory H2
 * database (or the PostgreSQL of the {@code postgres} Maven profile), a movable clock (today is
 * {@link MutableClock#DEFAULT_TODAY} unless a test moves it), users {@code editor},
 * {@code admin} and {@code reader} (no role), and an empty database (but for the countries) after
 * every test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, StatementCounter.Configuration.class})
public abstract class ApiIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected StatementCounter statements;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Countries countries;

    @AfterEach
    void cleanDatabase() {
        try {
            new DatabaseCleaner(dataSource).clean();
        } finally {
            // the next test begins on the day and with the countries it expects even if the cleaning failed
            countries.forgetCached();
            clock.reset();
        }
    }

    protected ResultActions getJson(String url, Object... vars) throws Exception {
        return mvc.perform(get(url, vars).accept(MediaType.APPLICATION_JSON));
    }

    protected ResultActions postAsEditor(String url, String json, Object... vars) throws Exception {
        return mvc.perform(withBody(post(url, vars), json).with(httpBasic("editor", "editor-secret")));
    }

    /** Posts as editor with an {@code If-Match} header. */
    protected ResultActions postAsEditorIfMatch(String ifMatch, String url, String json, Object... vars) throws Exception {
        return mvc.perform(withBody(post(url, vars), json).header("If-Match", ifMatch)
                .with(httpBasic("editor", "editor-secret")));
    }

    protected ResultActions postAsAdmin(String url, String json, Object... vars) throws Exception {
        return mvc.perform(withBody(post(url, vars), json).with(httpBasic("admin", "admin-secret")));
    }

    protected ResultActions putAsEditor(String url, String json, Object... vars) throws Exception {
        return mvc.perform(withBody(put(url, vars), json).with(httpBasic("editor", "editor-secret")));
    }

    protected ResultActions deleteAsEditor(String url, Object... vars) throws Exception {
        return mvc.perform(delete(url, vars).with(httpBasic("editor", "editor-secret")));
    }

    /** Posts as editor, expects success, and returns the answer's JSON. */
    protected JsonNode create(String url, String json, Object... vars) throws Exception {
        var response = postAsEditor(url, json, vars).andReturn().getResponse();
        String body = response.getContentAsString();
        if (response.getStatus() / 100 != 2) {
            throw new AssertionError("POST " + url + " failed with " + response.getStatus() + ": " + body);
        }
        return JSON.readTree(body);
    }

    /** Records a relation event as editor, expecting 201. */
    protected JsonNode recordEvent(String a, String b, String type, String date) throws Exception {
        return create("/api/relations/" + a + "/" + b + "/events", "{\"type\":\"" + type + "\",\"date\":\"" + date + "\"}");
    }

    /** Plans a mission as editor (a null city is left out) and answers its id. */
    protected long planMission(String sending, String receiving, String type, String city) throws Exception {
        return create("/api/missions", "{\"sendingCountry\":\"" + sending + "\",\"receivingCountry\":\"" + receiving
                + "\",\"type\":\"" + type + "\"" + (city == null ? "" : ",\"city\":\"" + city + "\"") + "}")
                .get("id").asLong();
    }

    protected ResultActions openMission(long id, String date) throws Exception {
        return postAsEditor("/api/missions/" + id + "/open", "{\"date\":\"" + date + "\"}");
    }

    /** Opens a past mission with its closing, as editor (a reason a rule gives is taken where the facts give it). */
    protected ResultActions openClosedFor(long id, String date, String closedOn, String reason) throws Exception {
        return postAsEditor("/api/missions/{id}/open", "{\"date\":\"" + date + "\",\"closedOn\":\"" + closedOn
                + "\",\"closingReason\":\"" + reason + "\"}", id);
    }

    protected ResultActions closeMission(long id, String date) throws Exception {
        return postAsEditor("/api/missions/" + id + "/close", "{\"date\":\"" + date + "\"}");
    }

    /** Records a diplomat as editor and answers its id. */
    protected long newDiplomat(String name, String country) throws Exception {
        return create("/api/diplomats", "{\"name\":\"" + name + "\",\"country\":\"" + country + "\"}")
                .get("id").asLong();
    }

    /** Expects the refusal of a rule: its status, problem code and rule id. */
    protected static ResultActions refused(ResultActions result, int status, String code, String rule)
            throws Exception {
        return result.andExpect(status().is(status)).andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.rule").value(rule));
    }

    protected static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String json) {
        return json == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(json);
    }

    protected static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
