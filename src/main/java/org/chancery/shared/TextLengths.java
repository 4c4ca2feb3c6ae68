package org.chancery.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Size;

/**
 * The refusal of a text longer (or shorter) than a field takes, in the unit it is counted in: Bean Validation's
 * {@code @Size} counts UTF-16 code units ({@link String#length}), in which a character beyond U+FFFF — an emoji, a
 * rare CJK ideograph — counts 2, so that 151 emoji are refused where 300 is the limit; "size must be between 0 and
 * 300" did not say so.
 */
public final class TextLengths {

    /** The message {@code @Size} has unless it is given one. */
    private static final String DEFAULT_SIZE_MESSAGE = "{jakarta.validation.constraints.Size.message}";

    private TextLengths() {
    }

    /**
     * The violation's message; for a text's {@code @Size} of Bean Validation's own words, the refusal in its unit (a
     * {@code @Size} that says what the field takes, a partial date's forms, keeps its words).
     */
    public static String message(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof Size size
                && size.message().equals(DEFAULT_SIZE_MESSAGE) && violation.getInvalidValue() instanceof String text
                ? refusal(size.min(), size.max(), text) : violation.getMessage();
    }

    /** "must be at most 300 characters long (…): this is 302". */
    public static String refusal(int min, int max, String text) {
        String bounds = min <= 0 ? "at most " + max : min + " to " + max;
        return "must be " + bounds + " characters long (an emoji, or another character beyond U+FFFF, counts as 2): "
                + "this is " + text.length();
    }
}
