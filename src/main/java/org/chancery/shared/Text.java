package org.chancery.shared;

/**
 * Text as the domain keeps it: without the white space around it, read as {@link String#strip} reads it (Unicode's,
 * {@link Character#isWhitespace}), not as {@link String#trim} does (which drops control characters too, and once
 * stored a name of one as ""); and blank when nothing of it is seen ({@link #isBlank}), which is what validation's
 * {@code @NotBlank} reads here ({@link VisibleTextValidation}).
 */
public final class Text {

    /**
     * {@link #isBlank} as an OpenAPI (ECMAScript) pattern says it: a character other than white space and the
     * characters drawn as nothing (those beyond U+FFFF aside, which a pattern without the {@code u} flag cannot name).
     */
    public static final String NOT_BLANK_PATTERN = "^[\\s\\S]*[^\\s\\u001C-\\u001F\\u00AD\\u034F\\u061C\\u115F"
            + "\\u1160\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF"
            + "\\uFFA0][\\s\\S]*$";

    private Text() {
    }

    /**
     * The text without the white space around it; none (null) when it is left out or blank: an optional field (a
     * city, a title, an organization) given blank is not known.
     */
    public static String strippedOrNull(String text) {
        return text == null || isBlank(text) ? null : text.strip();
    }

    /**
     * Whether nothing of {@code text} is seen: it is empty, or white space (Unicode's, and the no-break spaces
     * {@link String#isBlank} takes for characters) and characters drawn as nothing ({@link #unseen}) alone. A name
     * of a no-break space, a zero-width space or a right-to-left mark is no name.
     */
    public static boolean isBlank(CharSequence text) {
        return text.codePoints().allMatch(codePoint -> Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint) || unseen(codePoint));
    }

    /**
     * A character drawn as nothing (Unicode's default ignorable ones a name may hold): a format character (a
     * zero-width space or joiner, a direction mark, a soft hyphen, a byte order mark), a variation selector, the
     * combining grapheme joiner, a Hangul filler.
     */
    public static boolean unseen(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF
                || codePoint >= 0x180B && codePoint <= 0x180F || codePoint == 0x034F
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }
}
