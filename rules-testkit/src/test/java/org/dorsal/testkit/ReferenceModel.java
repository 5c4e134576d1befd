package org.dorsal.testkit;

import static org.dorsal.Finding.ACUTE_SYMPTOMS_SUBSIDED;
import static org.dorsal.Finding.ARM_OR_HAND_WEAKNESS;
import static org.dorsal.Finding.AWKWARD_LIFT_OR_TWIST;
import static org.dorsal.Finding.BOWEL_OR_BLADDER_CONTROL_LOSS;
import static org.dorsal.Finding.DEHYDRATION;
import static org.dorsal.Finding.DIZZINESS_OR_VERTIGO;
import static org.dorsal.Finding.FEVER_OR_CHILLS;
import static org.dorsal.Finding.HABITUAL_CRACKING;
import static org.dorsal.Finding.IMPROVING;
import static org.dorsal.Finding.MUSCLE_SPASM;
import static org.dorsal.Finding.NECK_STIFFNESS;
import static org.dorsal.Finding.NUMBNESS_OR_TINGLING;
import static org.dorsal.Finding.PROLONGED_SITTING_OR_SCREEN;
import static org.dorsal.Finding.RADIATING_ARM_PAIN;
import static org.dorsal.Finding.SELF_CARE_TRIED;
import static org.dorsal.Finding.SELF_MANIPULATION;
import static org.dorsal.Finding.SEVERE_SUDDEN_HEADACHE;
import static org.dorsal.Finding.STRESS_OR_TENSION;
import static org.dorsal.Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA;
import static org.dorsal.Finding.UNEXPLAINED_WEIGHT_LOSS;
import static org.dorsal.Finding.UPPER_BACK_STIFFNESS;
import static org.dorsal.Finding.VISUAL_DISTURBANCE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dose;
import org.dorsal.Evidence;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Kind;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.State;
import org.dorsal.Thresholds;

/**
 * The clinical specification's decisions in plain Java, written from ../shared/clinical-content.md
 * and nothing else: the independent oracle the knowledge base is compared with on every generated
 * intake, and what makes a rule mutant fail. It decides the disposition, provisional, the red-flag
 * IDs and their dispositions, the recommendation IDs, and the questions (subject, red flag or not,
 * the most urgent disposition an answer could lead to).
 *
 * <p>Where the specification leaves a choice open, the model follows the knowledge base's
 * documented choice, and says so: threshold questions are asked only without a red flag; exercises
 * wait while any red-flag question is open (the link to neck movement counts only where it is
 * relevant, §6); with a red flag the only advice besides the escalations is the self-manipulation
 * warning (§3), so referrals and education are withheld too.
 */
final class ReferenceModel {
    static final int COLD_ONLY_BEFORE_HOURS = 48;   // §4, fixed
    static final int HEAT_FROM_HOURS = 72;          // §4, fixed

    private final int spasmReferralHours;
    private final int stiffnessReferralDays;

    ReferenceModel(Thresholds thresholds) {
        this.spasmReferralHours = 24 * thresholds.spasmReferralDays();
        this.stiffnessReferralDays = thresholds.stiffnessReferralDays();
    }

    /** A question as the specification would ask it. */
    record Ask(boolean redFlag, Disposition couldLeadTo) {
    }

    /** What the specification decides for one intake. */
    record Expected(Disposition disposition, boolean provisional, Map<String, Disposition> redFlags,
                    Set<String> recommendations, Map<String, Ask> questions) {
    }

    Expected decide(Intake in) {
        // §3 red flags
        Map<String, Disposition> flags = new TreeMap<>();
        boolean dizzyOrVision = present(in, DIZZINESS_OR_VERTIGO) || present(in, VISUAL_DISTURBANCE);
        if (present(in, SEVERE_SUDDEN_HEADACHE)) {
            flags.put("RF-THUNDERCLAP-HEADACHE", Disposition.EMERGENCY);
        }
        if (dizzyOrVision && present(in, SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA)) {
            flags.put("RF-VASCULAR-AFTER-NECK-MOVEMENT", Disposition.EMERGENCY);
        }
        if (dizzyOrVision && !present(in, SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA)) {
            flags.put("RF-DIZZINESS-UNLINKED", Disposition.URGENT);
        }
        if (present(in, BOWEL_OR_BLADDER_CONTROL_LOSS)) {
            flags.put("RF-BOWEL-BLADDER", Disposition.EMERGENCY);
        }
        if (present(in, FEVER_OR_CHILLS) || present(in, UNEXPLAINED_WEIGHT_LOSS)) {
            flags.put("RF-SYSTEMIC", Disposition.URGENT);
        }
        if (present(in, RADIATING_ARM_PAIN)) {
            flags.put("RF-RADICULOPATHY", Disposition.URGENT);
        }
        if (present(in, NUMBNESS_OR_TINGLING) || present(in, ARM_OR_HAND_WEAKNESS)) {
            flags.put("RF-NEURO-DEFICIT", Disposition.URGENT);
        }
        boolean flagged = !flags.isEmpty();

        // §6 red-flag questions: every relevant unknown red-flag finding, flag or no flag.
        Map<String, Ask> questions = new LinkedHashMap<>();
        for (Finding f : RedFlags.openQuestions(in)) {
            questions.put(f.name(), new Ask(true, RedFlags.isEmergencyLevel(f) ? Disposition.EMERGENCY : Disposition.URGENT));
        }
        boolean provisional = !questions.isEmpty();

        Set<String> recs = new TreeSet<>(flags.keySet());
        if (present(in, SELF_MANIPULATION)) {
            recs.add("WARN-SELF-MANIPULATION");
        }
        Disposition disposition = flags.values().stream().reduce(Disposition.SELF_CARE, Disposition::mostUrgent);
        if (!flagged) {
            disposition = selfCare(in, recs, questions, provisional);
        }
        return new Expected(disposition, provisional, flags, recs, questions);
    }

    /** Everything that applies only without a red flag: §4, §5, §7 and the threshold questions of §6. */
    private Disposition selfCare(Intake in, Set<String> recs, Map<String, Ask> questions, boolean provisional) {
        Disposition disposition = Disposition.SELF_CARE;
        OptionalInt h = in.hoursSinceOnset();
        OptionalInt days = in.selfCareDays();
        boolean spasm = present(in, MUSCLE_SPASM);
        boolean stiffness = present(in, NECK_STIFFNESS) || present(in, UPPER_BACK_STIFFNESS);
        State subsided = in.state(ACUTE_SYMPTOMS_SUBSIDED);

        // §4 thermal: exactly one, only with the onset known.
        if (spasm && h.isPresent()) {
            int hours = h.getAsInt();
            if (hours < COLD_ONLY_BEFORE_HOURS) {
                recs.add("TH-COLD-ACUTE");
            } else if (hours < HEAT_FROM_HOURS) {
                recs.add(subsided == State.PRESENT ? "TH-HEAT-TRANSITION" : "TH-COLD-TRANSITION");
            } else {
                recs.add(subsided == State.ABSENT ? "TH-COLD-PERSISTENT" : "TH-HEAT-SUBACUTE");
            }
        }

        // §4 referral thresholds, and §6 questions for what they lack while still undecided.
        boolean spasmRuledOut = !spasm || h.isPresent() && h.getAsInt() < spasmReferralHours
                || in.state(SELF_CARE_TRIED) == State.ABSENT || present(in, IMPROVING);
        if (!spasmRuledOut) {
            if (h.isPresent() && present(in, SELF_CARE_TRIED) && in.state(IMPROVING) == State.ABSENT) {
                recs.add("DT-SPASM-PERSISTENT");
                disposition = Disposition.ROUTINE;
            }
            if (h.isEmpty()) {
                questions.put("hoursSinceOnset", new Ask(false, Disposition.ROUTINE));
            }
            if (unknown(in, SELF_CARE_TRIED)) {
                questions.put(SELF_CARE_TRIED.name(), new Ask(false, Disposition.ROUTINE));
            }
            if (unknown(in, IMPROVING)) {
                questions.put(IMPROVING.name(), new Ask(false, Disposition.ROUTINE));
            }
        }
        boolean stiffnessRuledOut = !stiffness || days.isPresent() && days.getAsInt() < stiffnessReferralDays
                || present(in, IMPROVING);
        if (!stiffnessRuledOut) {
            if (days.isPresent() && in.state(IMPROVING) == State.ABSENT) {
                recs.add("DT-STIFFNESS-NO-IMPROVEMENT");
                disposition = Disposition.ROUTINE;
            }
            if (days.isEmpty()) {
                questions.put("selfCareDays", new Ask(false, Disposition.ROUTINE));
            }
            if (unknown(in, IMPROVING)) {
                questions.put(IMPROVING.name(), new Ask(false, Disposition.ROUTINE));
            }
        }
        // §4: an unknown onset with a spasm means no thermal advice, and the onset is asked.
        if (spasm && h.isEmpty()) {
            questions.putIfAbsent("hoursSinceOnset", new Ask(false, Disposition.SELF_CARE));
        }

        // §5 exercises: only with no red-flag question open; strengthening and mobility wait out the acute phase.
        if (!provisional) {
            boolean neck = present(in, NECK_STIFFNESS);
            boolean upper = present(in, UPPER_BACK_STIFFNESS);
            boolean sitting = present(in, PROLONGED_SITTING_OR_SCREEN);
            boolean acute = spasm && !(h.isPresent() && h.getAsInt() >= HEAT_FROM_HOURS) && subsided != State.PRESENT;
            if (neck || spasm || sitting) {
                recs.add("EX-CHIN-TUCK");
            }
            if (upper) {
                recs.add("EX-CAT-COW");
            }
            if (neck || upper || spasm) {
                recs.add("EX-SHOULDER-ROLLS");
            }
            if (neck) {
                recs.add("EX-NECK-ROTATION");
            }
            if (spasm) {
                recs.add("EX-UPPER-BACK-STRETCH");
                recs.add("EX-TENNIS-BALL");
            }
            if ((neck || upper || spasm || sitting) && !acute) {
                recs.add("EX-BAND-ROWS");
                recs.add("EX-SCAPULAR-SQUEEZE");
                recs.add("EX-WALL-ANGELS");
                recs.add("EX-PRONE-COBRA");
            }
        }

        // §7
        if (present(in, HABITUAL_CRACKING)) {
            recs.add("EDU-CAVITATION");
        }
        if (present(in, PROLONGED_SITTING_OR_SCREEN)) {
            recs.add("PREV-ERGONOMICS");
        }
        if (present(in, DEHYDRATION)) {
            recs.add("PREV-HYDRATION");
        }
        if (present(in, STRESS_OR_TENSION)) {
            recs.add("PREV-STRESS");
        }
        if (present(in, AWKWARD_LIFT_OR_TWIST)) {
            recs.add("PREV-LIFTING");
        }
        recs.add("SN-WATCH-FOR");
        return disposition;
    }

    /** An invariant: the assessment agrees with this model on everything it decides. */
    Invariant agreement() {
        return Invariant.of("reference model", (intake, a) -> diff(decide(intake), intake, a));
    }

    static Optional<String> diff(Expected e, Intake intake, Assessment a) {
        if (a.disposition() != e.disposition()) {
            return Optional.of("disposition " + a.disposition() + ", expected " + e.disposition());
        }
        if (a.provisional() != e.provisional()) {
            return Optional.of("provisional " + a.provisional() + ", expected " + e.provisional());
        }
        Map<String, Disposition> flags = a.redFlags().stream().collect(
                Collectors.toMap(RedFlag::id, RedFlag::disposition, (x, y) -> x, TreeMap::new));
        if (flags.size() != a.redFlags().size() || !flags.equals(e.redFlags())) {
            return Optional.of("red flags " + flags + ", expected " + e.redFlags());
        }
        Set<String> recs = a.recommendations().stream().map(Recommendation::id).collect(Collectors.toCollection(TreeSet::new));
        if (recs.size() != a.recommendations().size() || !recs.equals(e.recommendations())) {
            return Optional.of("recommendations " + recs + ", expected " + e.recommendations()
                    + " (missing " + minus(e.recommendations(), recs) + ", extra " + minus(recs, e.recommendations()) + ")");
        }
        Map<String, Ask> questions = new TreeMap<>();
        for (Question q : a.questions()) {
            questions.put(q.subject().key(), new Ask(q.redFlag(), q.couldLeadTo()));
        }
        if (questions.size() != a.questions().size() || !questions.equals(new TreeMap<>(e.questions()))) {
            return Optional.of("questions " + questions + ", expected " + new TreeMap<>(e.questions()));
        }
        for (Recommendation r : a.recommendations()) {
            Optional<String> wrong = recommendation(r, intake);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    /** §2 and the tables' kind and dose columns, and evidence that is true of the intake. */
    private static Optional<String> recommendation(Recommendation r, Intake intake) {
        String prefix = r.id().substring(0, r.id().indexOf('-'));
        Kind kind = switch (prefix) {
            case "RF", "DT" -> Kind.ESCALATION;
            case "TH" -> Kind.THERMAL;
            case "EX" -> Kind.EXERCISE;
            case "WARN" -> Kind.WARNING;
            case "EDU" -> Kind.EDUCATION;
            case "PREV" -> Kind.PREVENTION;
            case "SN" -> Kind.SAFETY_NET;
            default -> null;
        };
        if (r.kind() != kind) {
            return Optional.of(r.id() + " is of kind " + r.kind() + ", expected " + kind);
        }
        Dose dose = r.dose();
        if (prefix.equals("TH") && (dose == null || dose.min() != 15 || dose.max() != 20 || dose.unit() != Dose.Unit.MINUTES)) {
            return Optional.of(r.id() + " dose " + dose + ", expected 15–20 min");
        }
        if (r.id().equals("EX-TENNIS-BALL") && (dose == null || dose.min() != 90 || dose.max() != 120 || dose.unit() != Dose.Unit.SECONDS)) {
            return Optional.of(r.id() + " dose " + dose + ", expected 90–120 s");
        }
        if (r.evidence().isEmpty() && !r.id().equals("SN-WATCH-FOR")) {
            return Optional.of(r.id() + " names no evidence");
        }
        for (Evidence ev : r.evidence()) {
            if (!ev.value().equals(valueOf(intake, ev.subject().key()))) {
                return Optional.of(r.id() + " cites " + ev + " but the intake says " + valueOf(intake, ev.subject().key()));
            }
        }
        return Optional.empty();
    }

    private static String valueOf(Intake intake, String fact) {
        for (Finding f : Finding.values()) {
            if (f.name().equals(fact)) {
                return intake.state(f).json();
            }
        }
        for (Quantity q : Quantity.values()) {
            if (q.field().equals(fact)) {
                return intake.quantity(q).isPresent() ? Integer.toString(intake.quantity(q).getAsInt()) : "unknown";
            }
        }
        return "(no such fact)";
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static boolean present(Intake in, Finding f) {
        return in.state(f) == State.PRESENT;
    }

    private static boolean unknown(Intake in, Finding f) {
        return in.state(f) == State.UNKNOWN;
    }
}
