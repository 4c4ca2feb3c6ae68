package org.chancery.shared.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The {@code http.server.requests} timers, with the tags Spring Boot's observation filter gives them
 * ({@code method}, {@code uri} as the route template, {@code status}, {@code outcome},
 * {@code exception}, {@code error}), for the price of a map lookup per request: one timer per
 * combination, made once (the route templates, methods and statuses are few), where the observation
 * machinery built a context, its key values and a long-task sample for every request. {@link RequestLog}
 * times each request once and records it here; Spring Boot's observation filter is left out
 * ({@code spring.autoconfigure.exclude} in application.yml).
 */
@Component
class HttpServerMetrics {

    private static final String NAME = "http.server.requests";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private record Key(String method, String uri, int status, String exception) {
    }

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    HttpServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records a request that took {@code nanos}; {@code route} is its handler's path template, if any. */
    void record(String requestMethod, Object route, int status, Throwable escaped, long nanos) {
        String method = requestMethod != null && METHODS.contains(requestMethod) ? requestMethod : "UNKNOWN";
        String uri = route != null ? route.toString()
                : status == 404 ? "NOT_FOUND"
                : status >= 300 && status < 400 ? "REDIRECTION"
                : "UNKNOWN";
        String exception = escaped == null ? "none" : escaped.getClass().getSimpleName();
        timers.computeIfAbsent(new Key(method, uri, status, exception), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME)
                .description("Duration of HTTP server request handling")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", String.valueOf(key.status()))
                .tag("outcome", outcome(key.status()))
                .tag("exception", key.exception())
                .tag("error", key.exception())
                .register(registry);
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
