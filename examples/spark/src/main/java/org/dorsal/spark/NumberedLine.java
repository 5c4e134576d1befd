package org.dorsal.spark;

import java.io.Serializable;

/**
 * One input line with the number the command line would give it: 1-based, counted across the whole
 * input as if its files were one. The bytes are the line's as stored, without its {@code \n}:
 * decoding is the reader's business, so that a line that is not UTF-8 is refused, not mangled.
 *
 * @param number the line's number, from 1
 * @param bytes the line: an intake or a QuestionnaireResponse, as UTF-8 JSON
 */
public record NumberedLine(long number, byte[] bytes) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A line given as text (a Parquet row, a test). */
    public static NumberedLine of(long number, String text) {
        return new NumberedLine(number, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
