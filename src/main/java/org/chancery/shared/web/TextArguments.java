package org.chancery.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.StorableValues;
import org.chancery.shared.Text;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Text given to a {@code String} parameter is that text (but a blank one given to a request
 * parameter, below). Spring MVC passes every {@code @PathVariable} and {@code @RequestParam} value
 * through the conversion service, a
 * {@code String} for a {@code String} parameter too, and the service's cache finds the converter of
 * a parameter by comparing its annotations, one attribute at a time, with those of every other
 * parameter of the same two types (the cache key's hash is the types alone): two microseconds of
 * a relation view's seventy, for a converter that returns its argument (issue 17's profile). The
 * handlers' conversion service is therefore asked through {@link TextIdentity}, which answers a
 * {@code String} to {@code String} conversion itself, with the text, and the texts of a parameter
 * given more than once for a {@code List<String>} as the list Spring would make of them (saving
 * four microseconds of a meeting list filtered by two countries). No converter of Spring's or of
 * the application's turns a {@code String} into another one; one added for that would not be
 * asked for handler parameters.
 * <p>
 * A blank text given to a request parameter ({@code ?country=}, {@code ?q=%20}) is no text: the
 * parameter is as if it were not given, as Spring already does with an empty text for a typed one (a
 * status, a date, a number; spaces are taken as empty for those too). A form that leaves a filter
 * empty asks for the list unfiltered, whichever filter it is; a required parameter left blank is
 * missing. Of the texts of a parameter given more than once, the blank ones are left out; a
 * parameter that takes one value ({@code q}, {@code year}, {@code asOf}…) given twice with text is
 * refused (400 naming it), never joined with a comma or cut to its first text. Path
 * variables and headers are not request parameters: their texts stay as they come.
 * <p>
 * No text, of a parameter or a path variable, may hold the NUL character ({@link StorableValues}):
 * the conversion fails, and the answer is a 400 naming the parameter. Every request parameter of the
 * API is also checked before any handler reads it, since some are read as they come (paging, the
 * answer's format) and some conversions drop the character (an enum's trims it).
 */
@Configuration(proxyBeanMethods = false)
class TextArguments implements WebMvcConfigurer, HandlerInterceptor {

    /** Why a parameter that takes one value, given two or more, is refused. */
    static final String GIVEN_MORE_THAN_ONCE = "is given more than once; it takes one value";

    /** The texts of a parameter given more than once, blank ones left out, if two or more are left. */
    static boolean givenMoreThanOnce(Object value) {
        return value instanceof String[] texts && Arrays.stream(texts).filter(text -> !Text.isBlank(text)).count() > 1;
    }

    /**
     * The one text of a parameter read as it comes (a page, a size, a format): of the texts given, the first that is
     * not blank, as written; null if none is (the parameter as if not given). Refuse two texts first
     * ({@link #givenMoreThanOnce}): {@code size=&size=5} is a size of 5, as {@code status=&status=OPEN} is OPEN.
     */
    static String theOneGiven(String[] texts) {
        return texts == null ? null : Arrays.stream(texts).filter(text -> !Text.isBlank(text)).findFirst().orElse(null);
    }

    /** A parameter's value as a problem quotes it: a text as it is, the text that is not blank of several. */
    static String asGiven(Object value) {
        if (value instanceof String[] texts) {
            String given = theOneGiven(texts);
            return given != null ? given : String.join(",", texts);
        }
        return String.valueOf(value);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    /** No request parameter holds the NUL character: 400 {@code VALIDATION_FAILED} naming the first that does. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (holdsNul(parameter.getValue())) {
                throw new InvalidInputException(parameter.getKey(), StorableValues.NUL_REFUSED);
            }
        }
        return true;
    }

    @Bean
    static BeanPostProcessor textArgumentsTakenAsTheyCome() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter
                        && adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer binding
                        && binding.getConversionService() != null
                        && !(binding.getConversionService() instanceof TextIdentity)) {
                    binding.setConversionService(new TextIdentity(binding.getConversionService()));
                }
                return bean;
            }
        };
    }

    /**
     * Whether a parameter's text, or one of its texts, holds the NUL character, which no text may
     * ({@link StorableValues}): PostgreSQL cannot compare a text with it, H2 can.
     */
    static boolean holdsNul(Object source) {
        if (source instanceof String text) {
            return StorableValues.holdsNul(text);
        }
        if (source instanceof String[] texts) {
            for (String text : texts) {
                if (text != null && StorableValues.holdsNul(text)) { // null: a form field without '=' (MockMvc)
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A conversion service that converts a {@code String} to a {@code String} as itself (a blank request
     * parameter to none), and asks another for the rest.
     */
    record TextIdentity(ConversionService conversions) implements ConversionService {

        private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

        @Override
        public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
            return (sourceType == String.class && targetType == String.class)
                    || conversions.canConvert(sourceType, targetType);
        }

        @Override
        public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return isText(sourceType, targetType) || isTexts(sourceType, targetType)
                    || conversions.canConvert(sourceType, targetType);
        }

        @Override
        public <T> T convert(Object source, Class<T> targetType) {
            return source instanceof String && targetType == String.class
                    ? targetType.cast(source)
                    : conversions.convert(source, targetType);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (holdsNul(source)) {
                throw new ConversionFailedException(sourceType, targetType, source,
                        new IllegalArgumentException(StorableValues.NUL_REFUSED));
            }
            if (isText(sourceType, targetType) && (source == null || source instanceof String)) {
                boolean blank = source != null && Text.isBlank((String) source);
                return blank && isRequestParameter(targetType) ? null : source;
            }
            if (isTexts(sourceType, targetType) && source instanceof String[] texts) {
                return given(new ArrayList<>(Arrays.asList(texts)), targetType);
            }
            if (source instanceof String[] texts && isRequestParameter(targetType) && !targetType.isArray()
                    && !targetType.isCollection()) {
                // a parameter of one value given more than once: Spring would join texts with commas and
                // take the first of anything else; the blank ones are as if not given, two others refused
                String[] kept = Arrays.stream(texts).filter(text -> !Text.isBlank(text)).toArray(String[]::new);
                if (kept.length > 1) {
                    throw new ConversionFailedException(sourceType, targetType, source,
                            new IllegalArgumentException(GIVEN_MORE_THAN_ONCE));
                }
                return kept.length == 0 ? null : convert(kept[0], TypeDescriptor.valueOf(String.class), targetType);
            }
            if (source instanceof String text && Text.isBlank(text) && !text.isEmpty() && !targetType.isPrimitive()
                    && isRequestParameter(targetType)) {
                // spaces for a status, a number or a date: Spring's converters take an empty text for none (a
                // primitive takes its default value for an empty text only, before conversion)
                return conversions.convert("", sourceType, targetType);
            }
            if (source instanceof String text && !text.isEmpty() && isWholeNumber(targetType)) {
                // spaces and tabs around a parameter's number are dropped, as around a page or a size, a date or a
                // status (year=1950+ from a form); a path variable's text stays as it comes
                String number = isRequestParameter(targetType) ? withoutSpacesAround(text) : text;
                if (!DECIMAL.matcher(number).matches()) {
                    // Spring's converter would read 0x10 and #10 as hexadecimal, and its fallback editor drop every
                    // space ("1 0" as 10); not a ConversionFailedException, after which the editor is tried
                    throw new IllegalArgumentException("not a decimal integer as written: " + text);
                }
                return conversions.convert(number, sourceType, targetType);
            }
            if (source instanceof String text && !text.isEmpty() && targetType.getObjectType() == Boolean.class) {
                String truth = isRequestParameter(targetType) ? withoutSpacesAround(text) : text;
                if (!truth.equalsIgnoreCase("true") && !truth.equalsIgnoreCase("false")) {
                    // Spring's converter would read yes, on and 1 as true, no, off and 0 as false
                    throw new IllegalArgumentException("neither true nor false: " + text);
                }
                return conversions.convert(truth, sourceType, targetType);
            }
            Object converted = conversions.convert(source, sourceType, targetType);
            if (source instanceof String && isTextList(targetType) && converted instanceof List<?> list) {
                // one text for a list, split by Spring at its commas ("", " " and "US," leave none or blanks)
                @SuppressWarnings("unchecked")
                List<String> texts = (List<String>) list;
                return given(texts, targetType);
            }
            return converted;
        }

        /**
         * The texts of a request parameter that are not blank, or none (the parameter as if not given)
         * if no text is left; the texts of another parameter as they are.
         */
        private static List<String> given(List<String> texts, TypeDescriptor targetType) {
            if ((!texts.isEmpty() && !anyBlank(texts)) || !isRequestParameter(targetType)) {
                return texts;
            }
            List<String> kept = new ArrayList<>(texts);
            kept.removeIf(Text::isBlank);
            return kept.isEmpty() ? null : kept;
        }

        /**
         * Ids and numbers: read as decimals as written (page and size are read by PagingParameters, which takes
         * the spaces a form may add around them).
         */
        private static boolean isWholeNumber(TypeDescriptor targetType) {
            Class<?> type = targetType.getObjectType();
            return type == Long.class || type == Integer.class;
        }

        private static boolean anyBlank(List<String> texts) {
            for (String text : texts) {
                if (Text.isBlank(text)) {
                    return true;
                }
            }
            return false;
        }

        /** The text without the spaces and tabs around it (a form's {@code +}), other characters kept. */
        private static String withoutSpacesAround(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                start++;
            }
            while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                end--;
            }
            return text.substring(start, end);
        }

        private static boolean isRequestParameter(TypeDescriptor targetType) {
            return targetType.hasAnnotation(RequestParam.class);
        }

        private static boolean isText(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return sourceType != null && sourceType.getType() == String.class && targetType.getType() == String.class;
        }

        /**
         * Texts (a parameter given more than once) for a {@code List<String>} or {@code Collection<String>}:
         * Spring makes an {@code ArrayList} of them, each text converted to a {@code String} as itself.
         */
        private static boolean isTexts(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return sourceType != null && sourceType.getType() == String[].class && isTextList(targetType);
        }

        private static boolean isTextList(TypeDescriptor targetType) {
            return (targetType.getType() == List.class || targetType.getType() == Collection.class)
                    && targetType.getResolvableType().getGeneric(0).resolve() == String.class;
        }
    }
}
