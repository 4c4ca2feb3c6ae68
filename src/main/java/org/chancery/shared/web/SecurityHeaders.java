package org.chancery.shared.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers Spring Security writes on every answer of the application, for the answers
 * written before its header filter runs or without it: a request the firewall refuses, what Tomcat
 * refuses before the application sees a request. Each is set where the answer has none.
 */
public final class SecurityHeaders {

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

    public static void addMissing(HttpServletResponse response) {
        for (String[] header : HEADERS) {
            if (!response.containsHeader(header[0])) {
                response.setHeader(header[0], header[1]);
            }
        }
    }
}
