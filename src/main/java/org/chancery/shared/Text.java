package org.chancery.shared;

/**
 * Text as the domain keeps it: without what is not seen around it ({@link #strip}: white space, no-break spaces,
 * control and format characters), and blank when nothing of it is seen ({@link #isBlank}), which is what
 * validation's {@code @NotBlank} reads here ({@link VisibleTextValidation}): a text that is not blank keeps what it
 * shows once stripped.
 */
public final class Text {

    /**
     * {@link #isBlank} as an OpenAPI (ECMAScript) pattern says it: a character other than white space, control
     * characters and the characters drawn as nothing (those beyond U+FFFF aside: a tag character, a variation
     * selector of the supplement, which a pattern without the {@code u} flag cannot name).
     */
    public static final String NOT_BLANK_PATTERN = "^[\\s\\S]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u061C"
            + "\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164"
            + "\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFF8][\\s\\S]*$";

    private Text() {
    }

    /**
     * The text without what is not seen around it ({@link #around}); none (null) when it is left out or blank: an
     * optional field (a city, a title, an organization) given blank is not known.
     */
    public static String strippedOrNull(String text) {
        return text == null || isBlank(text) ? null : strip(text);
    }

    /**
     * The text without the characters {@linkplain #around around} it: "Cuba" with spaces, no-break spaces or a
     * zero-width space around it is "Cuba". What is inside stays as given.
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && around(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && around(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /**
     * Whether nothing of {@code text} is seen: it is empty, or white space (Unicode's, and the no-break spaces
     * {@link String#isBlank} takes for characters), control characters and characters drawn as nothing
     * ({@link #unseen}) alone. A name of a no-break space, a zero-width space or a right-to-left mark is no name.
     */
    public static boolean isBlank(CharSequence text) {
        return text.codePoints().allMatch(codePoint -> space(codePoint)
                || Character.getType(codePoint) == Character.CONTROL || unseen(codePoint));
    }

    /**
     * A character drawn as nothing: Unicode's default ignorable code points (DerivedCoreProperties), which a name may
     * hold — a zero-width space or joiner, a direction mark, a soft hyphen, a byte order mark, a variation selector,
     * the combining grapheme joiner, a Hangul filler, a tag character. Not every format character: an Arabic number
     * sign (U+0600) or end of ayah (U+06DD) is seen.
     */
    public static boolean unseen(int codePoint) {
        return codePoint == 0x00AD || codePoint == 0x034F || codePoint == 0x061C
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x17B4 || codePoint == 0x17B5
                || codePoint >= 0x180B && codePoint <= 0x180F || codePoint >= 0x200B && codePoint <= 0x200F
                || codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2060 && codePoint <= 0x206F
                || codePoint == 0x3164 || codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint == 0xFEFF
                || codePoint == 0xFFA0 || codePoint >= 0xFFF0 && codePoint <= 0xFFF8
                || codePoint >= 0x1BCA0 && codePoint <= 0x1BCA3 || codePoint >= 0x1D173 && codePoint <= 0x1D17A
                || codePoint >= 0xE0000 && codePoint <= 0xE0FFF;
    }

    /** White space: Unicode's ({@link Character#isWhitespace}) and the no-break spaces it leaves out. */
    private static boolean space(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /**
     * A character a text is not taken to begin or end with: white space, a control character, and a character
     * drawn as nothing but those of the character before them: a mark (a variation selector) and a tag (the flag of
     * Scotland is a black flag and tags).
     */
    private static boolean around(int codePoint) {
        int type = Character.getType(codePoint);
        return space(codePoint) || type == Character.CONTROL || unseen(codePoint)
                && type != Character.NON_SPACING_MARK && !(codePoint >= 0xE0020 && codePoint <= 0xE007F);
    }
}
