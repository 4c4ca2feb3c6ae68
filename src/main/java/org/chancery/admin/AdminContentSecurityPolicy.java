package org.chancery.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The admin UI's Content-Security-Policy: scripts, styles, images and API calls from the
 * application's own origin only, and no inline script but the page's import map, allowed by its
 * hash (read from {@code index.html} at start, so the policy follows the page). The UI signs in
 * with HTTP Basic and keeps the credentials for the tab: a script injected into a page could read
 * them, and this policy refuses to run one. No module evaluates text as code (lit-html renders
 * tagged templates; d3 and topojson neither), and styles are set through the CSS object model, which
 * the policy allows.
 */
class AdminContentSecurityPolicy implements HandlerInterceptor {

    private static final String HEADER = "Content-Security-Policy";
    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final String policy;

    AdminContentSecurityPolicy() {
        this.policy = "default-src 'self'; script-src 'self' '" + importMapHash(page()) + "'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        response.setHeader(HEADER, policy);
        return true;
    }

    /** The CSP source of the page's import map: {@code sha256-} and the Base64 of its text's SHA-256. */
    static String importMapHash(String page) {
        Matcher importMap = IMPORT_MAP.matcher(page);
        if (!importMap.find()) {
            throw new IllegalStateException("static/admin/index.html has no import map");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String page() {
        try (InputStream in = new ClassPathResource("static/admin/index.html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("static/admin/index.html cannot be read", e);
        }
    }
}
