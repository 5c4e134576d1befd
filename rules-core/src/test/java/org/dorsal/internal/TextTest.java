package org.dorsal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTest {
    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void text_that_fits_is_kept_whole() {
        assertThat(Text.clip("MUSCLE_SPASM", 40)).isEqualTo("MUSCLE_SPASM");
        assertThat(Text.clip("x".repeat(40), 40)).isEqualTo("x".repeat(40));
        assertThat(Text.clip("é".repeat(20), 40)).as("20 two-byte letters are 40 bytes").isEqualTo("é".repeat(20));
        assertThat(Text.clip("", 3)).isEmpty();
    }

    @Test
    void the_limit_counts_utf8_bytes_with_the_ellipsis() {
        assertThat(Text.clip("x".repeat(41), 40)).isEqualTo("x".repeat(37) + "…");
        assertThat(Text.clip("é".repeat(21), 40)).as("42 bytes").isEqualTo("é".repeat(18) + "…");
        assertThat(Text.clip("€".repeat(30), 40)).as("three bytes each").isEqualTo("€".repeat(12) + "…");
    }

    @Test
    void a_character_is_never_split() {
        String emoji = "\uD83D\uDE00";                                    // one character, a surrogate pair, four bytes
        assertThat(Text.clip(emoji.repeat(20), 40)).isEqualTo(emoji.repeat(9) + "…");
        assertThat(Text.clip("ab" + emoji + "cd", 7)).isEqualTo("ab…");
        String accented = "e\u0301";                                      // e and a combining acute accent: one letter
        assertThat(Text.clip("x".repeat(35) + accented + "yyyy", 40)).isEqualTo("x".repeat(35) + "…");
    }

    @Test
    void random_text_stays_within_the_limit_and_is_a_prefix() {
        SplittableRandom random = new SplittableRandom(7);
        // 1, 2, 3 and 4 bytes; a letter with a combining accent; a lone surrogate (one byte, '?')
        String[] alphabet = {"a", "é", "€", "\uD83D\uDE00", "e\u0301", "\uD800"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = b.toString();
            int limit = 3 + random.nextInt(60);
            String clipped = Text.clip(s, limit);
            assertThat(utf8(clipped)).as("%s clipped to %d", s, limit).isLessThanOrEqualTo(limit);
            if (utf8(s) <= limit) {
                assertThat(clipped).isEqualTo(s);
            } else {
                assertThat(clipped).endsWith("…");
                String kept = clipped.substring(0, clipped.length() - 1);
                assertThat(s).startsWith(kept);
                char next = s.charAt(kept.length());
                boolean splitsAPair = !kept.isEmpty() && Character.isHighSurrogate(kept.charAt(kept.length() - 1))
                        && Character.isLowSurrogate(next);
                assertThat(splitsAPair).as("%s clipped to %d splits a surrogate pair", s, limit).isFalse();
                assertThat(Character.getType(next)).as("%s clipped to %d leaves an accent behind", s, limit)
                        .isNotEqualTo(Character.NON_SPACING_MARK);
            }
        }
    }

    @Test
    void null_echoes_nothing_and_the_limit_must_hold_the_ellipsis() {
        assertThat(Text.clip(null, 40)).isEmpty();
        assertThatThrownBy(() -> Text.clip("abc", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be at least 3, got 2");
    }
}
