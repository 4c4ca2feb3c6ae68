package org.chancery.shared;

/**
 * The refusal of a text longer (or shorter) than a field takes, in the unit it is counted in: Bean Validation's
 * {@code @Size} counts UTF-16 code units ({@link String#length}), in which a character beyond U+FFFF — an emoji, a
 * rare CJK ideograph — counts 2, so that 151 emoji are refused where 300 is the limit; "size must be between 0 and
 * 300" did not say so.
 */
public final class TextLengths {

    private TextLengths() {
    }

    /** "must be at most 300 long, counted in UTF-16 code units (…): this is 302". */
    public static String refusal(int min, int max, String text) {
        String bounds = min <= 0 ? "at most " + max : min + " to " + max;
        return "must be " + bounds + " long, counted in UTF-16 code units (a character beyond U+FFFF, such as an "
                + "emoji, counts 2): this is " + text.length();
    }
}
