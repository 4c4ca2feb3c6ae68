package org.chancery.shared.web;

import java.time.LocalDate;
import java.util.Locale;

import org.chancery.shared.CalendarDates;
import org.chancery.shared.JsonMistakes;
import org.chancery.shared.StorableValues;
import org.chancery.shared.Text;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Input is taken as written, never guessed: JSON numbers are not enum ordinals, strings or
 * truncated integers; dates are {@code YYYY-MM-DD} strings within {@link CalendarDates}' range,
 * in bodies and in query parameters alike; text is well-formed Unicode (a {@code \\uD800} escape
 * without its other half names no character, and no CSV export or database could store it as
 * written), without the NUL character (which PostgreSQL cannot store) or a direction override left open; a JSON
 * object names each property once (a second {@code "name"} would silently replace the first). Anything else is a
 * clear 400.
 */
@Configuration(proxyBeanMethods = false)
class StrictInputConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // an empty or blank string is no id either: not read as null, an id left out
                .withCoercionConfig(LogicalType.Integer, integer -> integer
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(Boolean.FALSE))
                .addModule(new SimpleModule("chancery-input").addDeserializer(LocalDate.class, new DateDeserializer())
                        .addDeserializer(String.class, new WellFormedStringDeserializer())
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                                return new ExactEnumDeserializer(deserializer);
                            }
                        }));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {

            @Override
            public LocalDate parse(String text, Locale locale) {
                return CalendarDates.parse(text.trim());
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
    }

    private static final class DateDeserializer extends ValueDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            try {
                return CalendarDates.parse(text);
            } catch (IllegalArgumentException e) {
                throw context.weirdStringException(text, LocalDate.class, e.getMessage());
            }
        }
    }

    /**
     * An enum's name as written: Jackson would take {@code " YEAR "} as {@code YEAR} (it tries again with the
     * text trimmed), which a name with spaces or control characters around it is not; one holding the NUL character
     * is refused as any text is ({@link StorableValues}).
     */
    private static final class ExactEnumDeserializer extends DelegatingDeserializer {

        ExactEnumDeserializer(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ExactEnumDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getString();
                if (text.indexOf('\0') >= 0) {
                    throw InvalidFormatException.from(parser, StorableValues.NUL_REFUSED, text, handledType());
                }
                // Jackson trims control characters too ("\u0001CONSULATE" was CONSULATE)
                if (!text.equals(text.strip()) || !text.equals(text.trim())) {
                    throw InvalidFormatException.from(parser, JsonMistakes.AROUND_REFUSED, text, handledType());
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /**
     * A text that opens a direction override, embedding or isolate and leaves it open would change how the texts shown
     * after it read (an override left open in a name reverses the names listed after it).
     */
    static final String UNCLOSED_DIRECTION = "must close each direction override, embedding or isolate it opens "
            + "(U+202A to U+202E, U+2066 to U+2069), the last opened first: one left open changes how the text shown "
            + "after it reads";

    private static final char EMBEDDING = 'e';

    private static final char ISOLATE = 'i';

    /**
     * Strings as Jackson reads them, refused if they hold half of a surrogate pair alone or the NUL
     * character ({@link StorableValues}), or leave a direction override open, as written or once stripped as the
     * facts store their texts ({@link Text#strip}, which drops the direction characters at either end).
     */
    private static final class WellFormedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pair) {
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        throw InvalidFormatException.from(parser,
                                "must not hold half of a UTF-16 surrogate pair alone, which is not a character", text,
                                String.class);
                    } else if (c == '\0') {
                        throw InvalidFormatException.from(parser, StorableValues.NUL_REFUSED, text, String.class);
                    }
                }
                if (!directionsClosed(text) || !directionsClosed(Text.strip(text))) {
                    throw InvalidFormatException.from(parser, UNCLOSED_DIRECTION, text, String.class);
                }
            }
            return text;
        }

        /**
         * Each direction embedding or override (U+202A, U+202B, U+202D, U+202E) the text opens is closed by a
         * U+202C, each isolate (U+2066 to U+2068) by a U+2069 (which also closes the embeddings opened within it, as
         * Unicode's bidirectional algorithm reads it), the last opened first, and nothing is closed that was not
         * opened.
         */
        private static boolean directionsClosed(String text) {
            StringBuilder open = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u202A' || c == '\u202B' || c == '\u202D' || c == '\u202E') {
                    open.append(EMBEDDING);
                } else if (c >= '\u2066' && c <= '\u2068') {
                    open.append(ISOLATE);
                } else if (c == '\u202C') {
                    if (open.isEmpty() || open.charAt(open.length() - 1) != EMBEDDING) {
                        return false;
                    }
                    open.setLength(open.length() - 1);
                } else if (c == '\u2069') {
                    int isolate = open.lastIndexOf(String.valueOf(ISOLATE));
                    if (isolate < 0) {
                        return false;
                    }
                    open.setLength(isolate);
                }
            }
            return open.isEmpty();
        }
    }
}
