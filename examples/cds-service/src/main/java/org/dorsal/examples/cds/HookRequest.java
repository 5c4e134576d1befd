package org.dorsal.examples.cds;

import com.fasterxml.jackson.databind.JsonNode;
import org.dorsal.internal.Text;

/**
 * A CDS Hooks {@code patient-view} request, as far as this service reads it; it refuses itself
 * when a required field is missing or it is for another hook.
 *
 * <pre>
 * HookRequest r = HookRequest.of(body);   // HttpProblem 400 naming the field
 * </pre>
 *
 * @param prefetch the {@code prefetch} object, or null when the request has none
 * @param fhirServer the {@code fhirServer} value as sent, or null; checked by {@link FhirFallback} when used
 * @param fhirAuthorization the {@code fhirAuthorization} value as sent, or null; checked likewise
 */
record HookRequest(String hook, String hookInstance, String patientId, JsonNode prefetch, JsonNode fhirServer,
                   JsonNode fhirAuthorization) {
    static final String PATIENT_VIEW = "patient-view";

    HookRequest {
        if (hook == null || !hook.equals(PATIENT_VIEW)) {
            throw HttpProblem.badRequest("wrong-hook", "hook", "this service answers patient-view, not " + Text.echo(String.valueOf(hook)));
        }
        requireText(hookInstance, "hookInstance");
        requireText(patientId, "context.patientId");
        if (prefetch != null && !prefetch.isObject()) {
            prefetch = null;
        }
    }

    static HookRequest of(JsonNode request) {
        if (!request.isObject()) {
            throw HttpProblem.badRequest("invalid-request", "body", "the hook request must be a JSON object");
        }
        String hook = Json.text(request, "hook");
        if (!hook.equals(PATIENT_VIEW)) {
            return new HookRequest(hook, null, null, null, null, null);       // refuses it, naming the hook
        }
        String hookInstance = Json.text(request, "hookInstance");
        JsonNode context = request.get("context");
        if (context == null || !context.isObject()) {
            throw HttpProblem.badRequest("invalid-request", "context", "context must be a JSON object");
        }
        String patientId;
        try {
            patientId = Json.text(context, "patientId");
        } catch (HttpProblem p) {
            throw p.at("context");
        }
        JsonNode prefetch = request.get("prefetch");
        return new HookRequest(hook, hookInstance, patientId, prefetch == null || prefetch.isNull() ? null : prefetch,
                nonNull(request.get(FhirFallback.SERVER)), nonNull(request.get(FhirFallback.AUTHORIZATION)));
    }

    private static JsonNode nonNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** The prefetched value under {@code key}: JSON null when the EHR found nothing, Java null when it sent no such key. */
    JsonNode prefetched(String key) {
        return prefetch == null ? null : prefetch.get(key);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw HttpProblem.badRequest("invalid-request", field, field + " is required and must be a non-empty string");
        }
    }
}
