package org.chancery.shared.web;

import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.InvalidInputException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A request with a parameter its handler does not take is refused, 400 {@code VALIDATION_FAILED} naming it and
 * the parameters it takes. A write ({@code POST}, {@code PUT}, {@code DELETE}) so is refused before anything is
 * written: a client that means {@code POST /api/imports?format=…&dryRun=true} must not get a real import. A read
 * ({@code GET}, {@code HEAD}) so would otherwise answer as if the parameter were not there: a filter misspelt
 * ({@code ?sendng=US}) or one the list does not have ({@code /api/missions?city=Seoul}) would answer the whole
 * list, and an analyst count it. A read takes, besides its own, {@code format} (every read's, {@link
 * ContentNegotiation}) and a cache-busting {@code _}; {@code page}, {@code size} and {@code sort} are left to
 * {@link PagingParameters} (a single resource ignores them, a list of fixed order refuses a {@code sort}).
 */
@Configuration(proxyBeanMethods = false)
class UnknownParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

    private static final Set<String> READS = Set.of("GET", "HEAD");

    /** What this check lets every read have: a format, a cache-buster, and a page's ({@link PagingParameters}). */
    private static final Set<String> EVERY_READS = Set.of("format", "_", "page", "size", "sort");

    /**
     * Handler parameters of the request's context. A handler that reads the request's parameters from the request
     * itself must name them with {@code @RequestParam} too (the import's {@code format} is).
     */
    private static final List<Class<?>> CONTEXT = List.of(ServletRequest.class, ServletResponse.class,
            Principal.class, InputStream.class, UriComponentsBuilder.class, WebRequest.class);

    /** The parameters each handler takes, by name; empty: any (a handler binding a map or an object). */
    private final Map<HandlerMethod, Optional<Set<String>>> taken = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean write = WRITES.contains(request.getMethod());
        if (!(write || READS.contains(request.getMethod())) || !(handler instanceof HandlerMethod method)
                || request.getParameterMap().isEmpty()) {
            return true;
        }
        Optional<Set<String>> names = taken.computeIfAbsent(method, UnknownParameters::parametersOf);
        if (names.isEmpty()) {
            return true;
        }
        // the first in alphabetical order of those not taken, found without sorting them all (reads are a hot path)
        String unknown = null;
        for (String name : request.getParameterMap().keySet()) {
            boolean takes = names.get().contains(name) || (!write && EVERY_READS.contains(name));
            if (!takes && (unknown == null || name.compareTo(unknown) < 0)) {
                unknown = name;
            }
        }
        if (unknown != null) {
            throw new InvalidInputException(unknown, write ? (names.get().isEmpty()
                    ? "is not a parameter of this request, which takes none; nothing was changed"
                    : "is not a parameter of this request, which takes " + String.join(", ", names.get())
                            + "; nothing was changed")
                    : "is not a parameter of this request, which would otherwise answer as if it were not given; "
                            + "it takes " + String.join(", ", readsTake(names.get())));
        }
        return true;
    }

    /** What a read takes, as told: its own parameters (a page's among them where it answers a page), and ours. */
    private static Set<String> readsTake(Set<String> own) {
        Set<String> told = new TreeSet<>(own);
        told.add("format");
        told.add("_");
        return told;
    }

    /**
     * The names of the handler's {@code @RequestParam}s, and a page's for a {@code Pageable}; empty (any name taken)
     * where a parameter could read request parameters otherwise: a map of them, an object bound from them
     * ({@code @ModelAttribute}, or a parameter without annotation, which Spring MVC binds from them too).
     */
    static Optional<Set<String>> parametersOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                if (name == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
                    return Optional.empty();
                }
                names.add(name);
            } else if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                names.addAll(List.of("page", "size", "sort"));
            } else if (!readsNoParameter(parameter)) {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    /** A handler parameter taken from the path, a header, the body or the request's context, not its parameters. */
    private static boolean readsNoParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(PathVariable.class)
                || parameter.hasParameterAnnotation(RequestHeader.class)
                || parameter.hasParameterAnnotation(RequestBody.class)
                || CONTEXT.stream().anyMatch(type -> type.isAssignableFrom(parameter.getParameterType()));
    }
}
