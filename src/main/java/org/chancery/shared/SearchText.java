package org.chancery.shared;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names as searches compare them: without accents, in one case, Turkish and Greek letters and the
 * Latin letters that have no accent to drop written as their base letters ("Côte d'Ivoire",
 * "COTE D'IVOIRE" and "cote d'ivoire" alike; "İbrahim", "ibrahim"; "ΠΑΠΑΣ", "παπας"; "Łódź", "lodz"), and
 * without the characters that are not seen (a zero-width non-joiner, a right-to-left mark). Only the marks of the
 * scripts that write accents and optional vowel points are dropped: a Devanagari or Thai vowel sign, a kana's voicing
 * mark, Cyrillic's й and ї are part of the word they spell ("किताब" is not "कताब", "ガ" is not "カ"). The letters
 * one keyboard writes otherwise than another are one (Persian's ی and ک, Arabic's ي and ك; Urdu's ہ, ه), and so are
 * the marks typed one way or another: apostrophes (O'Brien, O’Brien and OBrien; ʿAbd and Abd) are left out, hyphens
 * and dashes are "-", quotation marks '"'.
 * A name's key is computed here, in Java, and stored beside it: each database then compares the
 * same strings with a plain {@code LIKE}, so that H2 and PostgreSQL, whose {@code lower()} differ
 * outside ASCII, find the same rows.
 */
public final class SearchText {

    /** The longest key stored: a name's, of at most 300 characters, decomposed. */
    public static final int KEY_LENGTH = 2000;

    /**
     * Letters without a decomposition that a search typed in ASCII should still find, the Arabic-script letters that
     * keyboards write otherwise, and the marks typed one way or another.
     */
    private static final Map<Integer, String> BASE_LETTERS = baseLetters();

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

    private static Map<Integer, String> baseLetters() {
        Map<Integer, String> letters = new HashMap<>(Map.ofEntries(
                Map.entry((int) 'ł', "l"), Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"),
                Map.entry((int) 'ð', "d"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŧ', "t"),
                Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'ß', "ss"),
                Map.entry((int) 'þ', "th"),
                // Persian's yeh and Arabic's alef maksura as Arabic's yeh, Persian's keheh and the swash kaf as
                // kaf, Urdu's heh goal and the teh marbuta as heh (not Urdu's heh doachashmee, which writes
                // aspiration: بھارت is not بہارت); the tatweel only stretches
                Map.entry(0x06CC, "\u064A"), Map.entry(0x0649, "\u064A"), Map.entry(0x06A9, "\u0643"),
                Map.entry(0x06AA, "\u0643"), Map.entry(0x06C1, "\u0647"), Map.entry(0x0629, "\u0647"),
                Map.entry(0x0640, "")));
        // apostrophes and the letters that transliterate ayin and hamza, which names are as often written without
        for (int apostrophe : new int[] {'\'', '`', 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x02BB, 0x02BD, 0x02BE,
                0x02BF, 0x05F3}) {
            letters.put(apostrophe, "");
        }
        for (int dash = 0x2010; dash <= 0x2015; dash++) {
            letters.put(dash, "-");
        }
        letters.put(0x2212, "-");
        for (int quote : new int[] {0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x05F4}) {
            letters.put(quote, "\"");
        }
        return Map.copyOf(letters);
    }

    /**
     * The key of {@code text}: compatibility-decomposed, the characters not seen, control characters and the marks
     * that are not {@linkplain #keeps kept} dropped, case-folded, base letters, then composed again (a Hangul
     * syllable is its letters decomposed: composed, "기" does not find "김").
     */
    public static String key(String text) {
        // without what is not seen around it, as the name is kept (a name an earlier release kept with a no-break
        // space around it has the key of the name without)
        String decomposed = Normalizer.normalize(Text.strip(text), Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        Character.UnicodeScript script = Character.UnicodeScript.COMMON;
        int letter = ' ';
        for (int i = 0; i < decomposed.length(); i += Character.charCount(decomposed.codePointAt(i))) {
            int codePoint = decomposed.codePointAt(i);
            int type = Character.getType(codePoint);
            if (Text.unseen(codePoint) || type == Character.CONTROL) {
                continue;
            }
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                // a mark is of the letter before it
                if (keeps(script, letter, codePoint)) {
                    key.appendCodePoint(codePoint);
                }
                continue;
            }
            script = Character.UnicodeScript.of(codePoint);
            // upper then lower case folds the letters that have two lower cases (σ and ς, i and ı) into one
            letter = Character.toLowerCase(Character.toUpperCase(codePoint));
            String base = BASE_LETTERS.get(letter);
            if (base != null) {
                key.append(base);
            } else {
                key.appendCodePoint(letter);
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
     * Whether the key keeps {@code mark}, of {@code letter} (case-folded) in {@code script}: the marks of the scripts
     * that spell with them, not those of {@link #MARKS_DROPPED}, but for Cyrillic's й, ў and ї, letters of their own;
     * and not Devanagari's nukta of the consonants of Persian and Arabic words, which Hindi writes as often without
     * (ज़ाकिर, जाकिर), though it keeps ड़ and ढ़, letters of their own (पड़ना is not पडना), as Bengali's য় ড় ঢ় are.
     */
    private static boolean keeps(Character.UnicodeScript script, int letter, int mark) {
        if (mark == 0x093C && letter != 0x0921 && letter != 0x0922) {
            return false;
        }
        if (script == Character.UnicodeScript.CYRILLIC) {
            return mark == 0x0306 || mark == 0x0308 && letter == 0x0456;
        }
        return !MARKS_DROPPED.contains(script);
    }

    /**
     * The {@code LIKE} pattern (escape character {@code \}) of the keys that contain the key of
     * {@code query}, its {@code %}, {@code _} and {@code \} taken as they are; none (null) if its key is empty: a
     * query of which nothing is seen, or nothing a key keeps (apostrophes, a tatweel, a mark alone), is no search.
     */
    public static String containing(String query) {
        // the spaces that were around what the key leaves out ("’ Kim") are around nothing
        String key = key(query).strip();
        if (key.isEmpty()) {
            return null;
        }
        return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
