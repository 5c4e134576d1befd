package org.dorsal.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dorsal.Assessment;
import org.dorsal.DorsalJson;
import org.dorsal.Subject;

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
 * the same order, without the indentation, so that it fits on its line.
 */
public final class BatchOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@link DorsalJson}'s assessment writer less its indentation (null fields left out, a subject
     * written by its key), so that a batch writes compact JSON straight away instead of indenting it
     * and taking the indentation out again. {@code BatchOutputTest} holds the two to the same output.
     */
    private static final ObjectMapper LINE = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("dorsal-subjects-line").addSerializer(Subject.class, new StdSerializer<>(Subject.class) {
                @Override
                public void serialize(Subject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                    gen.writeString(value.key());
                }
            }))
            .build();
    private static final byte[] ASSESSMENT = ",\"assessment\":".getBytes(StandardCharsets.UTF_8);

    private BatchOutput() {
    }

    /** The output line of an input line that was read and assessed. */
    public static String assessed(BatchLine line, Assessment assessment) {
        byte[] bytes = assessedLine(line, assessment);
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
    }

    /** {@link #assessed}, in UTF-8 and with its line break: what a batch writes, made by its worker. */
    static byte[] assessedLine(BatchLine line, Assessment assessment) {
        if (!line.ok()) {
            throw new IllegalArgumentException("line " + line.number() + " was refused; write it with refused()");
        }
        byte[] prefix = prefix(line).getBytes(StandardCharsets.UTF_8);
        byte[] body;
        try {
            body = LINE.writeValueAsBytes(assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the assessment", e);
        }
        byte[] out = new byte[prefix.length + ASSESSMENT.length + body.length + 2];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(ASSESSMENT, 0, out, prefix.length, ASSESSMENT.length);
        System.arraycopy(body, 0, out, prefix.length + ASSESSMENT.length, body.length);
        out[out.length - 2] = '}';
        out[out.length - 1] = '\n';
        return out;
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

    private static String prefix(BatchLine line) {
        StringBuilder b = new StringBuilder(64).append("{\"line\":").append(line.number());
        if (line.id() != null) {
            b.append(",\"id\":\"").append(JsonStringEncoder.getInstance().quoteAsString(line.id())).append('"');
        }
        return b.toString();
    }
}
