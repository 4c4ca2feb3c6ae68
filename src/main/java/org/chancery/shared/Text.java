package org.chancery.shared;

/**
 * Text as the domain keeps it: without the white space around it, read as {@link String#strip} and validation's
 * {@code @NotBlank} read it (Unicode's, {@link Character#isWhitespace}), not as {@link String#trim} does (which drops
 * control characters too, and once stored a name of one as "").
 */
public final class Text {

    private Text() {
    }

    /**
     * The text without the white space around it; none (null) when it is left out or is white space only: an optional
     * field (a city, a title, an organization) given blank is not known.
     */
    public static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
