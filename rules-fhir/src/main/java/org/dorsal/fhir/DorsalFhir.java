package org.dorsal.fhir;

import java.util.List;
import java.util.Objects;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Dorsal in FHIR R4: the intake as a {@link Questionnaire} Dorsal publishes, a
 * {@link QuestionnaireResponse} read back into an {@link Intake}, and an {@link Assessment} as a
 * {@link GuidanceResponse} carrying a RequestGroup of the recommended actions.
 *
 * <pre>{@code
 * DorsalFhir fhir = DorsalFhir.of(dorsal);
 * Questionnaire form = fhir.questionnaire();              // publish it, let the EHR or app fill it in
 * Intake intake = fhir.intake(response);                  // strict: refuses what does not fit, naming the linkId
 * GuidanceResponse g = fhir.guidanceResponse(dorsal.assess(intake), new Reference("Patient/123"));
 * }</pre>
 *
 * <p>Codes: Dorsal's own code systems ({@link #INTAKE_ITEM_SYSTEM}, {@link #RULE_SYSTEM},
 * {@link #DISPOSITION_SYSTEM}, published by {@link #codeSystems()}), HL7 code systems for the answers
 * and categories, UCUM for units, and a few SNOMED CT codes that could not be checked against a
 * terminology server and carry the {@link #UNVERIFIED_CODE_EXTENSION} to say so.
 *
 * <p>Instances are immutable and thread-safe. Every resource returned is a fresh copy the caller
 * may change.
 */
public final class DorsalFhir {
    /**
     * The base of every canonical URL Dorsal mints. The project owns no domain; {@code example.org}
     * is reserved (RFC 2606), so these identifiers can never clash with anyone's real resources.
     * They identify; they do not resolve.
     */
    public static final String CANONICAL_BASE = "https://dorsal.example.org/fhir";
    /** The id of the intake Questionnaire on a FHIR server. */
    public static final String QUESTIONNAIRE_ID = "dorsal-intake";
    /** The canonical URL of the intake Questionnaire; stable across versions ({@code version} tells them apart). */
    public static final String QUESTIONNAIRE_URL = CANONICAL_BASE + "/Questionnaire/" + QUESTIONNAIRE_ID;
    /** Findings and quantities of an intake; each code equals the linkId of its Questionnaire item. */
    public static final String INTAKE_ITEM_SYSTEM = CANONICAL_BASE + "/CodeSystem/dorsal-intake-item";
    /** Rule IDs of the knowledge base, e.g. {@code RF-RADICULOPATHY}. */
    public static final String RULE_SYSTEM = CANONICAL_BASE + "/CodeSystem/dorsal-rule";
    /** Dispositions: EMERGENCY, URGENT, ROUTINE, SELF_CARE. */
    public static final String DISPOSITION_SYSTEM = CANONICAL_BASE + "/CodeSystem/dorsal-disposition";
    /** The knowledge base that decided, as {@code GuidanceResponse.moduleUri} (with {@code |version}). */
    public static final String KNOWLEDGE_BASE_URI = CANONICAL_BASE + "/Library/dorsal-rules";
    /** Marks a Coding whose code could not be verified; its valueString says why. */
    public static final String UNVERIFIED_CODE_EXTENSION = CANONICAL_BASE + "/StructureDefinition/unverified-code";

    private final Questionnaire questionnaire;
    private final Responses.Layout layout;
    private final List<CodeSystem> codeSystems;

    private DorsalFhir(Dorsal dorsal) {
        this.questionnaire = Forms.questionnaire(dorsal);
        this.layout = Responses.Layout.of(questionnaire);
        this.codeSystems = Forms.codeSystems(dorsal);
    }

    /** The FHIR mappings for the knowledge base {@code dorsal} has loaded. */
    public static DorsalFhir of(Dorsal dorsal) {
        return new DorsalFhir(Objects.requireNonNull(dorsal, "dorsal"));
    }

    /**
     * The intake Questionnaire, as a patient-facing renderer presents it: a note that a blank
     * answer counts as "Don't know", then groups by section (warning signs, the complaint, timing
     * and self-care, habits) holding the knowledge base's questions in its own order (§6). A
     * finding is a choice item shown as radio buttons, answered Yes, No or Don't know (the code
     * stays {@code data-absent-reason#asked-unknown}); a duration is a quantity item answered in
     * either of two UCUM units (hours or days since onset, days or weeks of self-care), so nobody
     * has to convert. Red-flag questions carry help text. A follow-up has {@code enableWhen}: it
     * is hidden while the answers it follows are all No, derived from the knowledge base's own
     * relevance (the neck-movement question follows dizziness and visual disturbance). Its version
     * is the content version of the knowledge base.
     */
    public Questionnaire questionnaire() {
        return questionnaire.copy();
    }

    /** Dorsal's code systems: intake items, rule IDs, dispositions. */
    public List<CodeSystem> codeSystems() {
        return codeSystems.stream().map(CodeSystem::copy).toList();
    }

    /**
     * Reads a response to the intake Questionnaire (any version of it). Answers are read inside
     * their groups, as this version of the form has them, or all at the top level, as the form of
     * Dorsal 1.x and 2.0 had them; a response mixing the two shapes, or with an answer in a group
     * that is not its own, is refused. An item left unanswered is unknown. An answer to a follow-up
     * the form would hide is read as given (responses to the earlier form have them; the knowledge
     * base does not act on them). A duration is converted to the intake's unit ({@code 3 d} of
     * onset is 72 hours); a {@code valueInteger}, as earlier versions of the form were answered, is
     * taken in that unit.
     *
     * @throws InvalidIntakeException when the response is not to this Questionnaire, was entered in
     *         error, or has an item that does not fit: {@link InvalidIntakeException#field()} is then
     *         the item's linkId ({@code questionnaire} or {@code status} for those elements)
     */
    public Intake intake(QuestionnaireResponse response) {
        return Responses.read(response, layout);
    }

    /**
     * The response a person who gave {@code intake} would have filled in, in the Questionnaire's
     * groups and item order; unknown findings are left out, and so is the answer to a follow-up the
     * form hides after those answers (it changes neither the disposition nor the rule IDs). Each
     * duration is in the largest unit it offers that the value is a whole number of (96 hours as
     * {@code 4 d}, 30 hours as {@code 30 h}).
     */
    public QuestionnaireResponse questionnaireResponse(Intake intake) {
        return Responses.write(Objects.requireNonNull(intake, "intake"), questionnaire);
    }

    /** {@link #guidanceResponse(Assessment, Reference)} without a subject. */
    public GuidanceResponse guidanceResponse(Assessment assessment) {
        return guidanceResponse(assessment, null);
    }

    /**
     * The assessment as a GuidanceResponse: status {@code data-required} while provisional
     * ({@code success} otherwise), a {@code dataRequirement} per open question, and as its result a
     * contained RequestGroup with one action per recommendation, each citing its rule ID and source.
     * Red flags are contained Observations referred to by their escalation's request.
     *
     * @param subject the patient, copied into every resource that has a subject; may be null
     */
    public GuidanceResponse guidanceResponse(Assessment assessment, Reference subject) {
        return Guidance.of(Objects.requireNonNull(assessment, "assessment"), subject);
    }
}
