package org.chancery.shared.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request — method, route (the handler's path template where a handler took the
 * request), status, duration in milliseconds and request id — on the logger {@code chancery.requests},
 * and the request's {@code http.server.requests} timer ({@link HttpServerMetrics}), timed once for both. The request
 * id is the client's {@code X-Request-Id} if it is a plausible one (1 to 64 letters, digits and
 * {@code . _ : -}), else a new one; it is echoed in the response's {@code X-Request-Id}, kept in the
 * logging context ({@code requestId}) while the request runs, and every problem answer carries it.
 * An error answered without a body (the actuator's 404 for a health group it does not have) gets a
 * problem ({@link EmptyErrorAnswers}). What Tomcat refuses before any filter sees it is logged and
 * timed the same way by {@link ProblemReportValve}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLog extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** The logging context key, and the request attribute, of the request id. */
    public static final String REQUEST_ID = "requestId";
    /**
     * The request attribute of an unexpected error the advice answered 500: named in the timer's {@code exception}
     * tag, as one that escaped is.
     */
    static final String UNEXPECTED_ERROR = RequestLog.class.getName() + ".unexpectedError";

    private static final Logger log = LoggerFactory.getLogger("chancery.requests");

    private final HttpServerMetrics metrics;
    private final EmptyErrorAnswers emptyErrors;

    RequestLog(HttpServerMetrics metrics, EmptyErrorAnswers emptyErrors) {
        this.metrics = metrics;
        this.emptyErrors = emptyErrors;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean error = request.getDispatcherType() == DispatcherType.ERROR;
        if (error && request.getAttribute(REQUEST_ID) != null) {
            // the error page of a request logged below
            MDC.put(REQUEST_ID, request.getAttribute(REQUEST_ID).toString());
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(REQUEST_ID);
            }
            return;
        }
        // a request, or the error page of one Tomcat refused before any filter saw it (a TRACE)
        String id = accepted(request.getHeader(HEADER));
        request.setAttribute(REQUEST_ID, id);
        MDC.put(REQUEST_ID, id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        Throwable escaped = null;
        try {
            chain.doFilter(request, response);
            if (response.getStatus() >= 400 && response.getContentType() == null && !response.isCommitted()
                    && !request.isAsyncStarted() && !"HEAD".equals(request.getMethod())) {
                emptyErrors.answer(request, response);
            }
        } catch (IOException | ServletException | RuntimeException | Error e) {
            escaped = e;
            throw e;
        } finally {
            long nanos = System.nanoTime() - started;
            Object matched = error ? null : request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            // the handler of every path no other handler takes is no route: timed as NOT_FOUND, logged by its path
            Object route = CATCH_ALL.equals(matched) ? null : matched;
            int status = escaped != null && response.getStatus() < 400 ? 500 : response.getStatus();
            // an error page is dispatched as GET (Servlet 6.1): the method refused is kept aside
            Object refusedMethod = error ? request.getAttribute(RequestDispatcher.ERROR_METHOD) : null;
            String method = refusedMethod != null ? refusedMethod.toString() : request.getMethod();
            metrics.record(method, route, status,
                    escaped != null ? escaped : (Throwable) request.getAttribute(UNEXPECTED_ERROR), nanos);
            if (log.isInfoEnabled()) {
                // a path no handler takes has no route: the line names the path
                log.info(line(shortened(method, 20), route == null ? unrouted(request) : route.toString(), status,
                        nanos, id));
            }
            MDC.remove(REQUEST_ID);
        }
    }

    /**
     * Logs and times an answer Tomcat gave itself, before any filter saw the request ({@link
     * ProblemReportValve}): {@code method} and {@code path} may be null (a request line it could not read), the
     * path shown as {@code -} then.
     */
    void refusedByServer(String method, String path, int status, long nanos, String id) {
        String shown = method == null || method.isEmpty() ? "UNKNOWN" : method;
        metrics.record(shown, null, status, null, nanos);
        if (log.isInfoEnabled()) {
            log.info(line(shortened(shown, 20), path == null || path.isEmpty() ? "-" : shortened(path, 120), status,
                    nanos, id));
        }
    }

    private static String line(String method, String route, int status, long nanos, String id) {
        return method + " " + route + " " + status + " " + (nanos / 100_000 / 10.0) + " ms " + id;
    }

    /** The client's id if it is plausible, else a new one. */
    static String accepted(String header) {
        if (header != null && !header.isEmpty() && header.length() <= 64) {
            boolean plausible = true;
            for (int i = 0; i < header.length() && plausible; i++) {
                char c = header.charAt(i);
                plausible = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                        || c == '_' || c == ':' || c == '-';
            }
            if (plausible) {
                return header;
            }
        }
        return newId();
    }

    /** 128 random bits in hex: unique enough to find a request in the logs, and cheaper than a UUID's. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    /** The pattern of the handler of every path that no other handler takes (the admin UI's configuration). */
    private static final String CATCH_ALL = "/**";

    /** The path of a request no handler took, shortened: it is the client's text. */
    private static String unrouted(HttpServletRequest request) {
        Object refused = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return shortened(refused != null ? refused.toString() : request.getRequestURI(), 120);
    }

    /** The client's text (a path, a method: any token is one), cut to {@code length} characters. */
    private static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }
}
