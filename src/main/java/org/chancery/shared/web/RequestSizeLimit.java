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
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies above {@code chancery.max-request-size} (1 MB) with 413
 * {@code PAYLOAD_TOO_LARGE}: at once when the declared length is larger, and as soon as a body sent
 * without a length (chunked) grows larger while it is read. Import files have their own, larger
 * limit ({@code chancery.imports.max-size}) and are not counted here. The answer comes from the one
 * problem-details advice, through the handler exception resolvers, before anything is read or
 * authenticated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the request log and CORS
@EnableConfigurationProperties(RequestLimits.class)
class RequestSizeLimit extends OncePerRequestFilter {

    private static final String IMPORTS = "/api/imports";

    private final long limit;
    private final HandlerExceptionResolver resolver;

    RequestSizeLimit(RequestLimits limits, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.limit = limits.maxRequestSize().toBytes();
        this.resolver = resolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(IMPORTS) || path.startsWith(IMPORTS + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // answered before Spring Security's header filter runs: the headers of every answer
            SecurityHeaders.addMissing(response);
            resolver.resolveException(request, response, null, tooLarge());
            return;
        }
        chain.doFilter(declared < 0 ? new Limited(request, limit) : request, response);
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("The request body is larger than " + DataSize.ofBytes(limit).toKilobytes()
                + " KB (chancery.max-request-size).");
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
