package org.dorsal.governance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.dorsal.fhir.DorsalFhir;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Reads batch input lines, each on its own and strictly: an intake in the JSON contract with an
 * optional {@code "id"}, or a FHIR R4 {@code QuestionnaireResponse} (one line of a FHIR Bulk Data
 * NDJSON file). A line that does not fit is refused with the field that failed, and the next line is
 * read as if nothing happened. Not thread-safe (the FHIR parser is not): one reader per thread.
 */
public final class BatchReader {
    /** Longer ids are refused: an id is a key, not a document. */
    public static final int MAX_ID_LENGTH = 200;

    private static final String LEADING_ID = "{\"id\":\"";
    private static final byte[] LEADING_ID_BYTES = LEADING_ID.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "\"id\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESOURCE_TYPE = "\"resourceType\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * As strict as the contract's own reader where it matters before the id is taken off: a
     * duplicate key or anything after the object would otherwise be dropped here unseen.
     */
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final DorsalFhir fhir;
    private IParser fhirParser;

    /** A reader whose FHIR responses are read against {@code dorsal}'s Questionnaire. */
    public BatchReader(Dorsal dorsal) {
        this.fhir = DorsalFhir.of(Objects.requireNonNull(dorsal, "dorsal"));
    }

    /** Reads line {@code number} (from 1). Never throws for bad input: the result says why. */
    public BatchLine read(long number, String line) {
        if (line.isBlank()) {
            return BatchLine.refused(number, null, new InvalidIntakeException("line", "the line is blank; expected one JSON object"));
        }
        // Most lines are plain intakes without an id: read them once, by the contract's own reader.
        boolean fhir = line.contains("\"resourceType\"");
        if (!line.contains("\"id\"") && !fhir) {
            return plainIntake(number, line);
        }
        if (!fhir) {
            BatchLine leading = leadingId(number, line);
            if (leading != null) {
                return leading;
            }
        }
        JsonNode root;
        try {
            root = TREE.readTree(line);
        } catch (JsonProcessingException e) {
            return plainIntake(number, line); // the contract's reader names the position
        }
        if (!(root instanceof ObjectNode object)) {
            return plainIntake(number, line);
        }
        if (object.has("resourceType")) {
            return questionnaireResponse(number, line, object);
        }
        String id;
        try {
            id = id(object.get("id"), "id");
        } catch (InvalidIntakeException e) {
            return BatchLine.refused(number, null, e);
        }
        object.remove("id");
        try {
            return BatchLine.read(number, id, DorsalJson.readIntake(object.toString()));
        } catch (InvalidIntakeException e) {
            return BatchLine.refused(number, id, e);
        }
    }

    /**
     * Reads line {@code number} from its UTF-8 bytes, as {@link #read(long, String)} reads its text.
     * The common shapes (a plain intake, or one whose first member is a plain id) go to the contract's
     * reader without being decoded into a string first; a batch reads millions of them. Public for
     * the Spark job, which splits lines itself and must read them exactly as the command line does.
     * Never throws for bad input: the result says why.
     */
    public BatchLine read(long number, byte[] line) {
        if (isBlank(line)) {
            return read(number, "");
        }
        if (indexOf(line, RESOURCE_TYPE, 0) < 0) {
            if (indexOf(line, ID, 0) < 0) {
                try {
                    return BatchLine.read(number, null, DorsalJson.readIntake(line));
                } catch (InvalidIntakeException e) {
                    return BatchLine.refused(number, null, e);
                }
            }
            BatchLine leading = leadingId(number, line);
            if (leading != null) {
                return leading;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return BatchLine.refused(number, null, new InvalidIntakeException("line", "the line is not valid UTF-8"));
        }
        return read(number, text);
    }

    /** {@link #leadingId(long, String)} on the bytes; an id with anything but ASCII takes the general path. */
    private static BatchLine leadingId(long number, byte[] line) {
        int start = LEADING_ID_BYTES.length;
        if (line.length < start || indexOf(line, LEADING_ID_BYTES, 0) != 0) {
            return null;
        }
        int end = start;
        while (end < line.length && line[end] != '"') {
            byte b = line[end];
            if (b == '\\' || b < 0x20) { // a byte of 0x80 or more is negative: not ASCII
                return null;
            }
            end++;
        }
        if (end + 2 >= line.length || end == start || end - start > MAX_ID_LENGTH) {
            return null;
        }
        String id = new String(line, start, end - start, StandardCharsets.US_ASCII);
        int from;
        if (line[end + 1] == ',' && line[end + 2] == '"') {
            from = end + 2;
        } else if (line[end + 1] == '}') {
            from = end + 1;
        } else {
            return null;
        }
        if (id.isBlank()) {
            return null;
        }
        byte[] rest = new byte[1 + line.length - from];
        rest[0] = '{';
        System.arraycopy(line, from, rest, 1, line.length - from);
        try {
            return BatchLine.read(number, id, DorsalJson.readIntake(rest));
        } catch (InvalidIntakeException e) {
            return null;
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] line, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= line.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (line[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The common shape, an intake whose first member is a plain id ({@code {"id":"p-17","findings":…}},
     * as {@code dorsal synth} writes): read in one pass by the contract's reader, without building a
     * tree first. Anything else, and any line this refuses, is left to the general path (null), so
     * that a refusal names the same field or position whichever path a line takes.
     */
    private static BatchLine leadingId(long number, String line) {
        if (!line.startsWith(LEADING_ID)) {
            return null;
        }
        int end = line.indexOf('"', LEADING_ID.length());
        if (end < 0 || end + 2 >= line.length()) {
            return null;
        }
        String id = line.substring(LEADING_ID.length(), end);
        if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(c -> c == '\\' || c < 0x20)) {
            return null;
        }
        String rest;
        if (line.charAt(end + 1) == ',' && line.charAt(end + 2) == '"') {
            rest = "{" + line.substring(end + 2);
        } else if (line.charAt(end + 1) == '}') {
            rest = "{" + line.substring(end + 1);
        } else {
            return null;
        }
        try {
            return BatchLine.read(number, id, DorsalJson.readIntake(rest));
        } catch (InvalidIntakeException e) {
            return null;
        }
    }

    private static BatchLine plainIntake(long number, String line) {
        try {
            return BatchLine.read(number, null, DorsalJson.readIntake(line));
        } catch (InvalidIntakeException e) {
            return BatchLine.refused(number, null, e);
        }
    }

    private BatchLine questionnaireResponse(long number, String line, ObjectNode object) {
        if (!"QuestionnaireResponse".equals(object.path("resourceType").asText())) {
            return BatchLine.refused(number, null, new InvalidIntakeException("resourceType",
                    "only QuestionnaireResponse resources can be assessed, got " + object.get("resourceType")));
        }
        String id;
        try {
            id = object.has("id") ? id(object.get("id"), "QuestionnaireResponse.id") : null;
        } catch (InvalidIntakeException e) {
            return BatchLine.refused(number, null, e);
        }
        QuestionnaireResponse response;
        try {
            response = parser().parseResource(QuestionnaireResponse.class, line);
        } catch (DataFormatException e) {
            return BatchLine.refused(number, id, new InvalidIntakeException("QuestionnaireResponse",
                    "not a valid FHIR R4 QuestionnaireResponse: " + firstLine(e.getMessage())));
        }
        try {
            return BatchLine.read(number, id, fhir.intake(response));
        } catch (InvalidIntakeException e) {
            return BatchLine.refused(number, id, e);
        }
    }

    private IParser parser() {
        if (fhirParser == null) {
            fhirParser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        }
        return fhirParser;
    }

    private static String id(JsonNode id, String field) {
        if (id == null) {
            return null;
        }
        if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_ID_LENGTH) {
            throw new InvalidIntakeException(field, field + " must be a non-blank string of at most "
                    + MAX_ID_LENGTH + " characters");
        }
        return id.asText();
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        // HAPI prefixes its own message codes (HAPI-1234:); the rest is what a person can act on.
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
