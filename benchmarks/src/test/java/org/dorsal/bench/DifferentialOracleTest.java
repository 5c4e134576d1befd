package org.dorsal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Interview;
import org.dorsal.Quantity;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RedFlag;
import org.dorsal.State;
import org.dorsal.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base and {@link PlainDorsal}, written apart from the same specification, must agree
 * on every generated intake: disposition, provisional, red flags, recommendation IDs, questions, and
 * then the whole assessment. A disagreement prints the seed, the intake (shrunk to a minimal one) as
 * intake JSON, and both answers, ready to become a case file.
 *
 * <p>Seeded: {@code -Ddorsal.oracle.seed=N} replays a run, {@code -Ddorsal.oracle.intakes=N} changes
 * how many intakes are drawn.
 */
class DifferentialOracleTest {
    private static final long SEED = Long.getLong("dorsal.oracle.seed", 0x5EED_D0_25AL);
    private static final int INTAKES = Integer.getInteger("dorsal.oracle.intakes", 100_000);
    private static final int INTERVIEWS = Integer.getInteger("dorsal.oracle.interviews", 2_000);
    private static final List<Thresholds> SETTINGS = List.of(Thresholds.defaults(), new Thresholds(10, 42), new Thresholds(8, 28));

    private static final Map<Thresholds, Dorsal> DORSAL = new java.util.HashMap<>();
    private static final Map<Thresholds, PlainDorsal> PLAIN = new java.util.HashMap<>();

    @BeforeAll
    static void build() {
        for (Thresholds t : SETTINGS) {
            DORSAL.put(t, Dorsal.builder().thresholds(t).build());
            PLAIN.put(t, new PlainDorsal(t));
        }
    }

    @Test
    void the_knowledge_base_and_its_plain_java_twin_agree_on_every_generated_intake() {
        System.out.printf("differential oracle: seed %d, %d intakes%n", SEED, INTAKES);
        Random random = new Random(SEED);
        Map<String, Integer> ruleCounts = new TreeMap<>();
        Map<Disposition, Integer> dispositions = new EnumMap<>(Disposition.class);
        int provisional = 0;
        for (int n = 0; n < INTAKES; n++) {
            Thresholds t = SETTINGS.get(random.nextInt(SETTINGS.size()));
            Intake intake = Generators.intake(random);
            Assessment expected = PLAIN.get(t).assess(intake);
            Assessment actual = DORSAL.get(t).assess(intake);
            if (disagreement(expected, actual) != null) {
                fail(n, t, intake);
            }
            dispositions.merge(actual.disposition(), 1, Integer::sum);
            provisional += actual.provisional() ? 1 : 0;
            for (Recommendation r : actual.recommendations()) {
                ruleCounts.merge(r.id(), 1, Integer::sum);
            }
        }
        System.out.println("dispositions " + dispositions + ", provisional " + provisional);
        System.out.println("recommendations " + ruleCounts);
        // The generator must reach every rule and every disposition, or agreement proves little.
        assertThat(ruleCounts.keySet()).as("rules reached").hasSize(31);
        assertThat(ruleCounts.values()).as("each rule reached often").allMatch(c -> c >= 100);
        assertThat(dispositions.keySet()).containsExactlyInAnyOrder(Disposition.values());
        assertThat(provisional).isBetween(INTAKES / 10, INTAKES * 9 / 10);
    }

    /** A live interview (answers given, changed, withdrawn) agrees with the twin after every step. */
    @Test
    void a_live_interview_agrees_with_the_twin_after_every_step() {
        Random random = new Random(SEED + 1);
        Dorsal dorsal = DORSAL.get(Thresholds.defaults());
        PlainDorsal plain = PLAIN.get(Thresholds.defaults());
        for (int n = 0; n < INTERVIEWS; n++) {
            try (Interview interview = dorsal.newInterview()) {
                for (int step = 0; step < 12; step++) {
                    if (random.nextInt(6) == 0) {
                        Quantity q = Quantity.values()[random.nextInt(2)];
                        interview.quantity(q, Generators.quantity(random, q));
                    } else {
                        Finding f = Finding.values()[random.nextInt(Finding.values().length)];
                        interview.answer(f, State.values()[random.nextInt(3)]);
                    }
                    Intake now = interview.intake();
                    String why = disagreement(plain.assess(now), interview.assessment());
                    assertThat(why).as("interview %d (seed %d) after step %d, intake %s", n, SEED + 1, step,
                            DorsalJson.writeIntake(now)).isNull();
                }
            }
        }
    }

    /** What differs first, or null when the two assessments are equal. */
    static String disagreement(Assessment expected, Assessment actual) {
        if (expected.disposition() != actual.disposition()) {
            return "disposition";
        }
        if (!ids(expected.redFlags().stream().map(RedFlag::id).toList()).equals(ids(actual.redFlags().stream().map(RedFlag::id).toList()))) {
            return "red flags";
        }
        if (!expected.recommendations().stream().map(Recommendation::id).toList()
                .equals(actual.recommendations().stream().map(Recommendation::id).toList())) {
            return "recommendation IDs";
        }
        if (expected.provisional() != actual.provisional()) {
            return "provisional";
        }
        if (!questions(expected).equals(questions(actual))) {
            return "questions";
        }
        if (!expected.equals(actual)) {
            return "the rest of the assessment (texts, doses, sources, evidence)";
        }
        return null;
    }

    private static List<String> ids(List<String> ids) {
        return ids;
    }

    private static List<String> questions(Assessment a) {
        return a.questions().stream().map(q -> q.finding() + "/" + q.redFlag() + "/" + q.couldLeadTo()).toList();
    }

    private static void fail(int n, Thresholds t, Intake intake) {
        Predicate<Intake> disagrees = i -> disagreement(PLAIN.get(t).assess(i), DORSAL.get(t).assess(i)) != null;
        Intake minimal = Generators.shrink(intake, disagrees);
        Assessment expected = PLAIN.get(t).assess(minimal);
        Assessment actual = DORSAL.get(t).assess(minimal);
        String message = String.format("the knowledge base and the plain-Java twin disagree on %s%n"
                        + "seed %d, intake #%d, thresholds %s%nintake: %s%nshrunk: %s%n"
                        + "twin:           %s%nknowledge base: %s",
                disagreement(expected, actual), SEED, n, t, DorsalJson.writeIntake(intake), DorsalJson.writeIntake(minimal),
                DorsalJson.writeAssessment(expected), DorsalJson.writeAssessment(actual));
        System.out.println(message);
        throw new AssertionError(message);
    }

    /** Named generators for each part of an intake, weighted toward the boundaries of the specification. */
    static final class Generators {
        private static final int[] HOURS = {0, 1, 23, 47, 48, 49, 60, 71, 72, 73, 167, 168, 169, 191, 192, 216, 239, 240, 241, 500, 87_600};
        private static final int[] DAYS = {0, 1, 7, 13, 14, 15, 27, 28, 29, 41, 42, 43, 100, 3_650};

        static Intake intake(Random r) {
            Intake.Builder b = Intake.builder();
            // A third of intakes come with every red flag answered "absent", as a clinic's form would,
            // so that self-care advice and exercises are reached often.
            boolean screened = r.nextInt(3) == 0;
            for (Finding f : Finding.values()) {
                b.answer(f, state(r, f, screened));
            }
            b.quantity(Quantity.HOURS_SINCE_ONSET, quantity(r, Quantity.HOURS_SINCE_ONSET));
            b.quantity(Quantity.SELF_CARE_DAYS, quantity(r, Quantity.SELF_CARE_DAYS));
            return b.build();
        }

        static State state(Random r, Finding f, boolean screened) {
            if (redFlag(f)) {
                if (screened) {
                    return r.nextInt(40) == 0 ? State.PRESENT : State.ABSENT;
                }
                int x = r.nextInt(20);
                return x == 0 ? State.PRESENT : x < 8 ? State.UNKNOWN : State.ABSENT;
            }
            int x = r.nextInt(3);
            return x == 0 ? State.PRESENT : x == 1 ? State.ABSENT : State.UNKNOWN;
        }

        static OptionalInt quantity(Random r, Quantity q) {
            int x = r.nextInt(10);
            if (x < 2) {
                return OptionalInt.empty();
            }
            int[] boundaries = q == Quantity.HOURS_SINCE_ONSET ? HOURS : DAYS;
            return OptionalInt.of(x < 8 ? boundaries[r.nextInt(boundaries.length)] : r.nextInt(q.max() + 1));
        }

        private static boolean redFlag(Finding f) {
            return f.ordinal() >= Finding.RADIATING_ARM_PAIN.ordinal() && f.ordinal() <= Finding.BOWEL_OR_BLADDER_CONTROL_LOSS.ordinal();
        }

        /** Drops answers and moves numbers toward zero while the intake still shows the disagreement. */
        static Intake shrink(Intake intake, Predicate<Intake> disagrees) {
            Intake current = intake;
            boolean progress = true;
            while (progress) {
                progress = false;
                List<Intake> candidates = new ArrayList<>();
                for (Finding f : current.findings().keySet()) {
                    candidates.add(current.toBuilder().answer(f, State.UNKNOWN).build());
                    if (current.state(f) == State.PRESENT) {
                        candidates.add(current.toBuilder().answer(f, State.ABSENT).build());
                    }
                }
                for (Quantity q : Quantity.values()) {
                    OptionalInt v = current.quantity(q);
                    if (v.isPresent()) {
                        candidates.add(current.toBuilder().quantity(q, OptionalInt.empty()).build());
                        if (v.getAsInt() > 0) {
                            candidates.add(current.toBuilder().quantity(q, OptionalInt.of(v.getAsInt() / 2)).build());
                            candidates.add(current.toBuilder().quantity(q, OptionalInt.of(v.getAsInt() - 1)).build());
                        }
                    }
                }
                for (Intake c : candidates) {
                    if (disagrees.test(c)) {
                        current = c;
                        progress = true;
                        break;
                    }
                }
            }
            return current;
        }
    }
}
