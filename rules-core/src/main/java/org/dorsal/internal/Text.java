package org.dorsal.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Text for messages that echo what a client sent. Internal: not part of Dorsal's API.
 *
 * <pre>{@code
 * throw new InvalidIntakeException(path, "unknown finding '" + Text.echo(name) + "'");
 * }</pre>
 */
public final class Text {
    /** Marks a clipped echo; three bytes in UTF-8, counted within the limit. */
    public static final String ELLIPSIS = "…";
    private static final int ELLIPSIS_BYTES = 3;
    /** The most an echo of a name or value takes: enough to find it, no more. */
    public static final int ECHO_BYTES = 40;

    private Text() {
    }

    /**
     * A name or value that was sent, as a message may echo it: {@link #clip clipped} to
     * {@value #ECHO_BYTES} bytes.
     *
     * @param s what was sent, or null
     * @return {@code s}, or a prefix of it followed by the ellipsis
     */
    public static String echo(String s) {
        return clip(s, ECHO_BYTES);
    }

    /**
     * {@code s} whole if its UTF-8 encoding fits in {@code maxBytes}, else its longest prefix that
     * fits with {@link #ELLIPSIS} after it. The result is never longer than {@code maxBytes} bytes
     * in UTF-8 and never splits a character: not a surrogate pair, nor a letter from the accents
     * that combine with it. Null, which has nothing to echo, gives the empty string.
     *
     * @param s what was sent, or null
     * @param maxBytes the most UTF-8 bytes the result may take, at least 3 (the ellipsis)
     * @return {@code s}, or a prefix of it followed by the ellipsis
     */
    public static String clip(String s, int maxBytes) {
        if (maxBytes < ELLIPSIS_BYTES) {
            throw new IllegalArgumentException("maxBytes must be at least " + ELLIPSIS_BYTES + ", got " + maxBytes);
        }
        if (s == null) {
            return "";
        }
        // A UTF-16 unit never takes more than three bytes in UTF-8 (a pair takes four for two units).
        if ((long) s.length() * 3 <= maxBytes || prefixThatFits(s, maxBytes) == s.length()) {
            return s;
        }
        int end = prefixThatFits(s, maxBytes - ELLIPSIS_BYTES);
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(s);
        if (!characters.isBoundary(end)) {
            end = characters.preceding(end);
        }
        return s.substring(0, end) + ELLIPSIS;
    }

    /** How many chars of {@code s} encode whole into {@code maxBytes} bytes of UTF-8. */
    private static int prefixThatFits(String s, int maxBytes) {
        // The encoder stops before a character that does not fit whole. A lone surrogate is
        // written as one replacement byte, as String.getBytes writes it.
        CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer in = CharBuffer.wrap(s);
        utf8.encode(in, ByteBuffer.allocate(maxBytes), true);
        return in.position();
    }
}
