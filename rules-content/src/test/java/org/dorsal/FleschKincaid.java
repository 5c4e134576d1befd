package org.dorsal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch–Kincaid grade level of an English text: roughly the US school grade that can read it,
 * {@code 0.39 × words per sentence + 11.8 × syllables per word − 15.59}.
 * {@code FleschKincaid.grade("The cat sat on the mat.")} is −1.45.
 *
 * <p>Counting is by small rules, not a dictionary, and is meant for short plain-language texts:
 * <ul>
 * <li>a sentence ends at {@code .}, {@code !} or {@code ?} followed by a space or the end; a colon
 *     or semicolon does not end one, and a fragment without a full stop counts as one sentence;</li>
 * <li>a word is a run of letters or digits, joined by an apostrophe or hyphen ("don't", "cat-cow");
 *     "15–20" (en dash) is two words;</li>
 * <li>syllables are estimated by {@link #syllables(String)}.</li>
 * </ul>
 */
final class FleschKincaid {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
    /** Suffixes that add one syllable to their stem, whose silent e they keep ("safe-ly", "move-ment"). */
    private static final List<String> SUFFIXES = List.of("ness", "less", "ment", "ful", "ly");
    /** Vowel pairs that are two syllables ("ra-di-ate", "pe-ri-od", "u-su-al"), except after the letters in brackets ("-tion", "-cial", "qua-"). */
    private static final Pattern TWO_VOWELS = Pattern.compile("iu|(?<![ctsxg])i[oa]|(?<![qg])ua");

    private FleschKincaid() {
    }

    static double grade(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return 0;
        }
        int syllables = words.stream().mapToInt(FleschKincaid::syllables).sum();
        return 0.39 * words.size() / sentences(text) + 11.8 * syllables / words.size() - 15.59;
    }

    static List<String> words(String text) {
        return WORD.matcher(text).results().map(m -> m.group()).toList();
    }

    static int sentences(String text) {
        int n = 0;
        for (String part : SENTENCE_END.split(text)) {
            if (WORD.matcher(part).find()) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    /**
     * An estimate of the syllables of one word: the groups of vowels (a, e, i, o, u, and y except
     * as the first letter), less a silent final e, -es or -ed, plus one for each vowel pair of
     * {@link #TWO_VOWELS} and for -ing after a vowel ("do-ing"); a word of up to three letters is one
     * syllable, a number one per digit. Known misses: "maybe" (1, is 2), "somewhere" (3, is 2),
     * "osteopath" (3, is 4), "recipe" (2, is 3).
     */
    static int syllables(String word) {
        int n = 0;
        for (String part : word.toLowerCase(Locale.ROOT).replaceAll("['’]", "").split("-")) {
            n += syllablesOfPart(part);
        }
        return n;
    }

    private static int syllablesOfPart(String w) {
        if (w.isEmpty()) {
            return 0;
        }
        if (w.chars().allMatch(Character::isDigit)) {
            return w.length();
        }
        if (w.length() <= 3) {
            return 1;
        }
        for (String suffix : SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                return syllablesOfPart(w.substring(0, w.length() - suffix.length())) + 1;
            }
        }
        int end = w.length();
        int ingAfterVowel = w.endsWith("ing") && end > 4 && vowel(w.charAt(end - 4)) ? 1 : 0;
        String s = w;
        if (w.endsWith("ed") && !vowel(w.charAt(end - 3)) && "td".indexOf(w.charAt(end - 3)) < 0) {
            s = w.substring(0, end - 2);                       // "tucked", but not "started"
        } else if (w.endsWith("es") && !vowel(w.charAt(end - 3)) && "sxzhcg".indexOf(w.charAt(end - 3)) < 0
                && !(w.charAt(end - 3) == 'l' && !vowel(w.charAt(end - 4)))) {
            s = w.substring(0, end - 2);                       // "makes", but not "stretches" or "muscles"
        } else if (w.endsWith("e") && !vowel(w.charAt(end - 2))
                && !(w.charAt(end - 2) == 'l' && !vowel(w.charAt(end - 3)))) {
            s = w.substring(0, end - 1);                       // "spine", but not "gentle"
        }
        int groups = 0;
        boolean previous = false;
        for (int i = 0; i < s.length(); i++) {
            boolean v = vowel(s.charAt(i)) && !(i == 0 && s.charAt(i) == 'y');
            if (v && !previous) {
                groups++;
            }
            previous = v;
        }
        Matcher pairs = TWO_VOWELS.matcher(s);
        while (pairs.find()) {
            groups++;
        }
        return Math.max(1, groups + ingAfterVowel);
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
