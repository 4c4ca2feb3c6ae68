package org.chancery.shared;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Names as searches compare them: without accents, in one case, Turkish and Greek letters and the
 * Latin letters that have no accent to drop written as their base letters ("Côte d'Ivoire",
 * "COTE D'IVOIRE" and "cote d'ivoire" alike; "İbrahim", "ibrahim"; "ΠΑΠΑΣ", "παπας"; "Łódź", "lodz"), and
 * without the characters that are not seen (a zero-width non-joiner, a right-to-left mark). Only the marks of the
 * scripts that write accents and optional vowel points are dropped: a Devanagari or Thai vowel sign, a kana's voicing
 * mark are part of the word they spell ("किताब" is not "कताब", "ガ" is not "カ").
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

    /**
     * The scripts whose marks are accents, or vowel points a name is as often written without (Arabic's harakat,
     * Hebrew's niqqud), and the common characters (a mark on a digit, a space).
     */
    private static final Set<Character.UnicodeScript> MARKS_DROPPED = EnumSet.of(Character.UnicodeScript.LATIN,
            Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.ARMENIAN,
            Character.UnicodeScript.HEBREW, Character.UnicodeScript.ARABIC, Character.UnicodeScript.SYRIAC,
            Character.UnicodeScript.COMMON);

    private SearchText() {
    }

    /**
     * The key of {@code text}: compatibility-decomposed, the characters not seen and the marks of
     * {@link #MARKS_DROPPED} dropped, case-folded, base letters, then composed again (a Hangul syllable is its letters
     * decomposed: composed, "기" does not find "김").
     */
    public static String key(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        Character.UnicodeScript script = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); i += Character.charCount(decomposed.codePointAt(i))) {
            int codePoint = decomposed.codePointAt(i);
            if (Text.unseen(codePoint)) {
                continue;
            }
            int type = Character.getType(codePoint);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                // a mark is of the letter before it
                if (!MARKS_DROPPED.contains(script)) {
                    key.appendCodePoint(codePoint);
                }
                continue;
            }
            script = Character.UnicodeScript.of(codePoint);
            // upper then lower case folds the letters that have two lower cases (σ and ς, i and ı) into one
            int folded = Character.toLowerCase(Character.toUpperCase(codePoint));
            String base = BASE_LETTERS.get(folded);
            if (base != null) {
                key.append(base);
            } else {
                key.appendCodePoint(folded);
            }
        }
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
