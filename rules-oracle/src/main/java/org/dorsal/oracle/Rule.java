package org.dorsal.oracle;

import org.dorsal.Dose;
import org.dorsal.Kind;

/**
 * The rules of the specification in its order (§3, §4, §5, §7), each with the kind, the source and,
 * where the specification gives one, the dose its table gives. Only the wording (text, reason, the
 * dose's note, and the doses the specification leaves to the content) comes from the catalogue.
 */
enum Rule {
    RF_THUNDERCLAP_HEADACHE(Kind.ESCALATION, Sources.NECK_HELP),
    RF_VASCULAR_AFTER_NECK_MOVEMENT(Kind.ESCALATION, Sources.NECK_HELP + "; " + Sources.NECK_RISKS),
    RF_DIZZINESS_UNLINKED(Kind.ESCALATION, Sources.POLICY),
    RF_BOWEL_BLADDER(Kind.ESCALATION, Sources.SPASM_HELP),
    RF_SYSTEMIC(Kind.ESCALATION, Sources.BOTH_HELP),
    RF_RADICULOPATHY(Kind.ESCALATION, Sources.BOTH_HELP),
    RF_NEURO_DEFICIT(Kind.ESCALATION, Sources.BOTH_HELP),
    TH_COLD_ACUTE(Kind.THERMAL, Sources.SPASM_RELIEF, Amount.THERMAL),
    TH_COLD_TRANSITION(Kind.THERMAL, Sources.SPASM_RELIEF, Amount.THERMAL),
    TH_HEAT_TRANSITION(Kind.THERMAL, Sources.SPASM_RELIEF, Amount.THERMAL),
    TH_HEAT_SUBACUTE(Kind.THERMAL, Sources.SPASM_RELIEF, Amount.THERMAL),
    TH_COLD_PERSISTENT(Kind.THERMAL, Sources.SPASM_RELIEF, Amount.THERMAL),
    DT_SPASM_PERSISTENT(Kind.ESCALATION, Sources.SPASM_HELP),
    DT_STIFFNESS_NO_IMPROVEMENT(Kind.ESCALATION, Sources.NECK_HELP),
    EX_CHIN_TUCK(Kind.EXERCISE, "NECK §Cervical Retraction (Chin Tuck); " + Sources.SPASM_RELIEF,
            new Amount(5, 5, Dose.Unit.SECONDS)),
    EX_CAT_COW(Kind.EXERCISE, "NECK §Cat-Cow Sequence"),
    EX_SHOULDER_ROLLS(Kind.EXERCISE, Sources.NECK_ROLLS),
    EX_NECK_ROTATION(Kind.EXERCISE, Sources.NECK_ROLLS),
    EX_UPPER_BACK_STRETCH(Kind.EXERCISE, Sources.SPASM_RELIEF),
    EX_TENNIS_BALL(Kind.EXERCISE, Sources.SPASM_RELIEF, new Amount(90, 120, Dose.Unit.SECONDS)),
    EX_BAND_ROWS(Kind.EXERCISE, Sources.SPASM_PREVENTION),
    EX_SCAPULAR_SQUEEZE(Kind.EXERCISE, Sources.SPASM_PREVENTION),
    EX_WALL_ANGELS(Kind.EXERCISE, Sources.SPASM_PREVENTION),
    EX_PRONE_COBRA(Kind.EXERCISE, Sources.SPASM_PREVENTION),
    WARN_SELF_MANIPULATION(Kind.WARNING, Sources.NECK_RISKS),
    EDU_CAVITATION(Kind.EDUCATION, "NECK §What Causes the Cracking Sound"),
    PREV_ERGONOMICS(Kind.PREVENTION, Sources.SPASM_PREVENTION),
    PREV_HYDRATION(Kind.PREVENTION, Sources.SPASM_TRIGGERS + "; " + Sources.SPASM_PREVENTION),
    PREV_STRESS(Kind.PREVENTION, Sources.SPASM_TRIGGERS),
    PREV_LIFTING(Kind.PREVENTION, Sources.SPASM_TRIGGERS),
    SN_WATCH_FOR(Kind.SAFETY_NET, Sources.BOTH_HELP);

    /** The public rule ID, e.g. {@code TH-COLD-ACUTE}. */
    final String id;
    final Kind kind;
    /** The citation as the facade gives it: every heading in full ("policy" where §3 says so). */
    final String source;
    /** The amount the specification's table gives, or null where it gives none. */
    final Amount amount;

    Rule(Kind kind, String source) {
        this(kind, source, null);
    }

    Rule(Kind kind, String source, Amount amount) {
        this.id = name().replace('_', '-');
        this.kind = kind;
        this.source = source;
        this.amount = amount;
    }

    /** A dose without its note: the figures of a table row. */
    record Amount(int min, int max, Dose.Unit unit) {
        /** §4: every thermal application, 15–20 min. */
        static final Amount THERMAL = new Amount(15, 20, Dose.Unit.MINUTES);
    }

    /** The sections the rules cite, spelled out (the specification shortens one heading with "…"). */
    private static final class Sources {
        static final String POLICY = "policy";
        static final String NECK_HELP = "NECK §Recognizing When Professional Help is Needed";
        static final String NECK_RISKS = "NECK §Anatomy and Risks of Forced Adjustment";
        static final String NECK_ROLLS = "NECK §Shoulder Rolls and Rotational Stretches";
        static final String SPASM_HELP = "SPASM §Recognizing When Professional Medical Intervention is Necessary";
        static final String BOTH_HELP = NECK_HELP + "; " + SPASM_HELP;
        static final String SPASM_RELIEF = "SPASM §Immediate Non-Invasive Techniques for Relief";
        static final String SPASM_TRIGGERS = "SPASM §Identifying the Most Common Muscle Spasm Triggers";
        // Shortened as the specification writes it; Wording completes it from the content's own list of sections.
        static final String SPASM_PREVENTION = "SPASM §Ergonomic Adjustments and Strengthening…";
    }
}
