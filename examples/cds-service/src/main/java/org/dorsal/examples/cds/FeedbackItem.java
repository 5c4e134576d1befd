package org.dorsal.examples.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One item of CDS Hooks feedback on a card; it refuses itself, naming the field, when it is not
 * feedback as CDS Hooks 2.0 defines it.
 *
 * <pre>
 * List&lt;FeedbackItem&gt; items = FeedbackItem.listOf(body);   // HttpProblem 400 naming e.g. feedback[1].outcome
 * </pre>
 *
 * @param acceptedSuggestions the suggestions accepted, as sent (an array), or null
 * @param overrideReason the reason for an override, as sent (an object), or null
 */
record FeedbackItem(String card, String outcome, String outcomeTimestamp, JsonNode acceptedSuggestions, JsonNode overrideReason) {
    static final int MAX_ITEMS = 100;
    static final int MAX_COMMENT = 4_000;
    static final int MAX_CARD = 100;

    FeedbackItem {
        if (card == null || card.isBlank()) {
            throw HttpProblem.badRequest("invalid-request", "card", "card is required and must be a non-empty string");
        }
        if (card.length() > MAX_CARD) {
            throw HttpProblem.badRequest("invalid-feedback", "card", "card is too long to be a card uuid");
        }
        if (outcome == null || !outcome.equals("accepted") && !outcome.equals("overridden")) {
            throw HttpProblem.badRequest("invalid-feedback", "outcome", "outcome must be accepted or overridden");
        }
        if (outcomeTimestamp == null || outcomeTimestamp.isBlank()) {
            throw HttpProblem.badRequest("invalid-request", "outcomeTimestamp", "outcomeTimestamp is required and must be a non-empty string");
        }
        try {
            OffsetDateTime.parse(outcomeTimestamp);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest("invalid-feedback", "outcomeTimestamp", "outcomeTimestamp must be an ISO 8601 date-time with offset");
        }
        if (acceptedSuggestions != null && !acceptedSuggestions.isArray()) {
            throw HttpProblem.badRequest("invalid-feedback", "acceptedSuggestions", "acceptedSuggestions must be an array");
        }
        if (overrideReason != null) {
            checkOverride(outcome, overrideReason);
        }
    }

    private static void checkOverride(String outcome, JsonNode override) {
        if (!outcome.equals("overridden")) {
            throw HttpProblem.badRequest("invalid-feedback", "overrideReason", "overrideReason is only for an overridden card");
        }
        if (!override.isObject()) {
            throw HttpProblem.badRequest("invalid-feedback", "overrideReason", "overrideReason must be a JSON object");
        }
        JsonNode comment = override.get("userComment");
        if (comment != null && (!comment.isTextual() || comment.asText().length() > MAX_COMMENT)) {
            throw HttpProblem.badRequest("invalid-feedback", "overrideReason.userComment",
                    "overrideReason.userComment must be text of at most " + MAX_COMMENT + " characters");
        }
        JsonNode reason = override.get("reason");
        if (reason != null && !(reason.isObject() && reason.path("code").isTextual())) {
            throw HttpProblem.badRequest("invalid-feedback", "overrideReason.reason", "overrideReason.reason must be a coding with a code");
        }
    }

    /**
     * Every item of a feedback request, each checked: one bad item refuses the request, so that
     * it is stored whole or not at all.
     */
    static List<FeedbackItem> listOf(JsonNode request) {
        JsonNode items = request.isObject() ? request.get("feedback") : null;
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw HttpProblem.badRequest("invalid-feedback", "feedback", "feedback must be a non-empty array");
        }
        if (items.size() > MAX_ITEMS) {
            throw HttpProblem.badRequest("invalid-feedback", "feedback", "at most " + MAX_ITEMS + " feedback items per request");
        }
        List<FeedbackItem> out = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = "feedback[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw HttpProblem.badRequest("invalid-feedback", at, at + " must be a JSON object");
            }
            try {
                out.add(new FeedbackItem(Json.text(item, "card"), Json.text(item, "outcome"), Json.text(item, "outcomeTimestamp"),
                        item.get("acceptedSuggestions"), item.get("overrideReason")));
            } catch (HttpProblem p) {
                throw p.at(at);
            }
        }
        return List.copyOf(out);
    }

    /** The line stored in the feedback log: the item, when and by which service it was received, and what the card said if known. */
    ObjectNode record(String receivedAt, String service, Cards.Issued issued) {
        ObjectNode out = Json.object();
        out.put("receivedAt", receivedAt);
        out.put("service", service);
        out.put("card", card);
        out.put("outcome", outcome);
        out.put("outcomeTimestamp", outcomeTimestamp);
        if (acceptedSuggestions != null) {
            out.set("acceptedSuggestions", acceptedSuggestions);
        }
        if (overrideReason != null) {
            out.set("overrideReason", overrideReason);
        }
        if (issued != null) {
            out.set("issued", Json.WRITER.valueToTree(issued));
        }
        return out;
    }
}
