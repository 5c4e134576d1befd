package org.dorsal.governance;

import java.nio.charset.CharsetDecoder;
import org.dorsal.Dorsal;
import org.dorsal.InvalidIntakeException;

/** A worker's own line reader and UTF-8 decoder: neither is thread-safe. */
final class RawReader {
    private final BatchReader reader;
    private final CharsetDecoder utf8 = ByteLines.Raw.decoder();

    RawReader(Dorsal dorsal) {
        this.reader = new BatchReader(dorsal);
    }

    /** Reads line {@code number}; a line that is too long or not UTF-8 is refused like any bad line. */
    BatchLine read(long number, ByteLines.Raw raw) {
        String text;
        try {
            text = raw.text(utf8);
        } catch (InvalidIntakeException e) {
            return BatchLine.refused(number, null, e);
        }
        return reader.read(number, text);
    }
}
