package org.chancery.shared;

import java.text.Normalizer;
import java.util.Map;

/**
 * Names as searches compare them: without accents, in one case, Turkish and Greek letters and the
 * Latin letters that have no accent to drop written as their base letters ("Côte d'Ivoire",
 * "COTE D'IVOIRE" and "cote d'ivoire" alike; "İbrahim", "ibrahim"; "ΠΑΠΑΣ", "παπας"; "Łódź", "lodz").
 * A name's key is computed here, in Java, and stored beside it: each database then compares the
 * same strings with a plain {@code LIKE}, so that H2 and PostgreSQL, whose {@code lower()} differ
 * outside ASCII, find the same rows.
 */
public final class SearchText {

    /** The longest key stored: a name's, of at most 300 characters, decomposed. */
    public static final int KEY_LENGTH = 2000;

    /** Letters without a decomposition that a search typed in ASCII should still find. */
    private static final Map<Integer, String> BASE_LETTERS = Map.ofEntries(
            Map.entry((int) 'ł', "l"), Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'ð', "d"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŧ', "t"),
            Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'ß', "ss"),
            Map.entry((int) 'þ', "th"));

    private SearchText() {
    }

    /**
     * The key of {@code text}: compatibility-decomposed, marks dropped, case-folded, base letters,
     * then composed again (a Hangul syllable is its letters decomposed: composed, "기" does not find
     * "김").
     */
    public static String key(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(codePoint -> {
            int type = Character.getType(codePoint);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                return;
            }
            // upper then lower case folds the letters that have two lower cases (σ and ς, i and ı) into one
            int folded = Character.toLowerCase(Character.toUpperCase(codePoint));
            String base = BASE_LETTERS.get(folded);
            if (base != null) {
                key.append(base);
            } else {
                key.appendCodePoint(folded);
            }
        });
        String composed = Normalizer.normalize(key, Normalizer.Form.NFC);
        if (composed.length() <= KEY_LENGTH) {
            return composed;
        }
        int end = Character.isHighSurrogate(composed.charAt(KEY_LENGTH - 1)) ? KEY_LENGTH - 1 : KEY_LENGTH;
        return composed.substring(0, end);
    }

    /**
     * The {@code LIKE} pattern (escape character {@code \}) of the keys that contain the key of
     * {@code query}, its {@code %}, {@code _} and {@code \} taken as they are.
     */
    public static String containing(String query) {
        String key = key(query.strip());
        return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
