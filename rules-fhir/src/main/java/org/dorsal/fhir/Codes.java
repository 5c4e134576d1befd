package org.dorsal.fhir;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dorsal.Disposition;
import org.dorsal.Finding;
import org.dorsal.Quantity;
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

    static final String UNIT_OPTION = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";
    static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    static final String ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";

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

    /**
     * A UCUM unit a quantity may be given in, and how many of the intake contract's unit one of it
     * makes (a day is 24 of {@code hoursSinceOnset}'s hours, a week 7 of {@code selfCareDays}' days).
     */
    record Unit(String code, String display, int factor) {
        Coding coding() {
            return new Coding(UCUM, code, display);
        }

        /** {@code value} of this unit as a FHIR Quantity. */
        org.hl7.fhir.r4.model.Quantity of(long value) {
            return new org.hl7.fhir.r4.model.Quantity().setValue(BigDecimal.valueOf(value))
                    .setSystem(UCUM).setCode(code).setUnit(display);
        }
    }

    /**
     * The units a person may answer {@code quantity} in: the contract's own unit first, then the
     * next larger one people count in, so nobody has to turn days into hours. The one place the
     * mappings choose UCUM units: the Questionnaire offers these, the reader accepts these, and every
     * resource that carries a quantity writes one of these.
     */
    static List<Unit> units(Quantity quantity) {
        return switch (quantity) {
            case HOURS_SINCE_ONSET -> List.of(new Unit("h", "hour", 1), new Unit("d", "day", 24));
            case SELF_CARE_DAYS -> List.of(new Unit("d", "day", 1), new Unit("wk", "week", 7));
        };
    }

    /** {@code value}, in the contract's unit, as a Quantity in the largest offered unit it is a whole number of. */
    static org.hl7.fhir.r4.model.Quantity quantity(Quantity quantity, long value) {
        List<Unit> units = units(quantity);
        Unit unit = units.get(0);
        for (Unit u : units) {
            if (value != 0 && value % u.factor() == 0) {
                unit = u;
            }
        }
        return unit.of(value / unit.factor());
    }

    /**
     * The answer option a patient sees for a finding's state: Yes, No, or Don't know. The unknown
     * option keeps its code ({@code data-absent-reason#asked-unknown}: the meaning) and shows
     * "Don't know" (what a patient expects to read), not the code system's "Asked But Unknown".
     */
    static Coding option(State state) {
        Coding c = answer(state);
        return state == State.UNKNOWN ? c.setDisplay(DONT_KNOW) : c;
    }

    static final String DONT_KNOW = "Don't know";

    /** A finding's state as its code system shows it: Yes, No, or Asked But Unknown. */
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
