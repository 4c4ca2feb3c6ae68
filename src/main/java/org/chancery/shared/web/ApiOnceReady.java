package org.chancery.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;

/**
 * The API answers once the application is ready. The server listens before that: the data of the profiles
 * {@code demo}, {@code history} and {@code bench} is loaded after it starts (at a first start 20–30 s on two cores),
 * and a read meanwhile answered 200 with the data half loaded (the Cuba–South Korea relation {@code NONE}, without
 * its events). Until the application is ready, a request under {@code /api/} is 503 {@code SERVICE_UNAVAILABLE}
 * with {@code Retry-After}, and nothing is read or written; the admin UI's files, the OpenAPI document, the health
 * probes (readiness {@code OUT_OF_SERVICE}, as before) and the reads of the import jobs (the history's load is one:
 * how far it is) answer. Once ready, it stays so: a server shutting down finishes its requests as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after the request log, CORS and the size limit
class ApiOnceReady extends OncePerRequestFilter implements ApplicationListener<ApplicationReadyEvent> {

    private static final String API = "/api";
    /** Read while the application starts: the jobs of the loads (the history's) tell how far they are. */
    private static final String IMPORTS = "/api/imports";
    private static final String RETRY_AFTER_SECONDS = "5";

    private final HandlerExceptionResolver resolver;
    private volatile boolean ready;

    ApiOnceReady(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ready = true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (ready) {
            return true;
        }
        // decoded, as the handler mappings match it: /%61pi/… is /api/…
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        boolean readsImports = (path.equals(IMPORTS) || path.startsWith(IMPORTS + "/"))
                && (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()));
        return readsImports || !path.equals(API) && !path.startsWith(API + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready) {
            chain.doFilter(request, response);
            return;
        }
        ErrorResponseException starting = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Chancery is starting: it loads "
                        + "its data before it answers (a first start with the demo and history data takes about "
                        + "20–30 s); nothing was read or changed. Retry in a few seconds (the import jobs, "
                        + "GET /api/imports, answer meanwhile)."), null);
        starting.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        // answered before Spring Security's header filter runs: the headers of every answer
        SecurityHeaders.addMissing(response);
        resolver.resolveException(request, response, null, starting);
    }
}
