package org.dorsal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A report about one episode of upper back and/or neck pain: the answered findings and the two
 * quantities. A finding that is not in {@link #findings()} is {@link State#UNKNOWN unknown}.
 *
 * <pre>{@code
 * Intake intake = Intake.builder()
 *         .hoursSinceOnset(30)
 *         .present(Finding.MUSCLE_SPASM)
 *         .absent(Finding.NUMBNESS_OR_TINGLING)
 *         .build();
 * }</pre>
 *
 * @param findings the answered findings; {@code UNKNOWN} entries are dropped, so two intakes that
 *                 say the same thing are equal
 * @param hoursSinceOnset hours since the episode began (0 to 87,600), or empty when unknown
 * @param selfCareDays days of consistent self-care (0 to 3,650), or empty when unknown
 */
public record Intake(Map<Finding, State> findings, OptionalInt hoursSinceOnset, OptionalInt selfCareDays) {

    public Intake {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(hoursSinceOnset, "hoursSinceOnset");
        Objects.requireNonNull(selfCareDays, "selfCareDays");
        EnumMap<Finding, State> known = new EnumMap<>(Finding.class);
        findings.forEach((finding, state) -> {
            if (finding == null) {
                throw new InvalidIntakeException("findings", "findings must not contain a null finding");
            }
            if (state == null) {
                throw new InvalidIntakeException("findings." + finding, "findings." + finding + " must not be null");
            }
            if (state != State.UNKNOWN) {
                known.put(finding, state);
            }
        });
        findings = Collections.unmodifiableMap(known);
        hoursSinceOnset.ifPresent(Quantity.HOURS_SINCE_ONSET::check);
        selfCareDays.ifPresent(Quantity.SELF_CARE_DAYS::check);
    }

    /** An intake where everything is unknown. */
    public static Intake empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this intake's answers. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.findings.putAll(findings);
        b.hoursSinceOnset = hoursSinceOnset;
        b.selfCareDays = selfCareDays;
        return b;
    }

    /** The answer given for {@code finding}, {@link State#UNKNOWN} when none was. */
    public State state(Finding finding) {
        return findings.getOrDefault(finding, State.UNKNOWN);
    }

    /** The value of {@code quantity}, empty when unknown. */
    public OptionalInt quantity(Quantity quantity) {
        return quantity == Quantity.HOURS_SINCE_ONSET ? hoursSinceOnset : selfCareDays;
    }

    /** Builds an {@link Intake}; the last answer given for a finding wins. */
    public static final class Builder {
        private final EnumMap<Finding, State> findings = new EnumMap<>(Finding.class);
        private OptionalInt hoursSinceOnset = OptionalInt.empty();
        private OptionalInt selfCareDays = OptionalInt.empty();

        private Builder() {
        }

        public Builder present(Finding... present) {
            for (Finding f : present) {
                findings.put(f, State.PRESENT);
            }
            return this;
        }

        public Builder absent(Finding... absent) {
            for (Finding f : absent) {
                findings.put(f, State.ABSENT);
            }
            return this;
        }

        public Builder answer(Finding finding, State state) {
            findings.put(Objects.requireNonNull(finding, "finding"), Objects.requireNonNull(state, "state"));
            return this;
        }

        /** Sets a quantity; an empty value makes it unknown again. */
        public Builder quantity(Quantity quantity, OptionalInt value) {
            value.ifPresent(quantity::check);
            if (quantity == Quantity.HOURS_SINCE_ONSET) {
                hoursSinceOnset = value;
            } else {
                selfCareDays = value;
            }
            return this;
        }

        public Builder hoursSinceOnset(int hours) {
            return quantity(Quantity.HOURS_SINCE_ONSET, OptionalInt.of(hours));
        }

        public Builder selfCareDays(int days) {
            return quantity(Quantity.SELF_CARE_DAYS, OptionalInt.of(days));
        }

        public Intake build() {
            return new Intake(findings, hoursSinceOnset, selfCareDays);
        }
    }
}
