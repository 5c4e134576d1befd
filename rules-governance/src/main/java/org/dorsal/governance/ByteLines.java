package org.dorsal.governance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import org.dorsal.InvalidIntakeException;

/**
 * Splits a byte stream into lines at {@code \n} (a {@code \r} before it is dropped too), leaving the
 * decoding to whoever reads the line, so that the one thread that splits does as little as possible.
 * The last line needs no line break; an empty input has no line. A line longer than
 * {@link #MAX_LINE_BYTES} is not kept: it is skipped to its end and handed on as too long, so one
 * runaway line cannot exhaust memory.
 */
final class ByteLines implements OrderedParallel.Source<ByteLines.Raw> {
    /** Far beyond any intake (64 KiB at most) or FHIR QuestionnaireResponse of the Dorsal form. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** One line's bytes without its line break; {@code bytes} is null when the line was too long. */
    record Raw(byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }

        InvalidIntakeException tooLongError() {
            return new InvalidIntakeException("line", "the line is " + length + " bytes long; at most "
                    + MAX_LINE_BYTES + " are read");
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public Raw next() throws IOException {
        byte[] line = null;
        int lineLength = 0;
        long length = 0;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    eof = true;
                    if (length == 0 && line == null) {
                        return null;
                    }
                    return raw(line, lineLength, length);
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int n = end - position;
            if (length + n <= MAX_LINE_BYTES) {
                if (line == null) {
                    line = new byte[Math.max(n, 256)];
                } else if (lineLength + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(lineLength + n, 2 * line.length));
                }
                System.arraycopy(buffer, position, line, lineLength, n);
                lineLength += n;
            } else {
                line = null;
                lineLength = 0;
            }
            length += n;
            position = end;
            if (end < limit) {
                position++; // the line break
                return raw(line, lineLength, length);
            }
        }
    }

    private Raw raw(byte[] line, int lineLength, long length) {
        if (length > MAX_LINE_BYTES) {
            return new Raw(null, length);
        }
        int n = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        return new Raw(n == line.length ? line : Arrays.copyOf(line, n), n);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
