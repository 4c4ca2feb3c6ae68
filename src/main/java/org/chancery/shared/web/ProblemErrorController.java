package org.chancery.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what fails before Spring MVC sees a request (the servlet container, a filter) in the
 * same problem-details shape as everything else, instead of Spring Boot's default error page; a
 * request for {@code /error} itself is answered 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {"application/problem+json", "application/json", "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer)) {
            // asked for by its path: there is no such resource
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.NOT_FOUND, ProblemCode.NOT_FOUND.name(), "No resource at this path.",
                            request.getRequestURI()));
        }
        int status = (Integer) code;
        // Tomcat refused the request (a TRACE) before any filter saw it: the headers of every answer
        SecurityHeaders.addMissing(response);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus resolved = HttpStatus.resolve(status);
        String detail = resolved == null ? "The request failed." : resolved.getReasonPhrase() + ".";
        ProblemDetail problem = Problems.of(HttpStatus.valueOf(status), ProblemCode.forStatus(status).name(), detail,
                uri == null ? null : uri.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
