package org.dorsal.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dorsal.Assessment;
import org.dorsal.DorsalJson;

/**
 * The output line of a batch for each input line, so every input line has exactly one output line,
 * whoever ran the batch (the command line or Spark):
 *
 * <pre>{@code
 * {"line":3,"id":"p-17","assessment":{...}}
 * {"line":4,"error":{"field":"findings.FEVER","message":"unknown finding 'FEVER'"}}
 * }</pre>
 *
 * <p>{@code id} is there when the input line had one. The assessment is exactly what
 * {@link DorsalJson#writeAssessment} writes for a one-shot assessment, the same fields and values in
 * the same order, with the indentation taken out so that it fits on its line.
 */
public final class BatchOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchOutput() {
    }

    /** The output line of an input line that was read and assessed. */
    public static String assessed(BatchLine line, Assessment assessment) {
        if (!line.ok()) {
            throw new IllegalArgumentException("line " + line.number() + " was refused; write it with refused()");
        }
        return prefix(line) + ",\"assessment\":" + compact(DorsalJson.writeAssessment(assessment)) + "}";
    }

    /** The output line of an input line that was refused. */
    public static String refused(BatchLine line) {
        if (line.ok()) {
            throw new IllegalArgumentException("line " + line.number() + " was read; write it with assessed()");
        }
        ObjectNode error = JSON.createObjectNode()
                .put("field", line.error().field())
                .put("message", line.error().getMessage());
        return prefix(line) + ",\"error\":" + error + "}";
    }

    /**
     * The JSON without the whitespace between its tokens. A JSON string cannot hold a raw line
     * break or tab (the writer escapes them), so whitespace outside strings is all indentation.
     */
    static String compact(String json) {
        StringBuilder b = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\') {
                    b.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                b.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String prefix(BatchLine line) {
        StringBuilder b = new StringBuilder(64).append("{\"line\":").append(line.number());
        if (line.id() != null) {
            try {
                b.append(",\"id\":").append(JSON.writeValueAsString(line.id()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a string could not be written as JSON", e);
            }
        }
        return b.toString();
    }
}
