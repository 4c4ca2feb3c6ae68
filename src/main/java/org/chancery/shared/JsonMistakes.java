package org.chancery.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What is wrong with a client's JSON, in the client's words: Jackson's own messages name its
 * classes and features ({@code bound as `tools.jackson.databind.JsonNode`}, {@code
 * DeserializationFeature.FAIL_ON_TRAILING_TOKENS}), which a problem answer must not show. Used by
 * the problem-details advice for request bodies and by the imports for the lines and records of a file.
 */
public final class JsonMistakes {

    /** Jackson's words that are about its insides rather than the text: quoted names, features, packages. */
    private static final Pattern TECHNICAL =
            Pattern.compile("`|Feature|Constraints|tools\\.jackson|com\\.fasterxml|java\\.");

    /**
     * Jackson's reason for text nested deeper than its constraints allow: the allowed depth, in the digits of the
     * host's locale, which Jackson formats its numbers in (Arabic-Indic ones on an Arabic host).
     */
    private static final Pattern NESTING =
            Pattern.compile("nesting depth \\(\\p{Nd}+\\) exceeds the maximum allowed \\((\\p{Nd}+)");

    /** Jackson's reason for a word of JavaScript that is not JSON ({@code NaN}, {@code Infinity}). */
    private static final Pattern NON_STANDARD = Pattern.compile("^Non-standard token '([^']{1,20})'");

    /** Jackson's message for a property named twice in an object (with STRICT_DUPLICATE_DETECTION). */
    private static final Pattern GIVEN_TWICE = Pattern.compile("Duplicate Object property \"(.*)\"");

    private JsonMistakes() {
    }

    /** The mistake in text that is not JSON, or not one JSON value: "is not JSON at column 4: Unexpected …". */
    public static String ofText(JacksonException e) {
        if (e instanceof DatabindException mapping) {
            String original = String.valueOf(mapping.getOriginalMessage());
            return original.startsWith("Trailing token")
                    ? "has more text after the JSON value" + at(e.getLocation())
                    : ofMapping(mapping);
        }
        return "is not JSON" + where(e);
    }

    /**
     * The mistake in a request body that is not JSON, or not one JSON value, for a sentence on it ("The request body
     * …"): "is not JSON at line 3, column 5: JSON has no comments", "has more text after the JSON value at column 29",
     * "is beyond what is read at column 501: nested deeper than 500 levels"; null for a body that is JSON of another
     * shape than expected (its mistake is a field's, or the whole value's) or could not be read at all.
     */
    public static String ofBody(JacksonException e) {
        if (e instanceof DatabindException) {
            return String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                    ? "has more text after the JSON value" + atLine(e.getLocation()) : null;
        }
        if (e instanceof JacksonIOException) {
            return null; // the body could not be read (its client went), not a mistake in it
        }
        return (e instanceof StreamConstraintsException ? "is beyond what is read" : "is not JSON")
                + atLine(e.getLocation()) + why(e);
    }

    /**
     * The property a JSON object names a second time (refused: the second would replace the first), with the path
     * to it as a field error gives one ({@code events[1].date}), or null.
     */
    public static String nameGivenTwice(JacksonException e) {
        Matcher twice = GIVEN_TWICE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!(e instanceof StreamReadException read) || !twice.matches()) {
            return null;
        }
        String name = twice.group(1);
        TokenStreamContext place = read.processor() == null ? null : read.processor().streamReadContext();
        if (place == null || !place.inObject() || !name.equals(place.currentName())) {
            return name;
        }
        List<JacksonException.Reference> path = new ArrayList<>();
        for (; place != null && !place.inRoot(); place = place.getParent()) {
            path.add(0, place.inArray() ? new JacksonException.Reference(null, place.getCurrentIndex())
                    : new JacksonException.Reference(null, place.currentName()));
        }
        return fieldPath(path);
    }

    /**
     * Where a parser stopped reading text and why, for a message that says what the text is not:
     * " at column 4: Unexpected end-of-input"; Jackson's reason is left out where it speaks of its insides.
     */
    public static String where(JacksonException e) {
        return at(e.getLocation()) + why(e);
    }

    /**
     * Why a parser stopped reading text, without where (": Missing closing quote for value"), for text read from
     * another place than the parser stopped at: a CSV record that a quote left open runs on to the end of the file.
     */
    public static String why(JacksonException e) {
        String reason = firstLine(e.getOriginalMessage());
        String known = inOwnWords(e, reason);
        return known != null ? ": " + known : reason.isEmpty() || TECHNICAL.matcher(reason).find() ? "" : ": " + reason;
    }

    /**
     * Whether the text ended before its JSON value did (an object or array left open), as Jackson says it: by the
     * exception's type, or in words ("Unexpected end-of-input within/between Object entries").
     */
    public static boolean endsOpen(JacksonException e) {
        return e instanceof UnexpectedEndOfInputException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
    }

    /** The commonest mistakes whose reason Jackson gives in words of its insides, in the client's, or null. */
    private static String inOwnWords(JacksonException e, String reason) {
        if (endsOpen(e)) {
            return "the text ends before the JSON value does (an object or array left open)";
        }
        Matcher depth = NESTING.matcher(reason);
        if (e instanceof StreamConstraintsException) {
            // Integer.parseInt reads any script's decimal digits
            return depth.find() ? "nested deeper than " + Integer.parseInt(depth.group(1)) + " levels"
                    : "a value too long or too large";
        }
        Matcher token = NON_STANDARD.matcher(reason);
        if (token.find()) {
            return token.group(1) + " is not a JSON value (JSON has no NaN or Infinity)";
        }
        if (reason.contains("maybe a (non-standard) comment")) {
            return "JSON has no comments";
        }
        return null;
    }

    /** Why an enum's name with spaces or control characters around it is refused (Jackson would trim them). */
    public static final String AROUND_REFUSED = "must be written without spaces or control characters around it";

    /** The mistake in a value that is JSON but not of the expected type or form, for the field that holds it. */
    public static String ofMapping(DatabindException e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof IllegalArgumentException iae
                && iae.getMessage() != null) {
            return iae.getMessage();
        }
        if (e instanceof InvalidFormatException ife && ife.getValue() instanceof String
                && ife.getOriginalMessage() != null && (ife.getTargetType() == String.class
                        || StorableValues.NUL_REFUSED.equals(ife.getOriginalMessage())
                        || AROUND_REFUSED.equals(ife.getOriginalMessage()))) {
            // a text refused as written (a lone surrogate, the NUL character): the reason, not the text again
            return ife.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException ife) {
            return "invalid value '" + ife.getValue() + "'" + expectedForm(ife.getTargetType());
        }
        if (e instanceof MismatchedInputException mie) {
            return "has the wrong type" + expectedForm(mie.getTargetType());
        }
        return "is invalid";
    }

    /**
     * The mistake in a value of JSON already read as a tree (an import's line): a mapping mistake as
     * {@link #ofMapping}, or a number beyond its field's range (an id of twenty digits).
     */
    public static String ofValue(JacksonException e) {
        if (e instanceof DatabindException mapping) {
            return ofMapping(mapping);
        }
        if (e instanceof InputCoercionException coercion) {
            Class<?> type = coercion.getTargetType();
            return "is out of range" + (type == Integer.TYPE || type == Integer.class
                    ? "; expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    : "; expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        return "is invalid";
    }

    /** The field a mapping mistake is in, as a client names it: {@code sources[0].url}; empty for the whole value. */
    public static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
    }

    /** Where in text of several lines: " at line 3, column 5"; on the first line, the column alone. */
    private static String atLine(TokenStreamLocation location) {
        return location == null || location.getLineNr() <= 1 ? at(location)
                : " at line " + location.getLineNr() + (location.getColumnNr() < 1 ? "" : ", column "
                        + location.getColumnNr());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** "; expected an integer" and the like: what a value of the type looks like, for a field or a parameter. */
    public static String expectedForm(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "; expected one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "; " + CalendarDates.EXPECTED;
            case "Instant" -> "; expected an ISO-8601 instant";
            case "Long", "long", "Integer", "int" -> "; expected an integer";
            case "Boolean", "boolean" -> "; expected true or false";
            case "String" -> "; expected a string";
            case "List", "Set" -> "; expected an array";
            default -> "";
        };
    }
}
