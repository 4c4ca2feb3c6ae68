package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chancery.shared.web.HandlerLookup.PathFirstHandlerMapping;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class HandlerLookupIntegrationTests extends ApiIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Autowired
    private ApplicationContext context;

    @Test
    @DisplayName("every mapping of the application matches a request exactly as Spring's own test of all its conditions does")
    void matchesEveryMappingAsSpringDoes() {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
        PathFirstHandlerMapping pathFirst = (PathFirstHandlerMapping) mapping;
        Map<RequestMappingInfo, ?> mappings = mapping.getHandlerMethods();
        assertThat(mappings).hasSizeGreaterThan(50);
        int matched = 0;
        for (MockHttpServletRequest request : requests()) {
            for (RequestMappingInfo info : mappings.keySet()) {
                RequestMappingInfo expected = info.getMatchingCondition(request);
                assertThat(pathFirst.getMatchingMapping(info, request))
                        .as("%s %s?%s (Accept %s) against %s", request.getMethod(), request.getRequestURI(),
                                request.getQueryString(), request.getHeader("Accept"), info)
                        .isEqualTo(expected);
                matched += expected == null ? 0 : 1;
            }
        }
        assertThat(matched).as("requests that some mapping matches").isGreaterThanOrEqualTo(10);
    }

    @Test
    @DisplayName("a path no mapping has answers 404, a method no mapping of the path has 405, a type none produces 406")
    void answersThePartialMatchesAsBefore() throws Exception {
        getJson("/api/countries/FR").andExpect(status().isOk()).andExpect(jsonPath("$.code").value("FR"));
        getJson("/api/nothing/here").andExpect(status().isNotFound());
        mvc.perform(patch("/api/countries/FR").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/api/countries/FR")
                        .accept("image/png"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/api/countries")
                        .accept("text/csv"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"));
    }

    @Test
    @DisplayName("each path reaches the handler Spring's own lookup of all the mappings finds, escaped letters included")
    void findsTheHandlerSpringsLookupFinds() throws Exception {
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setContentNegotiationManager(mapping.getContentNegotiationManager());
        spring.setPatternParser(mapping.getPatternParser());
        context.getAutowireCapableBeanFactory().initializeBean(spring, "springsOwnHandlerMapping");
        assertThat(spring.getHandlerMethods()).hasSameSizeAs(mapping.getHandlerMethods());
        int found = 0;
        for (MockHttpServletRequest request : requests()) {
            HandlerExecutionChain expected = lookup(spring, request);
            HandlerExecutionChain actual = lookup(mapping, request);
            assertThat(actual == null ? null : actual.getHandler().toString())
                    .as("%s %s", request.getMethod(), request.getRequestURI())
                    .isEqualTo(expected == null ? null : expected.getHandler().toString());
            found += expected == null ? 0 : 1;
        }
        assertThat(found).as("requests that reach a handler").isGreaterThanOrEqualTo(10);
        mvc.perform(get(URI.create("/api/countr%69es/FR"))).andExpect(status().isOk()).andExpect(jsonPath("$.code").value("FR"));
    }

    @Test
    @DisplayName("the application's mappings are asked first, and the actuator's endpoints still answer")
    void asksTheApplicationsMappingsFirst() throws Exception {
        // as the DispatcherServlet orders them
        List<HandlerMapping> mappings = new ArrayList<>(context.getBeansOfType(HandlerMapping.class).values());
        AnnotationAwareOrderComparator.sort(mappings);
        assertThat(mappings).first().isSameAs(mapping);
        assertThat(mappings).anySatisfy(other -> assertThat(other.getClass().getName()).contains("Endpoint"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/nothing")).andExpect(status().isUnauthorized());
    }

    /** The handler the mapping finds for the request, or none, whether it found none or refused the request. */
    private static HandlerExecutionChain lookup(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        try {
            return mapping.getHandler(request);
        } catch (Exception refused) {
            return null;
        }
    }

    private static List<MockHttpServletRequest> requests() {
        return List.of(
                request("GET", "/api/countries/FR", null, null),
                request("GET", "/api/countries", "format=csv", null),
                request("GET", "/api/countries", null, "text/csv"),
                request("GET", "/api/countries", null, "application/problem+json"),
                request("PUT", "/api/countries/FR", null, null),
                request("GET", "/api/relations/US/FR", null, null),
                request("GET", "/api/relations/US/FR/timeline", "format=csv", null),
                request("GET", "/api/relations/US/FR/timeline", null, "image/png"),
                request("POST", "/api/relations/US/FR/events", null, null),
                request("DELETE", "/api/relations/US/FR/events/12", null, null),
                request("GET", "/api/relations", "country=US&asOf=1970-01-01", null),
                request("GET", "/api/relations/US/CU/observations", null, "text/csv"),
                request("GET", "/api/meetings", "country=US&country=FR", null),
                request("POST", "/api/meetings", null, "application/json"),
                request("GET", "/api/missions/7", null, null),
                request("POST", "/api/missions/7/open", null, null),
                request("GET", "/api/milestones", "status=OVERDUE", "text/csv"),
                request("GET", "/api/imports/3/rows", "outcome=REJECTED", null),
                request("GET", "/api/nothing/here", null, null),
                request("GET", "/admin", null, "text/html"),
                request("GET", "/error", null, null),
                request("GET", "/api/countr%69es/FR", null, null),
                request("GET", "/api/countries/", null, null),
                request("GET", "/", null, null));
    }

    private static MockHttpServletRequest request(String method, String path, String query, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (query != null) {
            request.setQueryString(query);
            for (String parameter : query.split("&")) {
                String[] nameValue = parameter.split("=", 2);
                request.addParameter(nameValue[0], nameValue[1]);
            }
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
