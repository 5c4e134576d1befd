package org.dorsal.governance;

import org.dorsal.Dorsal;

/** A worker's own line reader: not thread-safe, as {@link BatchReader} is not. */
final class RawReader {
    private final BatchReader reader;

    RawReader(Dorsal dorsal) {
        this.reader = new BatchReader(dorsal);
    }

    /** Reads line {@code number}; a line that is too long or not UTF-8 is refused like any bad line. */
    BatchLine read(long number, ByteLines.Raw raw) {
        if (raw.tooLong()) {
            return BatchLine.refused(number, null, raw.tooLongError());
        }
        return reader.read(number, raw.bytes());
    }
}
