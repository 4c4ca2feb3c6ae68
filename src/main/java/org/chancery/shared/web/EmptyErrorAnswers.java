package org.chancery.shared.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem for an error a handler answered without a body: the actuator's endpoints answer an
 * unknown health group or metric with a bare 404, where every other error of the API is a problem.
 */
@Component
class EmptyErrorAnswers {

    private final JsonMapper json;

    EmptyErrorAnswers(JsonMapper json) {
        this.json = json;
    }

    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = response.getStatus();
        HttpStatus resolved = HttpStatus.resolve(status);
        String detail = status == 404 ? "No resource at this path."
                : (resolved == null ? "The request failed." : resolved.getReasonPhrase() + ".");
        Object refused = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = refused != null ? refused.toString() : request.getRequestURI();
        Problems.write(json, response, Problems.of(HttpStatusCode.valueOf(status), ProblemCode.forStatus(status).name(),
                detail, instance));
    }
}
