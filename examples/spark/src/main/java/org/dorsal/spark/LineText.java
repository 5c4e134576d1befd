package org.dorsal.spark;

import java.util.Arrays;
import org.dorsal.InvalidIntakeException;
import org.dorsal.governance.BatchLine;
import org.dorsal.governance.BatchReader;

/**
 * Reads a line's bytes as the command line's batch reads the lines it splits: a line longer than
 * {@value #MAX_LINE_BYTES} bytes is refused with the same message, a {@code \r} before the line
 * break is dropped, and the rest is {@link BatchReader#read(long, byte[])}, the command line's own
 * reader, which decodes strictly (a line that is not UTF-8 is refused, never mangled).
 * {@code SameAsCliTest} keeps the two in step. Not thread-safe: one per task.
 */
final class LineText {
    /** The command line's limit: far beyond any intake or QuestionnaireResponse of the Dorsal form. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final BatchReader reader;

    LineText(BatchReader reader) {
        this.reader = reader;
    }

    /** Reads the line as the command line's batch does; never throws for bad input. */
    BatchLine read(NumberedLine line) {
        byte[] bytes = line.bytes();
        if (bytes.length > MAX_LINE_BYTES) {
            return new BatchLine(line.number(), null, null, new InvalidIntakeException("line",
                    "the line is " + bytes.length + " bytes long; at most " + MAX_LINE_BYTES + " are read"));
        }
        boolean carriageReturn = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
        return reader.read(line.number(), carriageReturn ? Arrays.copyOf(bytes, bytes.length - 1) : bytes);
    }
}
