package org.dorsal.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.Subject;
import org.dorsal.Thresholds;

/**
 * An exhaustive, indexed space of intakes: every combination of three answers for a chosen set of
 * findings, crossed with chosen values of the two quantities, the other findings as in a base
 * intake. Small spaces are checked whole ("most bugs show on small inputs, so check them all").
 * Intakes are made on demand from their index, so a space of millions costs no memory and can be
 * walked in parallel.
 *
 * <pre>{@code
 * IntakeSpace space = IntakeSpace.over(RedFlags.FINDINGS)                    // 3^10 combinations
 *         .base(Intake.builder().present(Finding.MUSCLE_SPASM).build())     // the other findings
 *         .hoursSinceOnset(Boundaries.hoursSinceOnset(Thresholds.defaults())) // x 12 onset values
 *         .build();
 * space.size();                     // 708,588
 * space.stream().forEach(intake -> ...);
 * }</pre>
 */
public final class IntakeSpace {
    /** A finding's digit is its answer's position here; invariant 5's changes all move rightwards. */
    private static final State[] DIGITS = {State.UNKNOWN, State.ABSENT, State.PRESENT};

    private final List<Finding> findings;
    private final Intake base;
    private final List<OptionalInt> hours;
    private final List<OptionalInt> days;
    private final long combinations;
    private final long size;

    private IntakeSpace(Builder b) {
        this.findings = List.copyOf(b.findings);
        this.base = b.base;
        this.hours = b.hours == null ? List.of(base.hoursSinceOnset()) : List.copyOf(b.hours);
        this.days = b.days == null ? List.of(base.selfCareDays()) : List.copyOf(b.days);
        long c = 1;
        for (int i = 0; i < findings.size(); i++) {
            c = Math.multiplyExact(c, DIGITS.length);
        }
        this.combinations = c;
        this.size = Math.multiplyExact(Math.multiplyExact(c, hours.size()), days.size());
    }

    /** A space over every answer of each of {@code findings}. */
    public static Builder over(Collection<Finding> findings) {
        return new Builder(findings);
    }

    /** A space over every answer of each of {@code findings}. */
    public static Builder over(Finding... findings) {
        return over(List.of(findings));
    }

    /** How many intakes the space holds. */
    public long size() {
        return size;
    }

    /** The findings that vary, in digit order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The intake at {@code index}, 0 ≤ index &lt; {@link #size()}. */
    public Intake get(long index) {
        Objects.checkIndex(index, size);
        Intake.Builder b = base.toBuilder();
        long rest = index;
        for (Finding f : findings) {
            b.answer(f, DIGITS[(int) (rest % DIGITS.length)]);
            rest /= DIGITS.length;
        }
        b.quantity(Quantity.HOURS_SINCE_ONSET, hours.get((int) (rest % hours.size())));
        rest /= hours.size();
        b.quantity(Quantity.SELF_CARE_DAYS, days.get((int) rest));
        return b.build();
    }

    /** The index of {@code intake} in this space, or −1 when it is not in it. */
    public long indexOf(Intake intake) {
        for (Finding f : Finding.values()) {
            if (!findings.contains(f) && intake.state(f) != base.state(f)) {
                return -1;
            }
        }
        int h = hours.indexOf(intake.hoursSinceOnset());
        int d = days.indexOf(intake.selfCareDays());
        if (h < 0 || d < 0) {
            return -1;
        }
        long index = 0;
        for (int i = findings.size() - 1; i >= 0; i--) {
            index = index * DIGITS.length + digit(intake.state(findings.get(i)));
        }
        return index + combinations * (h + (long) hours.size() * d);
    }

    /**
     * The indices of the intakes in this space that differ from the one at {@code index} by one
     * change invariant 5 covers (see {@link SpecInvariants#isAnswerChange}; for a quantity:
     * unknown to known). With the dispositions of a whole space at hand, monotonicity over it is
     * then a lookup per pair, not an assessment.
     */
    public long[] answerChanges(long index) {
        Objects.checkIndex(index, size);
        List<Long> out = new ArrayList<>();
        long weight = 1;
        long rest = index;
        for (Finding f : findings) {
            int d = (int) (rest % DIGITS.length);
            for (int to = d + 1; to < DIGITS.length; to++) {
                if (SpecInvariants.isAnswerChange(f, DIGITS[d], DIGITS[to])) {
                    out.add(index + (to - d) * weight);
                }
            }
            rest /= DIGITS.length;
            weight *= DIGITS.length;
        }
        int h = (int) (rest % hours.size());
        int d = (int) (rest / hours.size());
        if (hours.get(h).isEmpty()) {
            for (int to = 0; to < hours.size(); to++) {
                if (hours.get(to).isPresent()) {
                    out.add(index + (to - h) * combinations);
                }
            }
        }
        if (days.get(d).isEmpty()) {
            for (int to = 0; to < days.size(); to++) {
                if (days.get(to).isPresent()) {
                    out.add(index + (to - d) * combinations * hours.size());
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every index, in order. */
    public LongStream indices() {
        return LongStream.range(0, size);
    }

    /** Every intake, in index order. */
    public Stream<Intake> stream() {
        return indices().mapToObj(this::get);
    }

    /**
     * The digits of an index, for {@link Relevance}: each varying finding, then the two quantities
     * (a quantity that takes one value is a digit of radix 1).
     */
    int digits() {
        return findings.size() + 2;
    }

    Subject subject(int digit) {
        return digit < findings.size() ? findings.get(digit)
                : digit == findings.size() ? Quantity.HOURS_SINCE_ONSET : Quantity.SELF_CARE_DAYS;
    }

    int radix(int digit) {
        return digit < findings.size() ? DIGITS.length : digit == findings.size() ? hours.size() : days.size();
    }

    /** How far apart in index two intakes are that differ by one in this digit. */
    long stride(int digit) {
        long stride = 1;
        for (int d = 0; d < digit; d++) {
            stride *= radix(d);
        }
        return stride;
    }

    /** The value of this digit that means unknown, or −1 when the digit never is unknown. */
    int unknownValue(int digit) {
        return digit < findings.size() ? 0 : (digit == findings.size() ? hours : days).indexOf(OptionalInt.empty());
    }

    /** The finding of {@code base} that neither varies nor is known, if any (and the same for quantities). */
    Optional<Subject> fixedUnknown() {
        for (Finding f : Finding.values()) {
            if (!findings.contains(f) && base.state(f) == State.UNKNOWN) {
                return Optional.of(f);
            }
        }
        if (hours.size() == 1 && hours.get(0).isEmpty()) {
            return Optional.of(Quantity.HOURS_SINCE_ONSET);
        }
        if (days.size() == 1 && days.get(0).isEmpty()) {
            return Optional.of(Quantity.SELF_CARE_DAYS);
        }
        return Optional.empty();
    }

    private static int digit(State s) {
        for (int i = 0; i < DIGITS.length; i++) {
            if (DIGITS[i] == s) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.valueOf(s));
    }

    /** Configures an {@link IntakeSpace}. */
    public static final class Builder {
        private final List<Finding> findings;
        private Intake base = Intake.empty();
        private List<OptionalInt> hours;
        private List<OptionalInt> days;

        private Builder(Collection<Finding> findings) {
            this.findings = List.copyOf(findings);
            if (this.findings.stream().distinct().count() != this.findings.size()) {
                throw new IllegalArgumentException("a finding is listed twice: " + findings);
            }
        }

        /** The answers of the findings that do not vary, and the quantities unless set below; default: all unknown. */
        public Builder base(Intake base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /** The values {@code hoursSinceOnset} takes (empty for unknown); default: the base's. */
        public Builder hoursSinceOnset(List<OptionalInt> values) {
            this.hours = distinct(values, Quantity.HOURS_SINCE_ONSET);
            return this;
        }

        /** The values {@code selfCareDays} takes (empty for unknown); default: the base's. */
        public Builder selfCareDays(List<OptionalInt> values) {
            this.days = distinct(values, Quantity.SELF_CARE_DAYS);
            return this;
        }

        /** Both quantities at their {@link Boundaries} for {@code thresholds}. */
        public Builder boundaries(Thresholds thresholds) {
            return hoursSinceOnset(Boundaries.hoursSinceOnset(thresholds)).selfCareDays(Boundaries.selfCareDays(thresholds));
        }

        public IntakeSpace build() {
            return new IntakeSpace(this);
        }

        private static List<OptionalInt> distinct(List<OptionalInt> values, Quantity q) {
            if (values.isEmpty() || values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException(q.field() + " values must be distinct and at least one: " + values);
            }
            values.forEach(v -> v.ifPresent(q::check));
            return List.copyOf(values);
        }
    }
}
