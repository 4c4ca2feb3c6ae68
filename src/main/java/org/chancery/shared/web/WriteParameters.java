package org.chancery.shared.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.InvalidInputException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A write ({@code POST}, {@code PUT}, {@code DELETE}) with a request parameter its handler does not take is
 * refused, 400 {@code VALIDATION_FAILED} naming it, before anything is written: a client that means
 * {@code POST /api/imports?format=…&dryRun=true} must not get a real import, nor one that misspells a
 * parameter a write of a later version may take. Reads keep ignoring parameters they do not take (a
 * cache-busting {@code ?_=…} is common, and a read changes nothing).
 */
@Configuration(proxyBeanMethods = false)
class WriteParameters implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE");

    /** The parameters each write handler takes, by name; empty: any (a handler binding a map or an object). */
    private final Map<HandlerMethod, Optional<Set<String>>> taken = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!WRITES.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || request.getParameterMap().isEmpty()) {
            return true;
        }
        Optional<Set<String>> names = taken.computeIfAbsent(method, WriteParameters::parametersOf);
        if (names.isEmpty()) {
            return true;
        }
        for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
            if (!names.get().contains(name)) {
                throw new InvalidInputException(name, names.get().isEmpty()
                        ? "is not a parameter of this request, which takes none; nothing was changed"
                        : "is not a parameter of this request, which takes " + String.join(", ", names.get())
                                + "; nothing was changed");
            }
        }
        return true;
    }

    private static Optional<Set<String>> parametersOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || param != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
                return Optional.empty();
            }
            if (param != null) {
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                if (name == null) {
                    return Optional.empty();
                }
                names.add(name);
            }
        }
        return Optional.of(names);
    }
}
