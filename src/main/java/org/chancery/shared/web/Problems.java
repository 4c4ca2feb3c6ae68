package org.chancery.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 answers of API.md: {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} and the stable {@code code}; validation answers add
 * {@code errors}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title(code));
        if (instance != null) {
            problem.setInstance(URI.create(instance.replace(" ", "%20")));
        }
        problem.setProperty("code", code);
        String requestId = MDC.get(RequestLog.REQUEST_ID);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    public static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /**
     * Writes a problem as the whole answer, for code that answers outside Spring MVC's handlers (a
     * security filter, a servlet filter): its status, {@code application/problem+json}, the body.
     */
    public static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The problem as a plain map, for writers outside Spring MVC (security filters). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        map.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    static URI type(String code) {
        return URI.create("urn:chancery:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
