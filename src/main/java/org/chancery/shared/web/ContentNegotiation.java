package org.chancery.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.MalformedRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request accepts, beyond its {@code Accept} header:
 * <ul>
 * <li>{@code format=csv} asks for a list's CSV answer as {@code Accept: text/csv} does (API.md 1.1),
 * {@code format=json} for its JSON whatever the {@code Accept} header says (the parameter, written
 * for this request, goes before a header a client may send with every request), in a read; other values of
 * {@code format} are left alone, and so is a write's {@code format} (the import endpoint names its input format
 * with the same parameter, so {@code format=csv} there is refused as a file format it does not know, and the other
 * writes refuse it as a parameter they do not take, not with a 406). The query
 * string is read as the servlet reads it (a name's escapes decoded), never the body of a form.</li>
 * <li>An answer to a read says it varies by {@code Accept} ({@code Vary}), which chooses between a list's CSV and
 * JSON, or a resource's JSON and a 406.</li>
 * <li>{@code Accept: application/problem+json} alone is acceptable everywhere: errors come in that
 * type, and a success answers JSON.</li>
 * <li>A type the header gives {@code q=0} is not acceptable.</li>
 * <li>Parameters of an accepted type other than {@code q} are set aside: JSON is UTF-8 (RFC 8259) and so is the CSV,
 * whatever {@code charset} a client asks for; Jackson's converter refused to write any other, a 500 after the
 * handler had run (and after a write had been committed), and echoed others ({@code v=2}) in the answer's type.</li>
 * <li>A read takes {@code format=csv} or {@code format=json} (or {@code format} left empty, as if not given, like
 * every filter: {@link TextArguments}), a list's CSV twin, which {@code Accept: text/csv} chooses, as well; any other
 * value is a {@code VALIDATION_FAILED}, not a JSON answer the client did not ask for (a resource's
 * {@code format=xml} was answered JSON, a list's refused).</li>
 * <li>An endpoint that reads no body (an action such as a mission's {@code cancel}, a read, a delete) ignores a
 * JSON one, as a client that always sends one may, but answers a body of another type 415 and one said to be JSON
 * that is not 400, as an endpoint that reads one does (API.md: a body that is not JSON): an image or {@code {not json}}
 * sent to {@code cancel} cancelled the mission.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ContentNegotiation implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> CSV = List.of(MediaType.parseMediaType(CsvLists.TEXT_CSV));

    /** JSON, and problem details, which errors come in. */
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private static final ContentNegotiationStrategy FORMAT_CSV = request -> {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        // the API's parameter (named in lower case, as every parameter is), not the OpenAPI document's or the UI's; a
        // read's: a write's answer is JSON, and a format it is given is a parameter it takes (the import's file
        // format) or refuses as any other it does not take (UnknownParameters: 400 naming it, not a 406)
        String query = servlet == null || !servlet.getRequestURI().startsWith("/api/") || !reads(servlet) ? null
                : servlet.getQueryString();
        if (query != null) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                // the name as the servlet reads it (%66ormat is format; format%20 is not)
                if (equals > 0 && unescaped(parameter.substring(0, equals)).equals("format")) {
                    String format = decoded(parameter.substring(equals + 1));
                    if (format.equalsIgnoreCase("csv")) {
                        return CSV;
                    }
                    if (format.equalsIgnoreCase("json")) {
                        return JSON;
                    }
                }
            }
        }
        return ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
    };

    /** Whether the request is a read, whose {@code format} names its answer's format. */
    private static boolean reads(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    /** The text with its %-escapes decoded (a {@code +} stays), as it is if one cannot be. */
    private static String unescaped(String text) {
        try {
            return UriUtils.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The value as sent, decoded and trimmed; empty if it cannot be decoded. */
    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8).trim();
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static final HeaderContentNegotiationStrategy HEADER = new HeaderContentNegotiationStrategy();

    /** What a request that refuses every type it names accepts: no answer, but its 406 as a problem. */
    private static final List<MediaType> ONLY_PROBLEMS = List.of(MediaType.APPLICATION_PROBLEM_JSON);

    /** The types the API answers in. */
    private static final List<MediaType> API_TYPES = List.of(MediaType.APPLICATION_JSON,
            MediaType.parseMediaType(CsvLists.TEXT_CSV), MediaType.APPLICATION_PROBLEM_JSON);

    private static final ContentNegotiationStrategy ACCEPT_WITH_PROBLEMS_AS_JSON = request -> {
        List<MediaType> header = HEADER.resolveMediaTypes(request);
        List<MediaType> accepted = withQualityOnly(withoutRefused(header));
        if (accepted.isEmpty()) {
            return ONLY_PROBLEMS;
        }
        for (MediaType type : accepted) {
            if (MediaType.APPLICATION_PROBLEM_JSON.includes(type) && !type.isWildcardType()
                    && !type.isWildcardSubtype()) {
                List<MediaType> withJson = new ArrayList<>(accepted);
                withJson.add(MediaType.APPLICATION_JSON);
                accepted = withJson;
                break;
            }
        }
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        if (servlet == null || !servlet.getRequestURI().startsWith("/api/")) {
            return accepted;
        }
        List<MediaType> narrowed = refusedUnderWildcards(accepted, refused(header));
        return narrowed.isEmpty() ? ONLY_PROBLEMS : narrowed;
    };

    /** The types an {@code Accept} header refuses with {@code q=0}. */
    private static List<MediaType> refused(List<MediaType> header) {
        List<MediaType> refused = new ArrayList<>();
        for (MediaType type : header) {
            if (type.getQualityValue() == 0) {
                refused.add(type);
            }
        }
        return refused;
    }

    /**
     * The accepted types, a type refused kept refused under a wildcard beside it: of
     * {@code application/json;q=0, *}{@code /*}, the most specific reference decides for JSON (RFC 9110, 12.5.1), and
     * the wildcard stands for the API's other types only (a list's CSV; a resource has none, and answers 406). A type
     * named outright stays as named.
     */
    private static List<MediaType> refusedUnderWildcards(List<MediaType> accepted, List<MediaType> refused) {
        if (refused.isEmpty()) {
            return accepted;
        }
        List<MediaType> narrowed = new ArrayList<>();
        for (MediaType type : accepted) {
            if (refused.stream().anyMatch(type::equalsTypeAndSubtype)) {
                continue;
            }
            if ((type.isWildcardType() || type.isWildcardSubtype()) && refused.stream().anyMatch(type::includes)) {
                for (MediaType answered : API_TYPES) {
                    if (type.includes(answered) && refused.stream().noneMatch(no -> no.includes(answered))) {
                        narrowed.add(new MediaType(answered, type.getParameters()));
                    }
                }
            } else {
                narrowed.add(type);
            }
        }
        return narrowed;
    }

    /**
     * The types of an {@code Accept} header but those it refuses with {@code q=0} (RFC 9110: "not
     * acceptable"); if it refuses every type it names, none is left, and the request's answer is a
     * 406 problem.
     */
    private static List<MediaType> withoutRefused(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                return accepted.stream().filter(t -> t.getQualityValue() > 0).toList();
            }
        }
        return accepted;
    }

    /** The types without their parameters but {@code q}; the same list if none has another (most requests). */
    private static List<MediaType> withQualityOnly(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.getParameters().size() > (type.getParameter("q") == null ? 0 : 1)) {
                return accepted.stream().map(ContentNegotiation::withQualityOnly).toList();
            }
        }
        return accepted;
    }

    private static MediaType withQualityOnly(MediaType type) {
        String quality = type.getParameter("q");
        return new MediaType(type.getType(), type.getSubtype(), quality == null ? Map.of() : Map.of("q", quality));
    }

    private final ObjectProvider<JsonMapper> json;

    ContentNegotiation(ObjectProvider<JsonMapper> json) {
        this.json = json;
    }

    /**
     * A body of another type than JSON sent to an endpoint that reads none: 415, as where one is read; a body said to
     * be JSON that is not: 400 {@code MALFORMED_REQUEST}, as where one is read (it is read to tell, in its charset if
     * it names one, within the size limit of every JSON body, and set aside).
     */
    private void refuseABodyThatIsNotJson(HttpServletRequest request, HandlerMethod method)
            throws HttpMediaTypeNotSupportedException {
        String type = request.getContentType();
        if (type == null || type.isBlank() || !RequestSizeLimit.hasBody(request) || readsTheBody(method)) {
            return;
        }
        MediaType sent;
        try {
            sent = MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotSupportedException(unreadable.getMessage());
        }
        if (!MediaType.APPLICATION_JSON.isCompatibleWith(sent) && !sent.getSubtype().endsWith("+json")) {
            String detail = "This endpoint reads no body; a JSON one is ignored, but not one of " + sent.getType()
                    + "/" + sent.getSubtype() + ".";
            HttpMediaTypeNotSupportedException refused = new HttpMediaTypeNotSupportedException(sent,
                    List.of(MediaType.APPLICATION_JSON), HttpMethod.valueOf(request.getMethod()), detail);
            refused.getBody().setDetail(detail);
            throw refused;
        }
        ServletServerHttpRequest input = new ServletServerHttpRequest(request);
        // read token by token, nothing kept: a public read sent a large body builds no tree of it
        // read as an endpoint that reads its body would: bytes Jackson reads itself are well-formed UTF-8 or refused
        try (JsonParser parser = WellFormedUtf8Bodies.readAsBytes(sent.getCharset())
                ? json.getObject().createParser(WellFormedUtf8Bodies.checked(request.getInputStream()))
                : json.getObject().createParser(request.getReader())) {
            if (parser.nextToken() != null) {
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new HttpMessageNotReadableException("The request body holds more than one JSON value",
                            input);
                }
            }
        } catch (JacksonException | IOException notJson) {
            throw new HttpMessageNotReadableException("The request body is not JSON", notJson, input);
        }
    }

    private static boolean readsTheBody(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class) || HttpServletRequest.class.isAssignableFrom(type)
                    || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(FORMAT_CSV, ACCEPT_WITH_PROBLEMS_AS_JSON));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        refuseABodyThatIsNotJson(request, method);
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (read) {
            // a list answers CSV or JSON, a resource JSON or 406, by the Accept header: a cache keeps them apart
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        // one format, whichever handler it chose (a list's CSV or JSON, an import's)
        if (TextArguments.givenMoreThanOnce(request.getParameterValues("format"))) {
            throw new MalformedRequestException("format", TextArguments.GIVEN_MORE_THAN_ONCE);
        }
        String format = TextArguments.theOneGiven(request.getParameterValues("format"));
        // a read's format is csv or json, a list's or a resource's (whose csv is 406); a write's is its own (imports)
        if (format == null || !read && !method.hasMethodAnnotation(CsvResponse.class) && !answersCsv(method)) {
            return true;
        }
        String asked = format.trim();
        if (!asked.equalsIgnoreCase("json") && !asked.equalsIgnoreCase("csv")) {
            throw new InvalidInputException("format", "must be csv or json, not '" + format + "'");
        }
        return true;
    }

    /** Whether the handler is a list's CSV twin, which {@code Accept: text/csv} chooses whatever the format says. */
    private static boolean answersCsv(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.asList(mapping.produces()).contains(CsvLists.TEXT_CSV);
    }
}
