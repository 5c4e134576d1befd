package org.dorsal;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A live interview, for telehealth: answers arrive one at a time, may be changed or withdrawn,
 * and the current assessment can be read at any point. The assessment always equals
 * {@link Dorsal#assess(Intake)} of {@link #intake()}: the rules keep their conclusions only while
 * the answers that support them stand.
 *
 * <pre>{@code
 * try (Interview interview = dorsal.newInterview()) {
 *     interview.answer(Finding.MUSCLE_SPASM, State.PRESENT).hoursSinceOnset(30);
 *     interview.assessment().questions();          // ask these next
 *     interview.answer(Finding.RADIATING_ARM_PAIN, State.PRESENT);
 *     interview.withdraw(Finding.RADIATING_ARM_PAIN); // the person takes it back
 * }
 * }</pre>
 *
 * <p>Safe to share between threads (calls are serialised), though one conversation usually has one.
 */
public final class Interview implements AutoCloseable {
    private final Dorsal dorsal;
    private final LiveSession session;
    private Intake intake = Intake.empty();
    private boolean closed;

    Interview(Dorsal dorsal, LiveSession session) {
        this.dorsal = dorsal;
        this.session = session;
    }

    /** Records (or changes) the answer for {@code finding}; {@code UNKNOWN} withdraws it. */
    public synchronized Interview answer(Finding finding, State state) {
        open();
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(state, "state");
        if (intake.state(finding) != state) {
            guarded(() -> session.set(finding, state));
            intake = intake.toBuilder().answer(finding, state).build();
        }
        return this;
    }

    /** Takes back the answer for {@code finding}: it is unknown again. */
    public Interview withdraw(Finding finding) {
        return answer(finding, State.UNKNOWN);
    }

    /**
     * Sets a quantity, or makes it unknown again with an empty value.
     *
     * @throws InvalidIntakeException naming the field if the value is out of range
     */
    public synchronized Interview quantity(Quantity quantity, OptionalInt value) {
        open();
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(value, "value");
        value.ifPresent(quantity::check);
        if (!intake.quantity(quantity).equals(value)) {
            guarded(() -> session.set(quantity, value));
            intake = intake.toBuilder().quantity(quantity, value).build();
        }
        return this;
    }

    /** Sets the hours since onset (0 to 87,600); see {@link #quantity}. */
    public Interview hoursSinceOnset(int hours) {
        return quantity(Quantity.HOURS_SINCE_ONSET, OptionalInt.of(hours));
    }

    /** Sets the days of self-care so far (0 to 3,650); see {@link #quantity}. */
    public Interview selfCareDays(int days) {
        return quantity(Quantity.SELF_CARE_DAYS, OptionalInt.of(days));
    }

    /** Takes back a quantity: it is unknown again. */
    public Interview withdraw(Quantity quantity) {
        return quantity(quantity, OptionalInt.empty());
    }

    /** Replaces every answer with those of {@code next}, changing only what differs. */
    public synchronized Interview answerAll(Intake next) {
        for (Finding f : Finding.values()) {
            answer(f, next.state(f));
        }
        for (Quantity q : Quantity.values()) {
            quantity(q, next.quantity(q));
        }
        return this;
    }

    /** The answers so far. */
    public synchronized Intake intake() {
        return intake;
    }

    /** The assessment of the answers so far. */
    public synchronized Assessment assessment() {
        open();
        return guarded(() -> dorsal.read(session.session(), System.nanoTime()));
    }

    /** Ends the interview and frees its rule session. Further calls fail. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            session.dispose();
        }
    }

    /**
     * Runs a change or a read of the rule session. If the engine fails half-way the session is in
     * no known state, so the interview is closed rather than left to give answers from it.
     */
    private <T> T guarded(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("this interview is closed");
        }
    }
}
