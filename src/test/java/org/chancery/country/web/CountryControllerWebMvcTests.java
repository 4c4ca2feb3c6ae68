package org.chancery.country.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chancery.country.Countries;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.support.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HTTP contract of the countries, the service mocked: who may write, how a body is checked before the service
 * is asked, and the problem every refusal answers (status, {@code application/problem+json}, stable code, rule).
 */
@WebMvcTest(CountryController.class)
@WebSlice
class CountryControllerWebMvcTests {

    private static final String KOSOVO = """
            {"code": "XK", "alpha3": "XKX", "name": "Kosovo", "startedOn": "2008-02-17"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countries countries;

    @Test
    void answersAnUnknownCountryAsAProblemWithItsStableCode() throws Exception {
        given(countries.get("ZZ")).willThrow(new NotFoundException("No country has the code ZZ."));

        mvc.perform(get("/api/countries/ZZ")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("No country has the code ZZ."))
                .andExpect(jsonPath("$.instance").value("/api/countries/ZZ"));
    }

    @Test
    void refusesToCreateACountryWithoutCredentialsOrWithoutTheAdminRoleAndAsksTheServiceNothing() throws Exception {
        mvc.perform(create(KOSOVO)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(create(KOSOVO).with(httpBasic("editor", "editor-secret"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));

        verifyNoInteractions(countries);
    }

    @Test
    void refusesAnInvalidOrMalformedBodyNamingTheFieldBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(create(KOSOVO.replace("\"Kosovo\"", "\" \"")).with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(create("{\"code\": \"XK\",").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));

        verifyNoInteractions(countries);
    }

    @Test
    void answersARuleTheServiceEnforcesWithTheRuleIdAndCode() throws Exception {
        given(countries.create(any(), any(), any(), any(), any(), any())).willThrow(
                new RuleViolationException(Rule.R3_DATE_IN_FUTURE, "startedOn 2099-01-01 is after today."));

        mvc.perform(create(KOSOVO).with(httpBasic("admin", "admin-secret"))).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("R3"))
                .andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"))
                .andExpect(jsonPath("$.type").value("urn:chancery:problem:date-in-future"));
    }

    private static MockHttpServletRequestBuilder create(String body) {
        return post("/api/countries").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
