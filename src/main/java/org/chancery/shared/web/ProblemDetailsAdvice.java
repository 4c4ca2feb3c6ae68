package org.chancery.shared.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.chancery.shared.AlreadyExistsException;
import org.chancery.shared.BrokenConstraints;
import org.chancery.shared.ConflictException;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.JsonMistakes;
import org.chancery.shared.LostConnections;
import org.chancery.shared.MalformedRequestException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.PayloadTooLargeException;
import org.chancery.shared.ReadOnlyDatabases;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.StorableValues;
import org.chancery.shared.TextLengths;
import org.chancery.shared.UnavailableException;
import org.chancery.shared.VersionMismatchException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become answers: RFC 9457 problem details with the stable
 * {@code code} of API.md, for the application's own exceptions and for the framework's (bad JSON,
 * bad parameters, unknown paths, wrong methods and media types). Nothing technical leaks: no
 * stack trace, class name or SQL.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** How long a client asked to try again later waits (the database busy, the server stopping). */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final MeterRegistry meters;
    private final ReadOnlyDatabases readOnlyDatabases;

    ProblemDetailsAdvice(MeterRegistry meters, ReadOnlyDatabases readOnlyDatabases) {
        this.meters = meters;
        this.readOnlyDatabases = readOnlyDatabases;
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e, HttpServletRequest request) {
        Rule rule = e.rule();
        if (isWrite(request)) {
            Counter.builder("chancery.rule.refusals").description("Writes sent to the API that a rule refused")
                    .tags("rule", rule.id(), "code", rule.code()).register(meters).increment();
        }
        ProblemDetail problem = Problems.of(rule.status(), rule.code(), e.getMessage(), request.getRequestURI());
        problem.setProperty("rule", rule.id());
        return answer(problem);
    }

    /** Whether the request asked for a change: reads that a rule answers (R4 for a pair of one country) are not refused writes. */
    private static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(ProblemCode.NOT_FOUND, e.getMessage(), request);
    }

    /**
     * Spring Security's firewall also checks a request's parameters as they are first read (a name
     * holding a control character): refused as the firewall refuses the rest, without the text.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return answer(ProblemCode.MALFORMED_REQUEST, "The request is not acceptable: a parameter's name or value "
                + "holds a control character.", request);
    }

    @ExceptionHandler(AlreadyExistsException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AlreadyExistsException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemCode.ALREADY_EXISTS.status(), ProblemCode.ALREADY_EXISTS.name(),
                e.getMessage(), request.getRequestURI());
        return answer(e.fields().isEmpty() ? problem
                : Problems.withErrors(problem, e.fields().stream().map(field -> Problems.error(field, "is taken")).toList()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return answer(ProblemCode.PAYLOAD_TOO_LARGE, e.getMessage(), request);
    }

    /** The server's fault, not the client's: an operator mends it, so it is logged as an error (without a trace). */
    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e, HttpServletRequest request) {
        log.error("{} {}: {} ({})", request.getMethod(), request.getRequestURI(), e.getMessage(),
                e.getCause() == null ? "no cause" : e.getCause().toString());
        return answer(ProblemCode.SERVICE_UNAVAILABLE, e.getMessage(), request);
    }

    @ExceptionHandler(VersionMismatchException.class)
    ResponseEntity<ProblemDetail> versionMismatch(VersionMismatchException e, HttpServletRequest request) {
        return answer(ProblemCode.VERSION_MISMATCH, e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.errors().stream()
                .map(error -> Problems.error(error.field(), error.message()))
                .toList();
        return validationFailed(errors, request.getRequestURI());
    }

    @ExceptionHandler(MalformedRequestException.class)
    ResponseEntity<ProblemDetail> malformed(MalformedRequestException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST.name(), e.getMessage(),
                request.getRequestURI());
        return answer(Problems.withErrors(problem, List.of(Problems.error(e.parameter(), e.reason()))));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException e, HttpServletRequest request) {
        // Tomcat's words for its limit on the number of parameters (server.tomcat.max-parameter-count)
        boolean tooMany = String.valueOf(e.getMessage()).contains("maximum number of request parameters");
        return answer(ProblemCode.MALFORMED_REQUEST, tooMany
                ? "The request has more query parameters than the server accepts."
                : "The query string cannot be decoded (a bad %-escape or encoding).", request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Problems.error(withoutMethodName(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationFailed(errors, request.getRequestURI());
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<ProblemDetail> unknownSortProperty(PropertyReferenceException e, HttpServletRequest request) {
        return validationFailed(List.of(Problems.error("sort", "cannot sort by '" + e.getPropertyName() + "'")),
                request.getRequestURI());
    }

    /**
     * A lock not granted in time: a write met a concurrent one (409, read again and retry); a read (the change feed
     * numbering what was committed, a table an administrator or a migration holds) changed nothing and conflicts
     * with nothing, so the database was busy: a 503 with {@code Retry-After}.
     */
    @ExceptionHandler({ConcurrencyFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e, HttpServletRequest request) {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            log.info("Read held up by concurrent writes on {}: {}", request.getRequestURI(), e.toString());
            return retryLater("What this read needs was held by concurrent writes for too long; nothing was "
                    + "changed. Retry in a few seconds.", request);
        }
        log.info("Concurrent change refused on {}: {}", request.getRequestURI(), e.toString());
        return answer(ProblemCode.CONCURRENT_MODIFICATION,
                "The resource was changed by a concurrent request; read it again and retry.", request);
    }

    /**
     * A write the database refused that no check before it did: a value it cannot store is the input's fault (400,
     * on the body, as every validation failure names a field); a broken constraint conflicts with recorded facts
     * (R20's 409), and is logged as a warning naming the constraint, for a check that should have refused the write
     * first, with the rule's own code, is missing.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrityViolated(DataIntegrityViolationException e, HttpServletRequest request) {
        if (StorableValues.refusedByTheDatabase(e)) {
            log.info("Value refused by the database on {}: {}", request.getRequestURI(),
                    e.getMostSpecificCause().toString());
            return validationFailed(List.of(Problems.error("body", StorableValues.REFUSED_VALUE)),
                    request.getRequestURI());
        }
        log.warn("Write refused by a database constraint that no check caught first, {}, on {} {}: {}",
                BrokenConstraints.described(e), request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().toString());
        Rule rule = Rule.R20_CONFLICTS_WITH_RECORDED_FACTS;
        ProblemDetail problem = Problems.of(rule.status(), rule.code(),
                "The write conflicts with recorded facts (a constraint of the database refused it).",
                request.getRequestURI());
        problem.setProperty("rule", rule.id());
        return answer(problem);
    }

    /**
     * The database gave no connection in time (every one of the pool busy, the server down or restarting): the
     * request may well succeed a little later, so a 503 with {@code Retry-After}, logged without a stack trace, not
     * a 500. Nothing was written.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(NestedRuntimeException e, HttpServletRequest request) {
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().toString());
        return retryLater("No connection to the database could be had in time (every one busy, or the database "
                + "unreachable); nothing was changed. Retry in a few seconds.", request);
    }

    /**
     * The database refused a write because it takes none now (made read-only for maintenance, a standby after a
     * failover): a 503 with {@code Retry-After}, logged without a stack trace, not a 500. Nothing was written; the
     * pool's sessions are renewed, which PostgreSQL keeps read-only after the database takes writes again. Told by
     * the SQL state of a cause and the database's own setting ({@link ReadOnlyDatabases}), in {@link #unexpected}:
     * neither Hibernate nor Spring names it.
     */
    ResponseEntity<ProblemDetail> databaseReadOnly(Exception e, HttpServletRequest request) {
        readOnlyDatabases.renewSessions();
        log.warn("Database read-only for {} {}: {}", request.getMethod(), request.getRequestURI(),
                (e instanceof NestedRuntimeException nested ? nested.getMostSpecificCause() : e).toString());
        return retryLater("The database takes no writes at the moment (it is read-only: under maintenance, or a "
                + "standby); nothing was changed. Retry later.", request);
    }

    /**
     * The request's connection to the database was lost while it ran (the database restarting, an administrator
     * ending the session, the network): a 503 with {@code Retry-After}, logged without a stack trace, not a 500. The
     * database rolls back what the connection had not committed; a write cut off during its commit may have been
     * done, which the detail says. The rollback that follows a failed statement fails on the closed connection too
     * and overrides its error with a {@code JpaSystemException}: the lost connection is told by the SQL state of a
     * cause ({@link LostConnections}), in {@link #unexpected}.
     */
    ResponseEntity<ProblemDetail> connectionLost(Exception e, HttpServletRequest request) {
        log.warn("Database connection lost during {} {}: {}", request.getMethod(), request.getRequestURI(),
                (e instanceof NestedRuntimeException nested ? nested.getMostSpecificCause() : e).toString());
        return retryLater("The connection to the database was lost while the request ran: what it had not "
                + "committed is not done (a write cut off as it committed may be: read before sending it again). "
                + "Retry in a few seconds.", request);
    }

    /**
     * A statement the database cancelled for its time limit ({@code statement_timeout} on PostgreSQL): a 503
     * without {@code Retry-After}, since the same request would likely take as long again. Nothing was written.
     */
    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> databaseTooSlow(QueryTimeoutException e, HttpServletRequest request) {
        log.warn("Statement timed out for {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().toString());
        return answer(ProblemCode.SERVICE_UNAVAILABLE,
                "The database did not finish the request within its time limit; nothing was changed.", request);
    }

    /** As many long exports as the server reads at once are under way: a 503 to send again in a few seconds. */
    @ExceptionHandler(ExportsBusy.class)
    ResponseEntity<ProblemDetail> exportsBusy(ExportsBusy e, HttpServletRequest request) {
        log.warn("Refused, busy: {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return retryLater(e.getMessage(), request);
    }

    /**
     * Work handed to an executor that the stopping server has shut down (an import started after the graceful
     * shutdown's wait): a 503 with {@code Retry-After}, to be sent again to a server that is up. An import so refused
     * is failed as abandoned by the next start, its upload deleted there.
     */
    @ExceptionHandler(RejectedExecutionException.class)
    ResponseEntity<ProblemDetail> stopping(RejectedExecutionException e, HttpServletRequest request) {
        log.warn("Refused while stopping: {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return retryLater("The server is stopping; send the request again in a few seconds.", request);
    }

    /** A 503 {@code SERVICE_UNAVAILABLE} that asks the client to send the request again in a few seconds. */
    private static ResponseEntity<ProblemDetail> retryLater(String detail, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(ProblemCode.SERVICE_UNAVAILABLE, detail, request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(answer.getBody());
    }

    /**
     * An error no other handler answers: a 500, logged with its stack trace. A client that went
     * away while its answer was written (the admin UI cancels the requests of a map day it has
     * moved past) is no error of the server's: no answer can reach it, and it is logged at debug.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        if (LostConnections.lost(e)) {
            return connectionLost(e, request);
        }
        if (readOnlyDatabases.refusedWrite(e)) {
            return databaseReadOnly(e, request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        request.setAttribute(RequestLog.UNEXPECTED_ERROR, e);
        return answer(ProblemCode.INTERNAL_ERROR, "An unexpected error occurred; it has been logged.", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Problems.error(error.getField(), message(error)));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(Problems.error(error.getObjectName(), message(error))));
        return body(validationFailed(inFixedOrder(errors), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(Problems.error(
                    error instanceof FieldError fe ? fe.getField() : name, message(error))));
        });
        return body(validationFailed(inFixedOrder(errors), path(request)));
    }

    /**
     * Bean Validation reports a request's violations in no fixed order (a hash set's): sorted by field, then
     * message, the same request gets the same answer every time.
     */
    private static List<Map<String, String>> inFixedOrder(List<Map<String, String>> errors) {
        Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        return errors.stream().sorted(Comparator.comparing((Map<String, String> error) -> error.get("field"),
                Comparator.nullsFirst(ProblemDetailsAdvice::compareFields))
                .thenComparing(error -> error.get("message"), text)).toList();
    }

    /** Field paths in reading order: an index as a number ({@code sources[2]} before {@code sources[10]}). */
    static int compareFields(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (digit(a.charAt(i)) && digit(b.charAt(j))) {
                int endA = i;
                int endB = j;
                while (endA < a.length() && digit(a.charAt(endA))) {
                    endA++;
                }
                while (endB < b.length() && digit(b.charAt(endB))) {
                    endB++;
                }
                int order = new BigInteger(a.substring(i, endA)).compareTo(new BigInteger(b.substring(j, endB)));
                if (order != 0) {
                    return order;
                }
                i = endA;
                j = endB;
            } else if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            } else {
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(validationFailed(List.of(Problems.error(e.getParameterName(), "is required")), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        if (TextArguments.holdsNul(e.getValue())) {
            return body(validationFailed(List.of(Problems.error(name, StorableValues.NUL_REFUSED)), path(request)));
        }
        if (TextArguments.givenMoreThanOnce(e.getValue())) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST.name(),
                    "Parameter '" + name + "' " + TextArguments.GIVEN_MORE_THAN_ONCE + ".", path(request));
            return body(answer(Problems.withErrors(problem,
                    List.of(Problems.error(name, TextArguments.GIVEN_MORE_THAN_ONCE)))));
        }
        String expected = JsonMistakes.expectedForm(e.getRequiredType());
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            // a value the list of a parameter's values does not have: a bad enum (API.md), as in a request's body
            // (the value not repeated: a form shows the message beside it, as the change feed's kind)
            return body(validationFailed(List.of(Problems.error(name, "must be one of "
                    + Arrays.stream(e.getRequiredType().getEnumConstants()).map(String::valueOf)
                            .collect(Collectors.joining(", ")))), path(request)));
        }
        String detail = "Parameter '" + name + "' cannot be parsed: '" + TextArguments.asGiven(e.getValue()) + "'"
                + expected + ".";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST.name(), detail,
                path(request));
        Problems.withErrors(problem, List.of(Problems.error(name, "cannot be parsed" + expected)));
        return body(answer(problem));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable reason = e.getCause(); reason != null; reason = reason.getCause()) {
            if (reason instanceof PayloadTooLargeException tooLarge) {
                return body(answer(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), path(request)));
            }
            if (reason instanceof WellFormedUtf8Bodies.MalformedUtf8Exception notUtf8) {
                return body(answer(ProblemCode.MALFORMED_REQUEST, notUtf8.getMessage(), path(request)));
            }
        }
        Throwable cause = e.getCause();
        if ((cause instanceof DatabindException && !(cause instanceof UnrecognizedPropertyException)
                || cause instanceof InputCoercionException) && !((JacksonException) cause).getPath().isEmpty()) {
            JacksonException mistake = (JacksonException) cause;
            String field = JsonMistakes.fieldPath(mistake.getPath());
            return body(validationFailed(List.of(Problems.error(field, JsonMistakes.ofValue(mistake))), path(request)));
        }
        String named = cause instanceof JacksonException read ? JsonMistakes.nameGivenTwice(read) : null;
        if (named != null) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST.name(),
                    "The request body names the property '" + named + "' twice; each property is given once.",
                    path(request));
            return body(answer(Problems.withErrors(problem, List.of(Problems.error(named, "is given twice")))));
        }
        String mistake = cause instanceof JacksonException read ? JsonMistakes.ofBody(read) : null;
        String detail = mistake != null ? "The request body " + mistake + "."
                : cause instanceof JacksonException
                        ? "The request body is not valid JSON or does not have the expected shape."
                        : "The request body is missing or cannot be read as JSON.";
        return body(answer(ProblemCode.MALFORMED_REQUEST, detail, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return noResource(request);
    }

    /** A path no handler takes (no static file is served but the admin UI's, whose handler answers the above). */
    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return noResource(request);
    }

    private ResponseEntity<Object> noResource(WebRequest request) {
        return body(answer(ProblemCode.NOT_FOUND, "There is no resource at " + path(request) + ".", path(request)));
    }

    /**
     * A method the path does not take: its methods in {@code Allow} and the detail, sorted (Spring lists them in the
     * order its mappings were registered, which differs between starts), with {@code HEAD} where {@code GET} is
     * and {@code OPTIONS}, which every path answers, as an {@code OPTIONS} request of the path lists them.
     */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Set<HttpMethod> allowed = new TreeSet<>(Comparator.comparing(HttpMethod::name));
        allowed.addAll(headers.getAllow());
        if (!allowed.isEmpty()) {
            if (allowed.contains(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD);
            }
            allowed.add(HttpMethod.OPTIONS);
        }
        String methods = allowed.isEmpty() ? "." : "; allowed: " + allowed.stream().map(HttpMethod::name).toList() + ".";
        ResponseEntity<ProblemDetail> answer = answer(ProblemCode.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not allowed here" + methods, path(request));
        HttpHeaders withAllow = new HttpHeaders();
        withAllow.putAll(headers);
        withAllow.setAllow(allowed);
        return ResponseEntity.status(answer.getStatusCode()).headers(withAllow)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }

    /** Spring's detail for a Content-Type it cannot parse (its message says why: an unknown charset…). */
    private static final String UNREADABLE_TYPE = "Could not parse Content-Type.";

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String said = e.getBody().getDetail();
        boolean unreadable = UNREADABLE_TYPE.equals(said);
        if (said == null || !said.startsWith("Content-Type '") && !unreadable) {
            // a detail of the application's own (an import file without one, a body where none is read)
            return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
        }
        // Spring's own, "Content-Type 'null' is not supported": what the endpoint takes, and for a form, how to send
        String takes = e.getSupportedMediaTypes().isEmpty() ? "" : "; this endpoint takes " + e.getSupportedMediaTypes()
                .stream().map(MediaType::toString).sorted().reduce((a, b) -> a + ", " + b).orElseThrow();
        MediaType sent = e.getContentType();
        int reason = String.valueOf(e.getMessage()).lastIndexOf("\": ");
        String detail = unreadable && reason >= 0 ? "The request's Content-Type cannot be read: "
                + e.getMessage().substring(reason + 3) + takes + "."
                : sent == null ? "The request's Content-Type is empty or not a media type" + takes + "."
                : "Content-Type " + sent.getType() + "/" + sent.getSubtype() + " is not supported here" + takes + "."
                        + (sent.getType().equals("multipart") || MediaType.APPLICATION_FORM_URLENCODED
                        .equalsTypeAndSubtype(sent) ? " A form's fields are not read: send the body itself (as curl "
                        + "--data-binary @file does)." : "");
        ResponseEntity<ProblemDetail> answer = answer(ProblemCode.UNSUPPORTED_MEDIA_TYPE, detail, path(request));
        return ResponseEntity.status(answer.getStatusCode()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }

    /** Every other framework answer: same shape, code from the status, Spring's own (safe) detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail given = body instanceof ProblemDetail p ? p
                : e instanceof ErrorResponse response ? response.getBody() : null;
        String detail = given != null && given.getDetail() != null ? given.getDetail()
                : HttpStatus.valueOf(statusCode.value()).getReasonPhrase();
        if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            // Spring lists them in the order its handler methods were registered, which varies between starts
            detail = "Acceptable representations: " + notAcceptable.getSupportedMediaTypes().stream()
                    .map(MediaType::toString).sorted().toList() + ".";
        }
        ProblemDetail problem = Problems.of(statusCode, ProblemCode.forStatus(statusCode.value()).name(), detail,
                path(request));
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> validationFailed(List<Map<String, String>> errors, String instance) {
        String detail = errors.isEmpty() ? "The request is invalid."
                : "The request is invalid: " + errors.stream()
                        .map(error -> error.get("field") + " " + error.get("message"))
                        .reduce((a, b) -> a + "; " + b).orElse("") + ".";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.VALIDATION_FAILED.name(), detail, instance);
        return answer(Problems.withErrors(problem, errors));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemCode code, String detail, HttpServletRequest request) {
        return answer(code, detail, request.getRequestURI());
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemCode code, String detail, String instance) {
        return answer(Problems.of(code.status(), code.name(), detail, instance));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> body(ResponseEntity<ProblemDetail> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String message(MessageSourceResolvable error) {
        // a text's @Size of Bean Validation's own words, in its unit (read from the constraint, not its words)
        if (error instanceof FieldError field && field.contains(ConstraintViolation.class)) {
            return TextLengths.message(field.unwrap(ConstraintViolation.class));
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** A parameter's path as the client names it: "list.size" (method, then parameter) is "size". */
    private static String withoutMethodName(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
