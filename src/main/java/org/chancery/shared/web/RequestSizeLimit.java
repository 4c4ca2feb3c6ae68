package org.chancery.shared.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.PayloadTooLargeException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies above {@code chancery.max-request-size} (1 MB) with 413
 * {@code PAYLOAD_TOO_LARGE}: at once when the declared length is larger, and as soon as a body sent
 * without a length (chunked) grows larger while it is read. Import files have their own, larger
 * limit ({@code chancery.imports.max-size}) and are not counted here; the import job's other paths are. A body in a
 * {@code Content-Encoding} other than {@code identity} (gzip…), which nothing would decode, is refused with 415
 * {@code UNSUPPORTED_MEDIA_TYPE} and {@code Accept-Encoding: identity} (RFC 9110, 15.5.16), import files included:
 * it was read as it came, a compressed body as text. The answer comes from the one problem-details advice, through
 * the handler exception resolvers, before anything is read or authenticated. A request of HTTP/0.9 (a request line
 * without a version), whose answer is its body alone, is answered 505 with nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the request log and CORS
@EnableConfigurationProperties(RequestLimits.class)
class RequestSizeLimit extends OncePerRequestFilter {

    private static final String IMPORTS = "/api/imports";
    private static final String HTTP_0_9 = "HTTP/0.9";

    private final long limit;
    private final HandlerExceptionResolver resolver;

    RequestSizeLimit(RequestLimits limits, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.limit = limits.maxRequestSize().toBytes();
        this.resolver = resolver;
    }

    /**
     * Whether a request is of HTTP/0.9: a request line without a version (Tomcat's protocol then is empty), whose
     * answer is its body alone, without a status, a type or the security headers ({@link ProblemReportValve} writes
     * none either).
     */
    static boolean withoutVersion(String protocol) {
        return protocol == null || protocol.isEmpty() || HTTP_0_9.equals(protocol);
    }

    /** Whether a request comes with a body: a length above 0, or chunks. */
    static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /**
     * Whether a request is an import's upload, a {@code POST} of {@code /api/imports}: the import's own limit counts
     * its file. The job's other paths (its list, rows, formats, cancellation) take no body and have the limit of
     * every request.
     */
    private static boolean isUpload(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).equals(IMPORTS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (withoutVersion(request.getProtocol())) {
            // served by Tomcat, its answer would be the body alone: refused as other versions are (505), committed
            // at once with nothing in it (an error page would be that body again)
            response.setStatus(HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value());
            response.setContentLength(0);
            response.flushBuffer();
            return;
        }
        long declared = request.getContentLengthLong();
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")
                && hasBody(request)) {
            SecurityHeaders.addMissing(response);
            resolver.resolveException(request, response, null, encoded(encoding));
            return;
        }
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (declared > limit) {
            // answered before Spring Security's header filter runs: the headers of every answer
            SecurityHeaders.addMissing(response);
            resolver.resolveException(request, response, null, tooLarge());
            return;
        }
        chain.doFilter(declared < 0 ? new Limited(request, limit) : request, response);
    }

    private static ErrorResponseException encoded(String encoding) {
        String shown = encoding.length() > 40 ? encoding.substring(0, 40) + "…" : encoding;
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body's "
                        + "Content-Encoding '" + shown + "' is not taken; send the body as it is (identity)."), null);
        refused.getHeaders().set(HttpHeaders.ACCEPT_ENCODING, "identity");
        return refused;
    }

    /** A limit as it was most likely configured: in MB or KB if it is a whole number of them, else in bytes. */
    static String shown(long bytes) {
        long kilobyte = DataSize.ofKilobytes(1).toBytes();
        long megabyte = DataSize.ofMegabytes(1).toBytes();
        return bytes % megabyte == 0 ? bytes / megabyte + " MB"
                : bytes % kilobyte == 0 ? bytes / kilobyte + " KB" : bytes + " bytes";
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("The request body is larger than " + shown(limit)
                + " (chancery.max-request-size).");
    }

    /** A request whose body, of unknown length, is counted while it is read. */
    private final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Counting(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
