package org.dorsal.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dorsal.InvalidIntakeException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;

/**
 * Intake responses as an EHR's FHIR server holds them: the search that finds a patient's newest
 * one, the pick from a search Bundle, the check that a response is about the patient in hand, and
 * where in a response an {@link InvalidIntakeException} points. What every host that reads
 * intakes from an EHR needs, whether the EHR sends them (CDS Hooks prefetch) or the host fetches
 * them ({@link IntakeFetcher}).
 *
 * <pre>{@code
 * String template = IntakeResponses.SEARCH_TEMPLATE;                 // a CDS Hooks prefetch template
 * Optional<QuestionnaireResponse> newest = IntakeResponses.newest(prefetchedBundle);
 * if (newest.isPresent() && !IntakeResponses.isFor(newest.get(), patientId)) { ... refuse ... }
 * }</pre>
 */
public final class IntakeResponses {
    /** The FHIR search token a CDS Hooks prefetch template fills with the patient in context. */
    public static final String PATIENT_TOKEN = "{{context.patientId}}";
    /**
     * The search for a patient's newest completed or amended response to the intake Questionnaire
     * (any version), relative to a FHIR base URL, with {@link #PATIENT_TOKEN} for the patient.
     * It is the service's CDS Hooks prefetch template, and the query {@link IntakeFetcher} runs.
     */
    public static final String SEARCH_TEMPLATE = "QuestionnaireResponse?subject=Patient/" + PATIENT_TOKEN
            + "&questionnaire=" + URLEncoder.encode(DorsalFhir.QUESTIONNAIRE_URL, StandardCharsets.UTF_8)
            + "&status=completed,amended&_sort=-authored&_count=1";

    /** FHIR R4's id datatype: what a patient id must be before it goes into a query. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern ITEM_INDEX = Pattern.compile("item\\[\\d+]");
    /** The order the search asks for: newest authored first; a response without a date counts as oldest. */
    private static final Comparator<QuestionnaireResponse> BY_AUTHORED = Comparator.comparing(
            QuestionnaireResponse::getAuthored, Comparator.nullsFirst(Comparator.<Date>naturalOrder()));

    private IntakeResponses() {
    }

    /**
     * {@link #SEARCH_TEMPLATE} for {@code patientId}.
     *
     * @throws IllegalArgumentException when {@code patientId} is not a FHIR id (1 to 64 letters,
     *         digits, '-' and '.'), so that nothing but an id can reach the query
     */
    public static String search(String patientId) {
        requireFhirId(patientId);
        return SEARCH_TEMPLATE.replace(PATIENT_TOKEN, patientId);
    }

    static void requireFhirId(String patientId) {
        if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
            throw new IllegalArgumentException("the patient id must be a FHIR id: 1 to 64 letters, digits, '-' or '.'");
        }
    }

    /**
     * The newest response in a search Bundle that {@link #SEARCH_TEMPLATE} would have found: a
     * response to the intake Questionnaire (any version), completed or amended, latest
     * {@code authored} first (one without a date counts as oldest; of equal dates, the first in the
     * Bundle). The Bundle is filtered and sorted again here because a server may ignore a search
     * parameter it does not support, and answering on an older or another form's response would
     * advise on the wrong answers. Entries of other types (an OperationOutcome, included
     * resources) are skipped.
     *
     * @return empty when the Bundle holds no such response: no intake on file
     */
    public static Optional<QuestionnaireResponse> newest(Bundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(QuestionnaireResponse.class::isInstance)
                .map(QuestionnaireResponse.class::cast)
                .filter(IntakeResponses::isIntake)
                .reduce((a, b) -> BY_AUTHORED.compare(b, a) > 0 ? b : a);
    }


    /** Whether {@code response} is one the search asks for: to the intake Questionnaire, completed or amended. */
    static boolean isIntake(QuestionnaireResponse response) {
        String questionnaire = response.getQuestionnaire();
        if (questionnaire == null || !questionnaire.split("\\|", 2)[0].equals(DorsalFhir.QUESTIONNAIRE_URL)) {
            return false;
        }
        QuestionnaireResponseStatus status = response.getStatus();
        return status == QuestionnaireResponseStatus.COMPLETED || status == QuestionnaireResponseStatus.AMENDED;
    }

    /**
     * Whether {@code response} may be read as {@code patientId}'s: false when its subject refers
     * to anything but {@code Patient/patientId} (another patient, another resource type, a
     * contained resource), whatever server base the reference carries. A response with no subject
     * reference is taken as the patient's: the search that found it asked for that patient.
     * Never advise on someone else's answers: refuse the request when this is false.
     */
    public static boolean isFor(QuestionnaireResponse response, String patientId) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(patientId, "patientId");
        if (!response.hasSubject() || !response.getSubject().hasReference()) {
            return true;
        }
        IdType subject = new IdType(response.getSubject().getReference());
        return "Patient".equals(subject.getResourceType()) && patientId.equals(subject.getIdPart());
    }

    /**
     * The FHIRPath, from the QuestionnaireResponse, of the element an {@link InvalidIntakeException}
     * names in {@link InvalidIntakeException#field()}: {@code QuestionnaireResponse.status},
     * {@code QuestionnaireResponse.repeat(item).where(linkId='FEVER_OR_CHILLS')}, or for an item without a
     * linkId ({@code item[2]}) {@code QuestionnaireResponse.item[2]}. For an OperationOutcome's
     * {@code issue.expression}.
     */
    public static String expression(String field) {
        if (field == null || field.isEmpty()) {
            return "QuestionnaireResponse";
        }
        if (field.equals("questionnaire") || field.equals("status") || ITEM_INDEX.matcher(field).matches()) {
            return "QuestionnaireResponse." + field;
        }
        return "QuestionnaireResponse.repeat(item).where(linkId='" + fhirPathString(field) + "')";
    }

    /** The body of a FHIRPath string literal: backslash and quote escaped, as are the controls FHIRPath names. */
    private static String fhirPathString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
