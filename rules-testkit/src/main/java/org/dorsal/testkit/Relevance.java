package org.dorsal.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.dorsal.Assessment;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Question;
import org.dorsal.Recommendation;
import org.dorsal.RuleInfo;
import org.dorsal.Subject;

/**
 * Invariant 10, no silent unknowns, checked exactly over an {@link IntakeSpace}: an unknown
 * finding or quantity is among an assessment's questions exactly when it is relevant, that is
 * when some way the other unknown subjects could turn out (each left unknown or given any value)
 * lets a change of this subject alone change the disposition or the set of rule IDs. Each
 * question must also say what it could lead to (for a red-flag finding, its declared level, as
 * §6 keeps it; for any other subject, the most urgent disposition among the rules its answer
 * could switch), be a red-flag question exactly when it asks about a declared red-flag
 * finding, come in the knowledge base's question order; and the assessment is provisional
 * exactly when a red-flag question is listed.
 *
 * <p>How: every intake of the space is assessed once and its outcome kept as a set of rule IDs.
 * For each subject, a line of the space (all values of that subject, the rest fixed) shows
 * whether the subject matters there and which rules it switches. "Some way the others could turn
 * out" is then an aggregation over the space: an unknown digit takes the maximum over all its
 * values, one digit at a time (a zeta transform). Exact, as long as every subject outside the
 * space is known in its base and the quantities take every value class their thresholds make
 * ({@link Boundaries} does).
 *
 * <pre>{@code
 * Relevance.Result r = Relevance.check(dorsal, IntakeSpace.over(dorsal.redFlagFindings().keySet())
 *         .base(knownProfile).build());
 * r.assertPassed();
 * }</pre>
 */
public final class Relevance {
    private final Dorsal dorsal;
    private final IntakeSpace space;
    /** The advising rules, by bit position in an outcome. */
    private final List<RuleInfo> rules;
    private final Map<String, Integer> bit = new HashMap<>();
    private final Map<Subject, Integer> order = new HashMap<>();

    private Relevance(Dorsal dorsal, IntakeSpace space) {
        this.dorsal = dorsal;
        this.space = space;
        this.rules = dorsal.rules().stream().filter(RuleInfo::advises).toList();
        if (rules.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " advising rules are supported, the knowledge base has "
                    + rules.size());
        }
        for (int i = 0; i < rules.size(); i++) {
            bit.put(rules.get(i).id(), i);
        }
        List<Question> all = dorsal.questions();
        for (int i = 0; i < all.size(); i++) {
            order.put(all.get(i).subject(), i);
        }
    }

    /**
     * Checks invariant 10 over every intake of {@code space}, whose base must leave no subject
     * unknown outside the space.
     */
    public static Result check(Dorsal dorsal, IntakeSpace space) {
        space.fixedUnknown().ifPresent(s -> {
            throw new IllegalArgumentException("the space's base leaves " + s.key()
                    + " unknown without varying it, so its relevance cannot be decided exactly");
        });
        return new Relevance(dorsal, space).run();
    }

    /** What a check found. */
    public record Result(long checked, long failures, List<String> examples) {
        public boolean passed() {
            return failures == 0;
        }

        /** Fails with the first violations (at most ten are kept) when there are any. */
        public Result assertPassed() {
            if (!passed()) {
                throw new AssertionError("invariant 10 (no silent unknowns) fails " + failures + " times in " + checked
                        + " intakes, e.g.:\n" + String.join("\n", examples));
            }
            return this;
        }
    }

    private static final int MAX_REPORTED = 10;
    private static final Disposition[] DISPOSITIONS = Disposition.values();

    private Result run() {
        int n = Math.toIntExact(space.size());
        long[] outcome = new long[n];
        // What each assessment asked: a question's code is 1 + urgency of couldLeadTo (0: not asked).
        int digits = space.digits();
        byte[][] asked = new byte[digits][n];
        Violations violations = new Violations();
        LongStream.range(0, n).parallel().forEach(i -> {
            Intake intake = space.get(i);
            Assessment a = dorsal.assess(intake);
            outcome[(int) i] = outcome(a);
            record(intake, a, (int) i, asked).ifPresent(v -> report(violations, intake, v));
        });
        for (int d = 0; d < digits; d++) {
            if (space.radix(d) > 1) {
                checkSubject(d, outcome, asked[d], violations);
            }
        }
        return new Result(n, violations.count.get(), List.copyOf(violations.examples));
    }

    private long outcome(Assessment a) {
        long set = 0;
        for (Recommendation r : a.recommendations()) {
            set |= 1L << bit.get(r.id());
        }
        return set;
    }

    /** Notes what {@code a} asks and checks what needs no other intake: order, flags, provisional. */
    private Optional<String> record(Intake intake, Assessment a, int index, byte[][] asked) {
        int last = -1;
        boolean redFlagAsked = false;
        for (Question q : a.questions()) {
            int place = order.get(q.subject());
            if (place <= last) {
                return Optional.of("questions out of the knowledge base's order at " + q.subject().key());
            }
            last = place;
            boolean declared = q.subject() instanceof Finding f && dorsal.redFlagFindings().containsKey(f);
            if (q.redFlag() != declared) {
                return Optional.of(q.subject().key() + " is asked with redFlag=" + q.redFlag());
            }
            redFlagAsked |= q.redFlag();
            int digit = digitOf(q.subject());
            if (digit < 0) {
                return Optional.of(q.subject().key() + " is asked, but it is known");
            }
            asked[digit][index] = code(q.couldLeadTo());
        }
        if (a.provisional() != redFlagAsked) {
            return Optional.of("provisional=" + a.provisional() + " but a red-flag question is " + (redFlagAsked ? "" : "not ") + "listed");
        }
        return Optional.empty();
    }

    private int digitOf(Subject s) {
        for (int d = 0; d < space.digits(); d++) {
            if (space.subject(d).equals(s) && space.radix(d) > 1) {
                return d;
            }
        }
        return -1;
    }

    /** Compares, for every intake where digit {@code d} is unknown, what was asked with what is relevant. */
    private void checkSubject(int d, long[] outcome, byte[] asked, Violations violations) {
        int n = outcome.length;
        int radix = space.radix(d);
        long stride = space.stride(d);
        int unknown = space.unknownValue(d);
        // Per line through each point along this digit: 0 when the subject changes nothing there,
        // else 1 + the urgency of the most urgent rule it switches.
        byte[] matters = new byte[n];
        for (int i = 0; i < n; i++) {
            if ((i / stride) % radix != 0) {
                continue;
            }
            long union = 0;
            long common = -1L;
            for (int v = 0; v < radix; v++) {
                long o = outcome[(int) (i + v * stride)];
                union |= o;
                common &= o;
            }
            byte code = switched(union & ~common);
            for (int v = 0; v < radix; v++) {
                matters[(int) (i + v * stride)] = code;
            }
        }
        // Some way the other unknowns could turn out: each unknown digit takes the most over its values.
        for (int t = 0; t < space.digits(); t++) {
            int u = space.unknownValue(t);
            if (t == d || space.radix(t) <= 1 || u < 0) {
                continue;
            }
            int rt = space.radix(t);
            long st = space.stride(t);
            for (int i = 0; i < n; i++) {
                if ((i / st) % rt != u) {
                    continue;
                }
                long first = i - u * st;
                byte most = 0;
                for (int v = 0; v < rt; v++) {
                    most = (byte) Math.max(most, matters[(int) (first + v * st)]);
                }
                matters[i] = most;
            }
        }
        if (unknown < 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if ((i / stride) % radix != unknown) {
                if (asked[i] != 0) {
                    report(violations, space.get(i), space.subject(d).key() + " is asked, but it is known");
                }
                continue;
            }
            byte expected = matters[i];
            if (expected != 0 && space.subject(d) instanceof Finding f && dorsal.redFlagFindings().containsKey(f)) {
                expected = code(dorsal.redFlagFindings().get(f));
            }
            if (asked[i] != expected) {
                report(violations, space.get(i), space.subject(d).key() + (expected == 0
                        ? " is asked (could lead to " + decode(asked[i]) + ") but nothing it could be changes the result"
                        : asked[i] == 0 ? " is relevant (could lead to " + decode(expected) + ") but not asked"
                        : " could lead to " + decode(expected) + " but the question says " + decode(asked[i])));
            }
        }
    }

    /** The code of the most urgent disposition among the rules in {@code switched}; 0 when none. */
    private byte switched(long switchedRules) {
        if (switchedRules == 0) {
            return 0;
        }
        Disposition most = Disposition.SELF_CARE;
        for (int b = 0; b < rules.size(); b++) {
            if ((switchedRules & 1L << b) != 0 && rules.get(b).disposition() != null) {
                most = Disposition.mostUrgent(most, rules.get(b).disposition());
            }
        }
        return code(most);
    }

    private static byte code(Disposition d) {
        return (byte) (DISPOSITIONS.length - d.ordinal());
    }

    private static Disposition decode(byte code) {
        return DISPOSITIONS[DISPOSITIONS.length - code];
    }

    private static void report(Violations violations, Intake intake, String what) {
        if (violations.count.incrementAndGet() <= MAX_REPORTED) {
            violations.examples.add(what + ": " + DorsalJson.writeIntake(intake).replaceAll("\\s+", " "));
        }
    }

    /** How many violations were found, and the first few. */
    private static final class Violations {
        final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        final List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());
    }
}
