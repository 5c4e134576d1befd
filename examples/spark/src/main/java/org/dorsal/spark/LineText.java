package org.dorsal.spark;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.dorsal.InvalidIntakeException;
import org.dorsal.governance.BatchLine;
import org.dorsal.governance.BatchReader;

/**
 * Turns a line's bytes into the line the command line's batch would read, refusing what it refuses
 * with the same field and message: a line longer than {@value #MAX_LINE_BYTES} bytes, or one that is
 * not valid UTF-8. A {@code \r} before the line break is dropped. The CLI-equality test keeps the two
 * in step. Not thread-safe (the decoder is not): one per task.
 */
final class LineText {
    /** The command line's limit: far beyond any intake or QuestionnaireResponse of the Dorsal form. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final BatchReader reader;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    LineText(BatchReader reader) {
        this.reader = reader;
    }

    /** Reads the line as the command line's batch does; never throws for bad input. */
    BatchLine read(NumberedLine line) {
        byte[] bytes = line.bytes();
        if (bytes.length > MAX_LINE_BYTES) {
            return refused(line, "the line is " + bytes.length + " bytes long; at most " + MAX_LINE_BYTES + " are read");
        }
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            return refused(line, "the line is not valid UTF-8");
        }
        return reader.read(line.number(), text);
    }

    private static BatchLine refused(NumberedLine line, String message) {
        return new BatchLine(line.number(), null, null, new InvalidIntakeException("line", message));
    }
}
