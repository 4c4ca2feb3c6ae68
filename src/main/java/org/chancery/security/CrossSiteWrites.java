package org.chancery.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write that a page of another site made a browser send. Chancery keeps no session, but a
 * browser that was once asked for a user's password (a 401's {@code WWW-Authenticate: Basic}) sends it
 * again with every request to the site, also with a form another site's page submits: without this, such
 * a form could cancel a mission as that user. A write is refused when the browser says it comes from another
 * site ({@code Sec-Fetch-Site: cross-site} or {@code same-site}) or, from a browser that does not say (one
 * reading a page over plain HTTP from another host than localhost), when its {@code Origin} names another host
 * than the request's ({@code Host}, the first {@code X-Forwarded-Host}, or the server's name and port as Spring
 * reads them); unless its origin is one of {@code chancery.cors.allowed-origins} (or that is {@code *}), which
 * CORS has checked. Clients that are not browsers send neither header and are not concerned.
 */
final class CrossSiteWrites extends OncePerRequestFilter {

    /** What the refusal answers, given the request, the response and the origin named (null if none is). */
    @FunctionalInterface
    interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, String origin) throws IOException;
    }

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;
    private final Refusal refusal;

    CrossSiteWrites(List<String> allowedOrigins, Refusal refusal) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossSiteWrites::normalized).toList();
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && fromAnotherSite(request)) {
            refusal.write(request, response, request.getHeader(HttpHeaders.ORIGIN));
            return;
        }
        chain.doFilter(request, response);
    }

    boolean fromAnotherSite(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && (allowedOrigins.contains("*") || allowedOrigins.contains(normalized(origin)))) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String said = site.trim().toLowerCase(Locale.ROOT);
            return said.equals("cross-site") || said.equals("same-site");
        }
        return origin != null && !namesTheRequestsHost(request, origin);
    }

    /**
     * Whether the origin names the host the request was sent to: as the browser named it ({@code Host}), as a proxy
     * passed it on (the first {@code X-Forwarded-Host}), or as Spring reads it
     * ({@code server.forward-headers-strategy}); a scheme's own port is the same as none. Not for {@code Origin: null} (a sandboxed page's or a file's).
     */
    static boolean namesTheRequestsHost(HttpServletRequest request, String origin) {
        URI page;
        try {
            page = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (page.getRawAuthority() == null) {
            return false;
        }
        String scheme = String.valueOf(page.getScheme());
        String authority = withoutDefaultPort(page.getRawAuthority(), scheme);
        String host = request.getHeader(HttpHeaders.HOST);
        String forwarded = request.getHeader("X-Forwarded-Host");
        return host != null && authority.equalsIgnoreCase(withoutDefaultPort(host.trim(), scheme))
                || forwarded != null && authority.equalsIgnoreCase(withoutDefaultPort(forwarded.split(",")[0].trim(), scheme))
                || authority.equalsIgnoreCase(withoutDefaultPort(request.getServerName() + ":" + request.getServerPort(),
                        scheme));
    }

    /** {@code host:80} as {@code host} for http, {@code host:443} for https, as an Origin names them. */
    private static String withoutDefaultPort(String authority, String scheme) {
        String port = "https".equalsIgnoreCase(scheme) ? ":443" : "http".equalsIgnoreCase(scheme) ? ":80" : null;
        return port != null && authority.endsWith(port) ? authority.substring(0, authority.length() - port.length())
                : authority;
    }

    private static String normalized(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
