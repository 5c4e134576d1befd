package org.dorsal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;
import org.dorsal.internal.Text;

/**
 * The JSON contract: intake in, assessment out. Reading is strict: an unknown field or finding, a
 * state other than {@code present}, {@code absent} or {@code unknown}, a number that is not a whole
 * number in range, a duplicate key, or anything that is not JSON is refused whole with an
 * {@link InvalidIntakeException} that names the field or the position.
 *
 * <pre>{@code
 * Intake intake = DorsalJson.readIntake("{\"hoursSinceOnset\": 30, \"findings\": {\"MUSCLE_SPASM\": \"present\"}}");
 * String json = DorsalJson.writeAssessment(dorsal.assess(intake));
 * }</pre>
 */
public final class DorsalJson {
    /** Far beyond any valid intake; refuses hostile documents before they cost anything. */
    private static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxNumberLength(64)
                            .maxStringLength(1024)
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    /** A subject is written and read by its {@link Subject#key()}, the name the intake uses. */
    private static final SimpleModule SUBJECTS = new SimpleModule("dorsal-subjects")
            .addSerializer(Subject.class, new StdSerializer<>(Subject.class) {
                @Override
                public void serialize(Subject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                    gen.writeString(value.key());
                }
            })
            .addDeserializer(Subject.class, new StdDeserializer<>(Subject.class) {
                @Override
                public Subject deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    String key = p.getValueAsString();
                    return Subject.parse(key).orElseThrow(() -> JsonMappingException.from(p,
                            "neither a finding nor a quantity: " + key));
                }
            });

    private static final ObjectMapper WRITER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(SUBJECTS)
            .build();

    /**
     * Reads assessments back, leniently about fields it does not know, so that a client keeps
     * working when a newer service adds fields.
     */
    private static final ObjectMapper ASSESSMENT_READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(SUBJECTS)
            .build();

    private DorsalJson() {
    }

    /** Reads an intake from UTF-8 bytes; a byte order mark at the start is ignored. */
    public static Intake readIntake(byte[] json) {
        if (json.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidIntakeException("document", "the intake is " + json.length
                    + " bytes; at most " + MAX_DOCUMENT_BYTES + " are accepted");
        }
        // Decoded here, strictly, rather than by Jackson: its byte parser reads overlong forms
        // (C1 81 as "A") and guesses UTF-16 or UTF-32 from zero bytes, so a document that is not
        // UTF-8 could be read as a valid intake.
        try (JsonParser p = READER.getFactory().createParser(utf8(json))) {
            return readIntake(p);
        } catch (IOException e) {
            throw refused(e);
        }
    }

    private static String utf8(byte[] json) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(json);
        CharBuffer out = CharBuffer.allocate(json.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            String where = "line " + line + ", column " + column;
            throw new InvalidIntakeException(where, "the intake is not valid UTF-8 at " + where + " (byte " + in.position() + ")");
        }
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Reads an intake from a UTF-8 stream (at most 64 KiB of it are read; more is refused), which is not closed. */
    public static Intake readIntake(InputStream json) {
        try {
            return readIntake(json.readNBytes(MAX_DOCUMENT_BYTES + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Intake readIntake(String json) {
        return readIntake(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Intake readIntake(JsonParser p) throws IOException {
        JsonNode root = READER.readTree(p);
        if (root == null || root.isMissingNode()) {
            throw new InvalidIntakeException("document", "the intake is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            throw new InvalidIntakeException("document", "the intake must be a JSON object, got " + describe(root));
        }
        Intake.Builder b = Intake.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("findings")) {
                readFindings(value, b);
            } else if (name.equals(Quantity.HOURS_SINCE_ONSET.field())) {
                b.quantity(Quantity.HOURS_SINCE_ONSET, OptionalInt.of(quantity(Quantity.HOURS_SINCE_ONSET, value)));
            } else if (name.equals(Quantity.SELF_CARE_DAYS.field())) {
                b.quantity(Quantity.SELF_CARE_DAYS, OptionalInt.of(quantity(Quantity.SELF_CARE_DAYS, value)));
            } else {
                // A blank name is quoted so that the refusal still names something.
                String unknown = name.isBlank() ? "\"" + name + "\"" : Text.echo(name);
                throw new InvalidIntakeException(unknown, "unknown field '" + Text.echo(name)
                        + "'; an intake has only hoursSinceOnset, selfCareDays and findings");
            }
        }
        return b.build();
    }

    private static void readFindings(JsonNode findings, Intake.Builder b) {
        if (!findings.isObject()) {
            throw new InvalidIntakeException("findings", "findings must be a JSON object, got " + describe(findings));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = findings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "findings." + Text.echo(e.getKey());
            Finding finding;
            try {
                finding = Finding.valueOf(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw new InvalidIntakeException(path, "unknown finding '" + Text.echo(e.getKey()) + "'");
            }
            JsonNode v = e.getValue();
            State state = v.isTextual() ? State.fromJson(v.asText()).orElse(null) : null;
            if (state == null) {
                throw new InvalidIntakeException(path, path + " must be \"present\", \"absent\" or \"unknown\", got " + describe(v));
            }
            b.answer(finding, state);
        }
    }

    private static int quantity(Quantity q, JsonNode v) {
        if (!v.isIntegralNumber()) {
            throw new InvalidIntakeException(q.field(), q.field() + " must be a whole number from 0 to " + q.max()
                    + " (omit it when unknown), got " + describe(v));
        }
        BigInteger n = v.bigIntegerValue();
        if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(q.max())) > 0) {
            throw new InvalidIntakeException(q.field(), q.field() + " must be a whole number from 0 to " + q.max()
                    + ", got " + Text.echo(n.toString()));
        }
        return n.intValue();
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + Text.echo(v.asText()) + "\"";
        }
        if (v.isNumber() || v.isBoolean() || v.isNull()) {
            return Text.echo(v.asText());
        }
        return v.isArray() ? "an array" : "an object";
    }

    private static InvalidIntakeException refused(IOException e) {
        String where = "document";
        String detail = e.getMessage();
        if (e instanceof JsonProcessingException j) {
            detail = j.getOriginalMessage();
            JsonLocation at = j.getLocation();
            if (at != null && at.getLineNr() > 0) {
                where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
            }
        }
        String first = detail == null ? "unreadable" : detail.lines().findFirst().orElse("unreadable");
        return new InvalidIntakeException(where, "the intake is not valid JSON at " + where + ": " + Text.clip(first, 120));
    }

    /** Writes an intake as the JSON the reader accepts; unknown findings are left out. */
    public static String writeIntake(Intake intake) {
        ObjectNode root = WRITER.createObjectNode();
        intake.hoursSinceOnset().ifPresent(h -> root.put(Quantity.HOURS_SINCE_ONSET.field(), h));
        intake.selfCareDays().ifPresent(d -> root.put(Quantity.SELF_CARE_DAYS.field(), d));
        ObjectNode findings = root.putObject("findings");
        for (Finding f : Finding.values()) {
            State s = intake.state(f);
            if (s != State.UNKNOWN) {
                findings.put(f.name(), s.json());
            }
        }
        return write(root);
    }

    /**
     * Writes an assessment: {@code disposition}, {@code provisional}, {@code redFlags},
     * {@code recommendations}, {@code questions}, {@code contentVersion}; a recommendation without a
     * dose has no {@code dose} field.
     */
    public static String writeAssessment(Assessment assessment) {
        return write(assessment);
    }

    /** Reads back what {@link #writeAssessment} wrote, e.g. in a client of a Dorsal service. */
    public static Assessment readAssessment(String json) {
        try {
            return ASSESSMENT_READER.readValue(json, Assessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an assessment: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
