package org.chancery.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

/**
 * The CORS headers of an answer written before the CORS filter runs — a body over
 * {@code chancery.max-request-size}, a request the firewall refuses — for a cross-origin request from an allowed
 * origin: without them the browser keeps the problem (and its {@code X-Request-Id}) from the page that asked. A
 * preflight is not answered here: the CORS filter checks its method and headers.
 */
@Component
public class EarlyCorsHeaders {

    private final ObjectProvider<CorsConfigurationSource> sources;

    EarlyCorsHeaders(@Qualifier("corsConfigurationSource") ObjectProvider<CorsConfigurationSource> sources) {
        this.sources = sources;
    }

    public void addAllowed(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        CorsConfigurationSource source = sources.getIfAvailable();
        if (origin == null || source == null || CorsUtils.isPreFlightRequest(request)
                || response.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            return;
        }
        CorsConfiguration configuration;
        try {
            configuration = source.getCorsConfiguration(request);
        } catch (RuntimeException unreadablePath) {
            return; // a path the firewall refused may not be matched against the configuration's patterns
        }
        String allowed = configuration == null ? null : configuration.checkOrigin(origin);
        if (allowed == null) {
            return;
        }
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (configuration.getExposedHeaders() != null && !configuration.getExposedHeaders().isEmpty()) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                    String.join(", ", configuration.getExposedHeaders()));
        }
    }
}
