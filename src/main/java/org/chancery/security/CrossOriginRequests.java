package org.chancery.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.chancery.shared.web.ProblemCode;
import org.chancery.shared.web.Problems;
import org.chancery.shared.web.RequestLog;
import org.chancery.shared.web.SecurityHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS for the origins of {@code chancery.cors.allowed-origins}, checked once for every request by a servlet filter
 * that runs right after the request log ({@link RequestLog}, its {@code X-Request-Id} on every answer): before the
 * request size limit and Spring Security's firewall, so that their refusals (413, 400) carry the headers an allowed
 * origin's page needs to read them, and before both security chains, which leave CORS to it. A cross-origin request
 * refused (its origin, method or headers not allowed) is answered as every error is, a problem with its code; that
 * refusal and a preflight, both answered here, carry the security headers of every answer. (What Tomcat refuses
 * before any filter runs, a malformed path, gets the headers of an allowed origin from its error report.)
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginRequests {

    /** Second of the servlet filters, after the request log and before the request size limit. */
    private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match",
                RequestLog.HEADER));
        cors.setExposedHeaders(List.of("Location", "ETag", "WWW-Authenticate", "Retry-After", "Content-Disposition",
                RequestLog.HEADER));
        cors.setMaxAge(3600L);
        // one configuration for every path, read without the path (which Tomcat's error report may not decode)
        return properties.cors().allowedOrigins().isEmpty() ? request -> null : request -> cors;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> crossOriginRequestsFilter(CorsConfigurationSource corsConfigurationSource,
            JsonMapper json) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new RefusingWithProblems(json));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        return registration;
    }

    /** CORS as Spring checks it, but a refusal is a problem, not a bare "Invalid CORS request". */
    private static final class RefusingWithProblems extends DefaultCorsProcessor {

        /** What a CORS answer varies with, as Spring names it on every answer it checks. */
        private static final List<String> VARY = List.of(HttpHeaders.ORIGIN,
                HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

        private final JsonMapper json;

        RefusingWithProblems(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean processRequest(@Nullable CorsConfiguration configuration, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
            if (CorsUtils.isPreFlightRequest(request)) {
                SecurityHeaders.addMissing(response); // answered here, accepted or not, without reaching the chains
            } else if (configuration != null && fromTheSitesOwnPage(request)) {
                for (String header : VARY) {
                    if (!response.getHeaders(HttpHeaders.VARY).contains(header)) {
                        response.addHeader(HttpHeaders.VARY, header);
                    }
                }
                return true;
            }
            return super.processRequest(configuration, request, new RefusedFor(request, response));
        }

        /**
         * Whether a page of Chancery's own site sent the request, though Spring, reading the scheme, host and port the
         * server was reached at, would see another origin (behind a proxy): the browser says so
         * ({@code Sec-Fetch-Site: same-origin}) or, where it does not say, its origin names the request's host as
         * {@link CrossSiteWrites} reads it. CORS is not for such a request: a proxy's origin need not be allowed.
         */
        private static boolean fromTheSitesOwnPage(HttpServletRequest request) {
            String site = request.getHeader("Sec-Fetch-Site");
            if (site != null) {
                return site.trim().equalsIgnoreCase("same-origin");
            }
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            return origin != null && CrossSiteWrites.namesTheRequestsHost(request, origin);
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            RefusedFor refused = (RefusedFor) ((ServletServerHttpResponse) response).getServletResponse();
            HttpServletResponse answer = (HttpServletResponse) refused.getResponse();
            SecurityHeaders.addMissing(answer);
            Problems.write(json, answer, Problems.of(ProblemCode.FORBIDDEN.status(), ProblemCode.FORBIDDEN.name(),
                    "The cross-origin request from " + refused.request.getHeader(HttpHeaders.ORIGIN) + " is refused: "
                            + "its origin, method or headers are not allowed (chancery.cors.allowed-origins).",
                    refused.request.getRequestURI()));
        }
    }

    /** The answer to a cross-origin request, knowing the request for the problem's {@code instance}. */
    private static final class RefusedFor extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        RefusedFor(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }
    }
}
