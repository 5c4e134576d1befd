package org.dorsal.fhir;

import java.util.Map;
import java.util.Optional;
import org.dorsal.Disposition;
import org.dorsal.Finding;
import org.dorsal.State;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;

/**
 * Every code the mappings write, in one place, so that the docs, the tests and the resources
 * cannot drift apart. See docs/integration.md for which were verified and how.
 */
final class Codes {
    static final String V2_YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136";
    static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String SNOMED = "http://snomed.info/sct";

    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";

    static final String UNVERIFIED_NOTE = "not checked against any SNOMED CT release: no terminology server was"
            + " available when this mapping was written";

    /**
     * SNOMED CT concepts for the findings that name exactly one clinical finding; each is at most as
     * specific as the finding. Findings that join two (FEVER_OR_CHILLS, …) have none: the codings
     * of one CodeableConcept must all mean the same thing, and "either" has no single concept.
     * All are marked unverified in every resource they appear in.
     */
    private static final Map<Finding, Coding> SNOMED_FINDINGS = Map.of(
            Finding.SEVERE_SUDDEN_HEADACHE, new Coding(SNOMED, "25064002", "Headache"),
            Finding.UNEXPLAINED_WEIGHT_LOSS, new Coding(SNOMED, "89362005", "Weight loss"));

    private Codes() {
    }

    /** The answer option for a finding's state: Yes, No, or asked but unknown. */
    static Coding answer(State state) {
        return switch (state) {
            case PRESENT -> new Coding(V2_YES_NO, "Y", "Yes");
            case ABSENT -> new Coding(V2_YES_NO, "N", "No");
            case UNKNOWN -> new Coding(DATA_ABSENT_REASON, "asked-unknown", "Asked But Unknown");
        };
    }

    /** The state an answer coding stands for, if it is one of the three {@link #answer} codings. */
    static Optional<State> state(Coding coding) {
        for (State s : State.values()) {
            Coding option = answer(s);
            if (option.getSystem().equals(coding.getSystem()) && option.getCode().equals(coding.getCode())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static Coding finding(String linkId, String display) {
        return new Coding(DorsalFhir.INTAKE_ITEM_SYSTEM, linkId, display);
    }

    static Coding rule(String ruleId) {
        return new Coding(DorsalFhir.RULE_SYSTEM, ruleId, null);
    }

    static Coding disposition(Disposition d) {
        return new Coding(DorsalFhir.DISPOSITION_SYSTEM, d.name(), dispositionText(d));
    }

    /** The disposition's own words, as a display starts: with a capital. */
    static String dispositionText(Disposition d) {
        return Character.toUpperCase(d.text().charAt(0)) + d.text().substring(1);
    }

    /** The finding as a CodeableConcept: Dorsal's code, a SNOMED CT code where one fits (marked unverified). */
    static CodeableConcept findingConcept(Finding finding, String text) {
        CodeableConcept c = new CodeableConcept().setText(text);
        c.addCoding(finding(finding.name(), null));
        Coding snomed = SNOMED_FINDINGS.get(finding);
        if (snomed != null) {
            Coding copy = snomed.copy();
            copy.addExtension(DorsalFhir.UNVERIFIED_CODE_EXTENSION, new StringType(UNVERIFIED_NOTE));
            c.addCoding(copy);
        }
        return c;
    }

    static boolean hasSnomed(Finding finding) {
        return SNOMED_FINDINGS.containsKey(finding);
    }
}
