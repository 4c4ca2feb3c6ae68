package org.chancery.shared.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers Spring Security writes on every answer of the application, for the answers
 * written before its header filter runs or without it: a request the firewall refuses, what Tomcat
 * refuses before the application sees a request. Each is set where the answer has none; an answer that is no page
 * gets the API's Content-Security-Policy too (nothing in it may load, run or be framed).
 */
public final class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";
    /** The policy of the API's answers, and of every early refusal (a problem, no page). */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * The policy of the OpenAPI page (Swagger UI), which runs in the origin whose tabs keep the admin UI's
     * credentials: its scripts and calls from the application only, no plugins, no framing; styles it sets on its
     * elements and images it writes as {@code data:} URLs, as it draws them.
     */
    public static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    private static final String[][] HEADERS = {
            {"X-Content-Type-Options", "nosniff"},
            {"X-XSS-Protection", "0"},
            {"Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"},
            {"Pragma", "no-cache"},
            {"Expires", "0"},
            {"X-Frame-Options", "DENY"},
            {"Referrer-Policy", "same-origin"}};

    private SecurityHeaders() {
    }

    /** The headers of an answer that is no page (a problem), its policy included. */
    public static void addMissing(HttpServletResponse response) {
        addMissingOfAPage(response);
        if (!response.containsHeader(CSP)) {
            response.setHeader(CSP, API_POLICY);
        }
    }

    /** The headers of a page, whose policy the page's own handler sets (the admin UI's). */
    public static void addMissingOfAPage(HttpServletResponse response) {
        for (String[] header : HEADERS) {
            if (!response.containsHeader(header[0])) {
                response.setHeader(header[0], header[1]);
            }
        }
    }
}
