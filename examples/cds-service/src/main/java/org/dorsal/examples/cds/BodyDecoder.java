package org.dorsal.examples.cds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.dorsal.internal.Text;

/**
 * The one way a request body is read, whatever the endpoint: the Content-Type it must have (charset
 * UTF-8 or none), at most {@code limit} bytes whatever Content-Length says, decoded as UTF-8 with
 * malformed bytes refused (never replaced), and, for JSON, duplicate keys and trailing data refused.
 *
 * <pre>
 * JsonNode hook = new BodyDecoder(Exchanges.JSON, 1024 * 1024).json(exchange, "the hook request");
 * </pre>
 */
final class BodyDecoder {
    /** Past the limit, a body is read and dropped up to this size so that the 413 reaches the client. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64).maxStringLength(CdsLimits.HOOK).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String contentType;
    private final int limit;

    BodyDecoder(String contentType, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a body limit must be at least one byte, got " + limit);
        }
        this.contentType = contentType;
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** The body as text: the Content-Type checked, the size limited, the UTF-8 strict; a leading byte order mark dropped. */
    String text(HttpExchange ex) throws IOException {
        requireContentType(ex);
        return utf8(bytes(ex));
    }

    /** The body as one JSON value; {@code what} names it in the refusal, e.g. "the hook request". */
    JsonNode json(HttpExchange ex, String what) throws IOException {
        return json(text(ex), what);
    }

    static JsonNode json(String text, String what) {
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw HttpProblem.badRequest("malformed-json", "body", what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw HttpProblem.badRequest("malformed-json", "body", what + " is not valid JSON" + where + ": "
                    + Text.clip(e.getOriginalMessage(), 120));
        }
    }

    /** Refuses a request whose Content-Type is not this decoder's (parameters allowed, charset UTF-8 only). */
    void requireContentType(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Content-Type");
        if (header == null) {
            throw new HttpProblem(415, "unsupported-media-type", "Content-Type", "no Content-Type; send " + contentType);
        }
        String[] parts = header.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(contentType)) {
            throw new HttpProblem(415, "unsupported-media-type", "Content-Type",
                    "Content-Type " + Text.echo(type) + " is not accepted here; send " + contentType);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].strip().split("=", 2);
            if (kv[0].equalsIgnoreCase("charset") && kv.length == 2
                    && !kv[1].replace("\"", "").strip().equalsIgnoreCase("utf-8")) {
                throw new HttpProblem(415, "unsupported-media-type", "Content-Type", "only UTF-8 is accepted");
            }
        }
    }

    /** The whole body, or a 413 when it is longer than the limit (whatever Content-Length says). */
    private byte[] bytes(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = ex.getRequestBody()) {
            if (declared != null) {
                long n;
                try {
                    n = Long.parseLong(declared.strip());
                } catch (NumberFormatException e) {
                    throw HttpProblem.badRequest("bad-content-length", "Content-Length", "Content-Length is not a number");
                }
                if (n > limit) {
                    drain(in);
                    throw tooLarge();
                }
            }
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                drain(in);
                throw tooLarge();
            }
            if (body.length == 0) {
                throw HttpProblem.badRequest("empty-body", "body", "the request has no body");
            }
            return body;
        }
    }

    /**
     * Strict UTF-8: {@code new String(bytes, UTF_8)} would replace a malformed byte with U+FFFD and
     * read on, so a body in another encoding could pass as text that means something else.
     */
    static String utf8(byte[] body) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            String text = chars.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("invalid-encoding", "body", "the body is not valid UTF-8");
        }
    }

    private static void drain(InputStream in) throws IOException {
        long left = DRAIN_LIMIT;
        byte[] sink = new byte[8192];
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "too-large", "body", "the body is larger than the " + limit + " bytes accepted here");
    }
}
