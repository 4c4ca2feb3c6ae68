package org.chancery.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.MalformedRequestException;
import org.chancery.shared.Text;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.data.web.config.SortHandlerMethodArgumentResolverCustomizer;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code page}, {@code size} and {@code sort} parameters of the lists.
 * <ul>
 * <li>Spring Data quietly falls back to the first page when {@code page} or {@code size} cannot be
 * used; clients get a clear answer instead: {@code MALFORMED_REQUEST} for what is not a whole number
 * in ASCII digits, with at most the spaces a form adds around it (left blank, either is as if not
 * given), {@code VALIDATION_FAILED} for a negative page or a size below 1, or a page past any list's end. A read
 * that answers no page (a single resource, the observation summary) ignores {@code page} and {@code size}; any other
 * parameter it does not take is refused ({@link UnknownParameters}).
 * Sizes above 200 are clamped, however large (Spring Data would take one too large for an
 * {@code int} for no size at all and answer its default).</li>
 * <li>Spring Data's resolvers look up the {@code @Qualifier} of the {@code Pageable} parameter on
 * every request, three times, through {@code Parameter.getDeclaredAnnotations()}: the JDK parses
 * the annotations of all the method's parameters again on each call and Spring does not cache them
 * for a parameter (a sixth of the time of a meeting list went there). The resolvers registered here
 * are Spring Data's, configured by the same customizers ({@code spring.data.web.*}), but remember
 * the parameter names per handler parameter; they come before Spring Data's own in the list of
 * argument resolvers, so theirs are never asked.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagingParameters implements WebMvcConfigurer, HandlerInterceptor {

    static final int MAX_SIZE = 200;
    private static final long NOT_GIVEN = -1;
    /** The largest default page size of a list (the timeline's; 20 elsewhere). */
    private static final int LARGEST_DEFAULT_SIZE = 100;
    /** The paging parameters of one value ({@code sort} may be given for each order). */
    private static final String[] ONE_VALUE = {"page", "size"};
    /**
     * A whole number in ASCII digits, with the spaces or tabs a form may add around it: not {@code +5}, digits of
     * other scripts ({@code ５}) or control characters.
     */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[ \t]*(-?[0-9]+)[ \t]*");

    private final SortResolver sortResolver = new SortResolver();
    private final PageableResolver pageableResolver = new PageableResolver(sortResolver);

    PagingParameters(ObjectProvider<SortHandlerMethodArgumentResolverCustomizer> sortCustomizers,
            ObjectProvider<PageableHandlerMethodArgumentResolverCustomizer> pageableCustomizers) {
        sortCustomizers.orderedStream().forEach(customizer -> customizer.customize(sortResolver));
        pageableCustomizers.orderedStream().forEach(customizer -> customizer.customize(pageableResolver));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(sortResolver);
        resolvers.add(pageableResolver);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !paged(method)) {
            // a read that is not a page ignores them; a write refuses them as any other parameter it does not take
            // (UnknownParameters)
            return true;
        }
        for (String name : ONE_VALUE) {
            if (TextArguments.givenMoreThanOnce(request.getParameterValues(name))) {
                throw new MalformedRequestException(name, TextArguments.GIVEN_MORE_THAN_ONCE);
            }
        }
        long page = Math.max(check(TextArguments.theOneGiven(request.getParameterValues("page")), "page", 0), 0);
        long size = check(TextArguments.theOneGiven(request.getParameterValues("size")), "size", 1);
        // the first row of the page, which Spring Data counts in an int: with the largest default size if none given
        long first = page * (size == NOT_GIVEN ? LARGEST_DEFAULT_SIZE : Math.min(size, MAX_SIZE));
        if (page > Integer.MAX_VALUE || first > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "is too large: a page starts at row page × size (counted as "
                    + LARGEST_DEFAULT_SIZE + ", a list's largest default, if none is given; 200 at most), which may be "
                    + "at most " + Integer.MAX_VALUE);
        }
        return true;
    }

    /** Whether the handler answers a page (or, as CSV, every row of its list): whether it takes a {@link Pageable}. */
    static boolean paged(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number a paging parameter gives, at least {@code minimum}: {@link Long#MAX_VALUE} for a whole
     * number too large for a {@code long} (a size that large is clamped like any above 200, a page that
     * large refused); a negative one too large for a {@code long} is below the minimum like any other;
     * {@link #NOT_GIVEN} if none is given.
     */
    private static long check(String value, String name, int minimum) {
        if (value == null || value.isBlank()) {
            // not given, or left blank as any parameter may be (TextArguments): Spring Data takes its default
            return NOT_GIVEN;
        }
        Matcher number = WHOLE_NUMBER.matcher(value);
        if (!number.matches()) {
            throw new MalformedRequestException(name, "cannot be parsed: '" + value + "'; expected an integer");
        }
        String text = number.group(1);
        long read;
        try {
            read = Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            read = text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (read < minimum) {
            throw new InvalidInputException(name, "must be at least " + minimum);
        }
        return read;
    }

    /** A request parameter's name for one handler parameter ({@code page}, or {@code q_page} if qualified). */
    private record Name(MethodParameter parameter, String source) {
    }

    /** Spring Data's page resolver, with the request parameters' names remembered per handler parameter. */
    static final class PageableResolver extends PageableHandlerMethodArgumentResolver {

        private final Map<Name, String> names = new ConcurrentHashMap<>();

        PageableResolver(SortHandlerMethodArgumentResolver sortResolver) {
            super(sortResolver);
        }

        @Override
        protected String getParameterNameToUse(String source, MethodParameter parameter) {
            if (parameter == null) {
                return super.getParameterNameToUse(source, null);
            }
            return names.computeIfAbsent(new Name(parameter, source),
                    name -> super.getParameterNameToUse(name.source(), name.parameter()));
        }

        /**
         * A page or size written with spaces around it ({@code page=1+} from a form), or given once blank and once
         * not, is the number it holds, as {@link #check} read it (Spring Data would take its default instead); a size
         * too large for an {@code int} is clamped to the largest page, as any size above it is.
         */
        @Override
        public Pageable resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            String pageName = getParameterNameToUse(getPageParameterName(), parameter);
            String sizeName = getParameterNameToUse(getSizeParameterName(), parameter);
            // the text given that is not blank (size=&size=5 is 5, as status=&status=OPEN is OPEN), trimmed
            String page = TextArguments.theOneGiven(request.getParameterValues(pageName));
            String size = TextArguments.theOneGiven(request.getParameterValues(sizeName));
            String pageToUse = page == null ? null : page.trim();
            String sizeToUse = size == null ? null
                    : check(size, "size", 1) > Integer.MAX_VALUE ? String.valueOf(getMaxPageSize()) : size.trim();
            if ((!Objects.equals(request.getParameter(pageName), pageToUse)
                    || !Objects.equals(request.getParameter(sizeName), sizeToUse))
                    && request.getNativeRequest() instanceof HttpServletRequest servletRequest) {
                request = new ServletWebRequest(new HttpServletRequestWrapper(servletRequest) {
                    @Override
                    public String getParameter(String name) {
                        return name.equals(sizeName) ? sizeToUse : name.equals(pageName) ? pageToUse
                                : super.getParameter(name);
                    }
                });
            }
            return super.resolveArgument(parameter, container, request, binders);
        }
    }

    /**
     * Spring Data's sort resolver, with the request parameter's name remembered per handler parameter; a sort
     * that names no field ({@code sort=asc}, {@code sort=,desc}), which Spring Data would drop, is refused.
     */
    static final class SortResolver extends SortHandlerMethodArgumentResolver {

        private final Map<MethodParameter, String> names = new ConcurrentHashMap<>();

        @Override
        public Sort resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            String[] values = request.getParameterValues(getSortParameter(parameter));
            if (values != null && Arrays.stream(values).allMatch(Text::isBlank)) {
                // of which nothing is seen (no-break spaces as spaces are): as if not given
                return Sort.unsorted();
            }
            for (String value : values == null ? new String[0] : values) {
                String field = Text.strip(value.split(",", -1)[0]);
                if (!value.isBlank() && (field.isEmpty() || Sort.Direction.fromOptionalString(field).isPresent())) {
                    throw new InvalidInputException("sort", "'" + value + "' names no field to sort by (each as field "
                            + "or field,asc or field,desc)");
                }
            }
            String[] stripped = values == null ? null : Arrays.stream(values).map(SortResolver::stripped)
                    .toArray(String[]::new);
            if (values != null && !Arrays.equals(values, stripped)
                    && request.getNativeRequest() instanceof HttpServletRequest servletRequest) {
                // spaces around a field or a direction, as a form adds them, are dropped as around any parameter's
                // value: Spring Data would look for a field " desc"
                String name = getSortParameter(parameter);
                request = new ServletWebRequest(new HttpServletRequestWrapper(servletRequest) {
                    @Override
                    public String[] getParameterValues(String asked) {
                        return asked.equals(name) ? stripped.clone() : super.getParameterValues(asked);
                    }
                });
            }
            return super.resolveArgument(parameter, container, request, binders);
        }

        /** "name , desc " as "name,desc". */
        private static String stripped(String value) {
            return Arrays.stream(value.split(",", -1)).map(Text::strip).collect(Collectors.joining(","));
        }

        @Override
        protected String getSortParameter(MethodParameter parameter) {
            if (parameter == null) {
                return super.getSortParameter(null);
            }
            return names.computeIfAbsent(parameter, super::getSortParameter);
        }
    }
}
