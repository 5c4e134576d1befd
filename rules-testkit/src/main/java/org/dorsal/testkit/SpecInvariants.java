package org.dorsal.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.InvalidIntakeException;
import org.dorsal.Kind;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.RuleInfo;
import org.dorsal.State;
import org.dorsal.Subject;
import org.dorsal.Thresholds;

/**
 * The invariants of the clinical specification (§8) as checks over (intake, assessment) pairs, and
 * over pairs of pairs for monotonicity. Each is decided from the intake and the specification, not
 * from the knowledge base, so a knowledge base cannot pass them by agreeing with itself.
 *
 * <pre>{@code
 * Dorsal dorsal = Dorsal.builder().build();
 * List<Invariant> invariants = SpecInvariants.all(dorsal);
 * Intake intake = Intake.builder().present(Finding.BOWEL_OR_BLADDER_CONTROL_LOSS).build();
 * Assessment a = dorsal.assess(intake);
 * invariants.forEach(i -> i.violation(intake, a).ifPresent(v -> { throw new AssertionError(v); }));
 * }</pre>
 */
public final class SpecInvariants {
    private SpecInvariants() {
    }

    /**
     * Invariants 1 to 4, 6 and 7, and the order of questions (§6) (invariant 5 relates two assessments: {@link #monotonic()};
     * invariant 8 is about input that is not an intake: {@link #readOrRefuse}). Invariant 7 accepts
     * the rule IDs {@code dorsal}'s knowledge base declares, so that a host's own rules pass it;
     * use {@link #namedRules} with the specification's rules only for the stricter reading.
     */
    public static List<Invariant> all(Dorsal dorsal) {
        List<Invariant> all = new ArrayList<>(ofAssessment(dorsal));
        all.add(1, sameEveryTime(dorsal));
        return List.copyOf(all);
    }

    /**
     * {@link #all} without the check that assesses again: the invariants that judge an assessment
     * alone, for runs where every microsecond counts. Invariant 7 accepts the rules of {@code dorsal}.
     */
    public static List<Invariant> ofAssessment(Dorsal dorsal) {
        return List.of(oneDisposition(), emergency(), redFlagSuppressesSelfCare(), thermal(),
                unknownRedFlagAsked(), questionsInOrder(dorsal), namedRules(dorsal.rules()));
    }

    /**
     * Invariant 1, first half: one disposition, and it is what the red flags demand (§3): the most
     * urgent red flag's when there is one, otherwise {@code SELF_CARE} or {@code ROUTINE}.
     */
    public static Invariant oneDisposition() {
        return Invariant.of("§8.1 one disposition", (intake, a) -> {
            if (a.disposition() == null) {
                return Optional.of("no disposition");
            }
            Optional<Disposition> worst = a.redFlags().stream().map(RedFlag::disposition).reduce(Disposition::mostUrgent);
            if (worst.isPresent() && worst.get() != a.disposition()) {
                return Optional.of("disposition " + a.disposition() + " but the most urgent red flag demands " + worst.get());
            }
            if (worst.isEmpty() && a.disposition().isMoreUrgentThan(Disposition.ROUTINE)) {
                return Optional.of("disposition " + a.disposition() + " without a red flag");
            }
            return Optional.empty();
        });
    }

    /**
     * Invariant 1, second half: the same report always gets the same assessment. Assesses the
     * intake again, so it doubles the cost of a check.
     */
    public static Invariant sameEveryTime(Dorsal dorsal) {
        return Invariant.of("§8.1 same every time", (intake, a) -> {
            Assessment again = dorsal.assess(intake);
            return again.equals(a) ? Optional.empty() : Optional.of("a second assessment differs: " + again);
        });
    }

    /** Invariant 2: any EMERGENCY red flag present means disposition EMERGENCY, whatever else is present. */
    public static Invariant emergency() {
        return Invariant.of("§8.2 emergency", (intake, a) -> {
            boolean demanded = RedFlags.emergencyPresent(intake)
                    || a.redFlags().stream().anyMatch(r -> r.disposition() == Disposition.EMERGENCY);
            return demanded && a.disposition() != Disposition.EMERGENCY
                    ? Optional.of("an emergency red flag is present but the disposition is " + a.disposition())
                    : Optional.empty();
        });
    }

    /** Invariant 3: any red flag present means no THERMAL, EXERCISE or PREVENTION advice. */
    public static Invariant redFlagSuppressesSelfCare() {
        return Invariant.of("§8.3 red flag suppresses self-care", (intake, a) -> {
            boolean flagged = RedFlags.anyPresent(intake);
            if (flagged && a.redFlags().isEmpty()) {
                return Optional.of("a red-flag finding is present but no red flag was raised");
            }
            if (flagged || !a.redFlags().isEmpty()) {
                List<String> selfCare = ids(a, r -> r.kind() == Kind.THERMAL || r.kind() == Kind.EXERCISE
                        || r.kind() == Kind.PREVENTION);
                if (!selfCare.isEmpty()) {
                    return Optional.of("self-care advice beside a red flag: " + selfCare);
                }
            }
            return Optional.empty();
        });
    }

    /** Invariant 4: never heat before 48 h (or with the onset unknown), never cold and heat together, at most one thermal recommendation. */
    public static Invariant thermal() {
        return Invariant.of("§8.4 thermal", (intake, a) -> {
            List<String> thermal = ids(a, r -> r.kind() == Kind.THERMAL);
            if (thermal.size() > 1) {
                return Optional.of("more than one thermal recommendation: " + thermal);
            }
            OptionalInt h = intake.hoursSinceOnset();
            boolean early = h.isEmpty() || h.getAsInt() < Thresholds.COLD_ONLY_BEFORE_HOURS;
            if (early && thermal.stream().anyMatch(SpecInvariants::isHeat)) {
                return Optional.of("heat advised at hoursSinceOnset " + (h.isEmpty() ? "unknown" : h.getAsInt()));
            }
            return Optional.empty();
        });
    }

    /**
     * Invariant 6: an unknown red-flag finding is never treated as absent: while it is relevant
     * (§6, {@link RedFlags#openQuestions}) the report is provisional and the finding is among the
     * questions, as a red-flag question. Conversely, per §2, an assessment is provisional only while
     * such a question is open.
     */
    public static Invariant unknownRedFlagAsked() {
        return Invariant.of("§8.6 unknown red flag asked", (intake, a) -> {
            List<Finding> open = RedFlags.openQuestions(intake);
            Map<Subject, Question> asked = a.questions().stream().collect(Collectors.toMap(Question::subject, q -> q, (x, y) -> x));
            List<String> missing = open.stream().filter(f -> !asked.containsKey(f) || !asked.get(f).redFlag())
                    .map(Finding::name).toList();
            if (!missing.isEmpty()) {
                return Optional.of("unknown red-flag findings not asked as red-flag questions: " + missing);
            }
            if (!open.isEmpty() && !a.provisional()) {
                return Optional.of("red-flag findings " + open + " are unknown but the assessment is not provisional");
            }
            if (a.provisional() && a.questions().stream().noneMatch(Question::redFlag)) {
                return Optional.of("provisional without an open red-flag question");
            }
            return Optional.empty();
        });
    }

    /**
     * §6: questions in the knowledge base's order ({@link Dorsal#questions()}), no subject twice;
     * a question is a red-flag question exactly when its finding is a declared red-flag finding,
     * and then it could lead to the finding's declared level; any other could lead at most to ROUTINE.
     */
    public static Invariant questionsInOrder(Dorsal dorsal) {
        Map<Subject, Integer> place = new java.util.HashMap<>();
        List<Question> all = dorsal.questions();
        for (int i = 0; i < all.size(); i++) {
            place.put(all.get(i).subject(), i);
        }
        Map<Finding, Disposition> levels = dorsal.redFlagFindings();
        return Invariant.of("§6 questions in order", (intake, a) -> {
            List<Question> qs = a.questions();
            for (int i = 1; i < qs.size(); i++) {
                if (place.get(qs.get(i).subject()) <= place.get(qs.get(i - 1).subject())) {
                    return Optional.of("questions out of order: " + subjects(qs));
                }
            }
            for (Question q : qs) {
                Disposition level = q.subject() instanceof Finding f ? levels.get(f) : null;
                if (level != null) {
                    if (!q.redFlag() || q.couldLeadTo() != level) {
                        return Optional.of(q.subject().key() + " should be a red-flag question that could lead to " + level);
                    }
                } else if (q.redFlag() || q.couldLeadTo().isMoreUrgentThan(Disposition.ROUTINE)) {
                    return Optional.of(q.subject().key() + " is not a red-flag finding but is asked as one");
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Invariant 7: every recommendation and red flag names one of {@code rules} (by rule ID, with
     * a kind of advice) and carries that rule's non-blank source.
     */
    public static Invariant namedRules(Collection<RuleInfo> rules) {
        Map<String, RuleInfo> byId = rules.stream().filter(r -> r.kind() != null)
                .collect(Collectors.toUnmodifiableMap(RuleInfo::id, r -> r));
        return Invariant.of("§8.7 named rules", (intake, a) -> {
            for (Recommendation r : a.recommendations()) {
                RuleInfo rule = byId.get(r.id());
                if (rule == null) {
                    return Optional.of("recommendation " + r.id() + " names no rule that gives advice");
                }
                if (r.source() == null || r.source().isBlank() || !r.source().equals(rule.source())) {
                    return Optional.of("recommendation " + r.id() + " has source '" + r.source() + "', its rule '" + rule.source() + "'");
                }
                if (r.kind() != rule.kind()) {
                    return Optional.of("recommendation " + r.id() + " is " + r.kind() + ", its rule " + rule.kind());
                }
            }
            for (RedFlag f : a.redFlags()) {
                RuleInfo rule = byId.get(f.id());
                if (rule == null || f.source().isBlank() || !f.source().equals(rule.source())) {
                    return Optional.of("red flag " + f.id() + " names no rule or not its source");
                }
                if (a.recommendations().stream().noneMatch(r -> r.id().equals(f.id()))) {
                    return Optional.of("red flag " + f.id() + " has no escalation among the recommendations");
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Invariant 5: answering a question (unknown to present or absent) never lowers the
     * disposition, nor does turning a finding from absent to present ({@code IMPROVING} excepted),
     * nor giving a quantity that was unknown. Pairs that are not such a change are not judged.
     */
    public static PairInvariant monotonic() {
        return new PairInvariant() {
            @Override
            public String name() {
                return "§8.5 monotonic";
            }

            @Override
            public Optional<String> check(Intake before, Assessment b, Intake after, Assessment a) {
                Optional<String> change = answerChange(before, after);
                if (change.isEmpty() || !lowered(b.disposition(), a.disposition())) {
                    return Optional.empty();
                }
                return Optional.of(change.get() + " lowered the disposition from " + b.disposition() + " to " + a.disposition());
            }
        };
    }

    /** True when {@code after} is less urgent than {@code before}: what invariant 5 forbids. */
    public static boolean lowered(Disposition before, Disposition after) {
        return before.isMoreUrgentThan(after);
    }

    /**
     * True when changing {@code finding} from {@code from} to {@code to} is a change invariant 5
     * covers: unknown to present or absent, or absent to present except for {@code IMPROVING}, the
     * one protective finding.
     */
    public static boolean isAnswerChange(Finding finding, State from, State to) {
        return from == State.UNKNOWN && to != State.UNKNOWN
                || from == State.ABSENT && to == State.PRESENT && finding != Finding.IMPROVING;
    }

    /**
     * Every intake that differs from {@code intake} by one change invariant 5 covers: each finding
     * answered or turned present, each unknown quantity given one of its {@link Boundaries}.
     */
    public static List<Intake> answerChanges(Intake intake, Thresholds thresholds) {
        List<Intake> out = new ArrayList<>();
        for (Finding f : Finding.values()) {
            for (State to : State.values()) {
                if (isAnswerChange(f, intake.state(f), to)) {
                    out.add(intake.toBuilder().answer(f, to).build());
                }
            }
        }
        for (Quantity q : Quantity.values()) {
            if (intake.quantity(q).isEmpty()) {
                for (OptionalInt v : Boundaries.of(q, thresholds)) {
                    if (v.isPresent()) {
                        out.add(intake.toBuilder().quantity(q, v).build());
                    }
                }
            }
        }
        return out;
    }

    /** The single change from {@code before} to {@code after} that invariant 5 covers, described; empty otherwise. */
    static Optional<String> answerChange(Intake before, Intake after) {
        String change = null;
        for (Finding f : Finding.values()) {
            State from = before.state(f);
            State to = after.state(f);
            if (from != to) {
                if (change != null || !isAnswerChange(f, from, to)) {
                    return Optional.empty();
                }
                change = f + " " + from.json() + "→" + to.json();
            }
        }
        for (Quantity q : Quantity.values()) {
            OptionalInt from = before.quantity(q);
            OptionalInt to = after.quantity(q);
            if (!from.equals(to)) {
                if (change != null || from.isPresent()) {
                    return Optional.empty();
                }
                change = q.field() + " unknown→" + to.getAsInt();
            }
        }
        return Optional.ofNullable(change);
    }

    /**
     * Invariant 8 for one document: reads it with {@link DorsalJson#readIntake(byte[])} and returns
     * the intake, or empty when it was refused as it must be: whole, with an
     * {@link InvalidIntakeException} that names a field or a position.
     *
     * @throws AssertionError when anything else escapes or the refusal names nothing
     */
    public static Optional<Intake> readOrRefuse(byte[] document) {
        try {
            return Optional.of(DorsalJson.readIntake(document));
        } catch (InvalidIntakeException e) {
            if (e.field() == null || e.field().isBlank()) {
                throw new AssertionError("§8.8 bad input: refused without naming a field or position: " + e.getMessage(), e);
            }
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("§8.8 bad input: refused without a message (field " + e.field() + ")", e);
            }
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("§8.8 bad input: " + e.getClass().getName() + " instead of a refusal: " + e.getMessage(), e);
        }
    }

    private static boolean isHeat(String id) {
        return id.startsWith("TH-HEAT");
    }

    private static List<String> ids(Assessment a, Predicate<Recommendation> which) {
        return a.recommendations().stream().filter(which).map(Recommendation::id).toList();
    }

    private static List<String> subjects(List<Question> qs) {
        return qs.stream().map(q -> q.subject().key()).toList();
    }
}
