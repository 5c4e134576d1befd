package org.dorsal.examples.cds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writing the service's JSON (empty fields left out), and reading typed fields out of a decoded body. */
final class Json {
    static final ObjectMapper WRITER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return WRITER.createObjectNode();
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A required, non-blank string field; refused as {@code invalid-request} naming the field. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw HttpProblem.badRequest("invalid-request", field, field + " is required and must be a non-empty string");
        }
        return v.asText();
    }

    /** A required JSON object field; refused as {@code invalid-request} naming the field. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw HttpProblem.badRequest("invalid-request", field, field + " must be a JSON object");
        }
        return v;
    }
}
