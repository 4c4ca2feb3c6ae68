package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

class RouteIndexTests {

    private static final List<String> PATTERNS = List.of("/", "/error", "/admin", "/admin/**", "/{*path}",
            "/api/countries", "/api/countries/{code}", "/api/relations/{a}/{b}", "/api/relations/{a}/{b}/timeline",
            "/api/{kind}/x", "/api/imports/{id}/rows", "/v3/api-docs", "/v3/api-docs/{group}", "/swagger-ui.html",
            "/api/c?untries", "/api/countries.{ext}", "/files/{name}.txt", "/api/*/list", "/api//double");

    private static final List<String> PATHS = List.of("/", "", "/error", "/admin", "/admin/", "/admin/map",
            "/api", "/api/", "/api/countries", "/api/countries/", "/api/countries/FR", "/api/relations/US/FR",
            "/api/relations/US/FR/timeline", "/api/xyz/x", "/api/countr%69es/FR", "/api/countries;x=1/FR",
            "//api/countries", "/api//countries", "/api//double", "/nothing", "/nothing/at/all", "/v3/api-docs",
            "/v3/api-docs/public", "/swagger-ui.html", "/api/countries.json", "/api/cXuntries", "/files/a.txt",
            "/api/imports/3/rows", "/api/meetings/list", "/error/");

    private final List<RequestMappingInfo> mappings = PATTERNS.stream()
            .map(pattern -> RequestMappingInfo.paths(pattern).build())
            .toList();
    private final RouteIndex index = RouteIndex.of(mappings);

    @Test
    @DisplayName("every mapping whose path pattern matches a path is among the path's candidates")
    void neverLeavesOutAMappingWhosePatternMatches() {
        int matches = 0;
        for (String path : PATHS) {
            Set<RequestMappingInfo> candidates = index.candidates(path);
            for (RequestMappingInfo mapping : mappings) {
                PathPattern pattern = mapping.getPathPatternsCondition().getFirstPattern();
                if (pattern.matches(PathContainer.parsePath(path))) {
                    matches++;
                    assertThat(candidates == null || candidates.contains(mapping))
                            .as("%s matches %s", pattern, path).isTrue();
                }
            }
        }
        assertThat(matches).as("pairs of path and matching pattern").isGreaterThan(PATHS.size());
    }

    @Test
    @DisplayName("the candidates of a path are the mappings whose literal first segments it begins with")
    void narrowsToTheMappingsOfTheFirstTwoSegments() {
        assertThat(patterns(index.candidates("/api/countries/FR"))).containsExactlyInAnyOrder("/{*path}", "/",
                "/api/countries", "/api/countries/{code}", "/api/{kind}/x", "/api/c?untries", "/api/countries.{ext}",
                "/api/*/list", "/api//double");
        assertThat(patterns(index.candidates("/api/relations/US/FR/timeline"))).doesNotContain(
                "/api/countries/{code}", "/admin/**", "/error").contains("/api/relations/{a}/{b}/timeline");
        assertThat(patterns(index.candidates("/nothing/at/all"))).containsExactlyInAnyOrder("/{*path}", "/");
        assertThat(patterns(index.candidates("/error"))).containsExactlyInAnyOrder("/{*path}", "/error", "/");
        assertThat(patterns(index.candidates("/admin/map"))).containsExactlyInAnyOrder("/{*path}", "/admin",
                "/admin/**", "/");
    }

    @Test
    @DisplayName("a path with an escape or a segment parameter has no candidates: every mapping is tested")
    void leavesEscapedPathsToEveryMapping() {
        assertThat(index.candidates("/api/countr%69es/FR")).isNull();
        assertThat(index.candidates("/api/countries;v=1/FR")).isNull();
    }

    @Test
    @DisplayName("the index for patterns that ignore case leaves every path to every mapping")
    void leavesEveryPathToEveryMappingWhenPatternsIgnoreCase() {
        assertThat(RouteIndex.everyMapping().candidates("/api/countries/FR")).isNull();
    }

    @Test
    @DisplayName("the literal prefix of a pattern stops at its first segment that is not plain text, or after two")
    void literalPrefixes() {
        assertThat(RouteIndex.literalPrefix("/api/countries/{code}")).isEqualTo("api/countries");
        assertThat(RouteIndex.literalPrefix("/api/{kind}/x")).isEqualTo("api");
        assertThat(RouteIndex.literalPrefix("/admin/**")).isEqualTo("admin");
        assertThat(RouteIndex.literalPrefix("/error")).isEqualTo("error");
        assertThat(RouteIndex.literalPrefix("/{*path}")).isEmpty();
        assertThat(RouteIndex.literalPrefix("/")).isEmpty();
        assertThat(RouteIndex.literalPrefix("/api/c?untries")).isEqualTo("api");
        assertThat(RouteIndex.literalPrefix("/api//double")).isEqualTo("api");
    }

    private static Set<String> patterns(Set<RequestMappingInfo> candidates) {
        return candidates.stream()
                .map(mapping -> mapping.getPathPatternsCondition().getFirstPattern().getPatternString())
                .collect(Collectors.toSet());
    }
}
