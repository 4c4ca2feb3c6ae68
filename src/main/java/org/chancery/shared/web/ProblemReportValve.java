package org.chancery.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.RequestDispatcher;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for what it refuses before the application sees a request (an invalid
 * %-escape or a {@code %00} in the path, headers too large…): the same problem details as every
 * other error, instead of Tomcat's HTML page, logged and timed as every request is ({@link RequestLog}), with the
 * CORS headers of an allowed origin (the CORS filter has not run).
 */
class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Adds the headers of an allowed origin's request, and refuses nothing: the answer is Tomcat's. */
    private static final CorsProcessor ALLOWED_ORIGINS = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
        }
    };

    /** The request log, once the application has made it; none for a valve Tomcat makes by class name. */
    private final Supplier<RequestLog> requests;
    /** The CORS configuration, likewise. */
    private final Supplier<CorsConfigurationSource> cors;

    ProblemReportValve() {
        this(() -> null, () -> null);
    }

    ProblemReportValve(Supplier<RequestLog> requests, Supplier<CorsConfigurationSource> cors) {
        this.requests = requests;
        this.cors = cors;
    }

    /** The path as the client sent it, where it is a valid URI reference; else the root. */
    private static String instance(String path) {
        try {
            return path == null ? "/" : java.net.URI.create(path).toString();
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
    }

    /** The CORS headers of an allowed origin: the CORS filter has not run. */
    private void allowOrigin(Request request, Response response) {
        CorsConfigurationSource origins = cors.get();
        if (origins == null) {
            return;
        }
        try {
            ALLOWED_ORIGINS.processRequest(origins.getCorsConfiguration(request), request, response);
        } catch (IOException notWritten) {
            // the processor only sets headers of the answer, which nothing has written yet
            throw new UncheckedIOException(notWritten);
        }
    }

    /** What the server could not take in a request it refused before reading it. */
    static String detail(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String reason = resolved == null ? "The request failed" : resolved.getReasonPhrase();
        return reason + switch (status) {
            case 501 -> ": the server does not implement the request's method or Transfer-Encoding (it takes "
                    + "chunked, or a Content-Length).";
            case 505 -> ": the server speaks HTTP/1.1 and HTTP/1.0, not the request's version.";
            default -> ": the server refused the request before reading it (a malformed path or headers).";
        };
    }

    /**
     * Whether the answer goes out as HTTP/0.9's, a body alone: a request line without a version, read as one. A request
     * line Tomcat could not read (a version of {@code http/1.1} or {@code XYZ/1.1}, a space in the path) leaves the
     * protocol empty too, but is answered with a status line and headers: Tomcat's refusal of it carries the reason.
     */
    private static boolean http09(Request request) {
        return RequestSizeLimit.withoutVersion(request.getProtocol())
                && request.getCoyoteRequest().getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // a request the application saw is logged by RequestLog, under the id it gave it
        Object logged = request.getAttribute(RequestLog.REQUEST_ID);
        String id = logged != null ? logged.toString() : RequestLog.accepted(request.getHeader(RequestLog.HEADER));
        MDC.put(RequestLog.REQUEST_ID, id);
        try {
            String detail = detail(status);
            var problem = Problems.of(HttpStatus.valueOf(status), ProblemCode.forStatus(status).name(), detail,
                    instance(request.getRequestURI()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestLog.HEADER, id);
            SecurityHeaders.addMissing(response);
            allowOrigin(request, response);
            try (Writer writer = response.getReporter()) {
                // HTTP/0.9 has no status or headers: a problem would be a body without them, so it gets nothing
                if (writer != null && !http09(request)) {
                    writer.write(JSON.writeValueAsString(Problems.asMap(problem)));
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, e);
            }
            RequestLog log = requests.get();
            if (logged == null && log != null) {
                long started = request.getCoyoteRequest().getStartTimeNanos();
                log.refusedByServer(request.getMethod(), request.getRequestURI(), status,
                        started != -1 ? System.nanoTime() - started : 0, id);
            }
        } finally {
            MDC.remove(RequestLog.REQUEST_ID);
        }
    }
}
