package org.chancery.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/** Strong entity tags carrying a resource's version; {@code If-Match} is read by {@link org.chancery.shared.VersionPrecondition}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * For a read of a resource of this version: true if the client's {@code If-None-Match} names it
     * (the answer is then 304, and the handler returns no body); sets its {@code ETag} and
     * {@code Cache-Control: no-cache} (revalidate before reuse) on the response either way, as a 304
     * carries the caching headers its 200 would (RFC 9110, 15.4.5). Set so rather than through a
     * {@code ResponseEntity}, whose handling flushes the response before it ends: a small answer then
     * goes out in one write, with a Content-Length, instead of two chunks.
     */
    public static boolean notModified(ServletWebRequest request, long version) {
        HttpServletResponse response = request.getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
            // "*" names any current representation (RFC 9110, 13.1.2), which Spring's check does not take
            String asked = request.getHeader(HttpHeaders.IF_NONE_MATCH);
            if (asked != null && asked.trim().equals("*")) {
                response.setHeader(HttpHeaders.ETAG, of(version));
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return true;
            }
        }
        return request.checkNotModified(of(version));
    }
}
