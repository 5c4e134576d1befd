package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Interview;
import org.dorsal.InvalidIntakeException;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.junit.jupiter.api.Test;

/**
 * The interview as a state machine: random sequences of answer, change, withdraw, quantity and
 * replace-all actions. After every action the live interview's assessment must equal a fresh
 * one-shot assessment of the answers so far, which this test tracks on its own.
 */
class InterviewProperties {
    static final int SEQUENCES = 400;
    static final int ACTIONS = 40;

    @Test
    void a_live_interview_always_equals_a_fresh_assessment_of_its_answers() {
        Dorsal dorsal = Fixtures.dorsal();
        long start = System.nanoTime();
        RandomIntakes intakes = RandomIntakes.seeded(Fixtures.SEED, dorsal.thresholds());
        List<OptionalInt> hours = Boundaries.hoursSinceOnset(dorsal.thresholds());
        List<OptionalInt> days = Boundaries.selfCareDays(dorsal.thresholds());
        long actions = 0;
        for (int seq = 0; seq < SEQUENCES; seq++) {
            SplittableRandom r = new SplittableRandom(Fixtures.SEED * 31 + seq);
            Map<Finding, State> answers = new EnumMap<>(Finding.class);
            OptionalInt[] quantities = {OptionalInt.empty(), OptionalInt.empty()};
            List<String> log = new ArrayList<>();
            try (Interview interview = dorsal.newInterview()) {
                for (int step = 0; step < ACTIONS; step++) {
                    Finding f = Finding.values()[r.nextInt(Finding.values().length)];
                    int kind = r.nextInt(100);
                    if (kind < 55) {
                        State s = State.values()[r.nextInt(3)];
                        interview.answer(f, s);
                        answers.put(f, s);
                        log.add("answer " + f + " " + s);
                    } else if (kind < 70) {
                        interview.withdraw(f);
                        answers.remove(f);
                        log.add("withdraw " + f);
                    } else if (kind < 85) {
                        Quantity q = Quantity.values()[r.nextInt(2)];
                        List<OptionalInt> values = q == Quantity.HOURS_SINCE_ONSET ? hours : days;
                        OptionalInt v = values.get(r.nextInt(values.size()));
                        interview.quantity(q, v);
                        quantities[q.ordinal()] = v;
                        log.add(q.field() + " " + v);
                    } else if (kind < 90) {
                        Quantity q = Quantity.values()[r.nextInt(2)];
                        int bad = r.nextBoolean() ? -1 - r.nextInt(1000) : q.max() + 1 + r.nextInt(1000);
                        assertThatThrownBy(() -> interview.quantity(q, OptionalInt.of(bad)))
                                .isInstanceOf(InvalidIntakeException.class);
                        log.add(q.field() + " " + bad + " (refused)");
                    } else if (kind < 95) {
                        Quantity q = Quantity.values()[r.nextInt(2)];
                        interview.withdraw(q);
                        quantities[q.ordinal()] = OptionalInt.empty();
                        log.add("withdraw " + q.field());
                    } else {
                        Intake next = intakes.get(seq * 1_000L + step);
                        interview.answerAll(next);
                        answers.clear();
                        answers.putAll(next.findings());
                        quantities[0] = next.hoursSinceOnset();
                        quantities[1] = next.selfCareDays();
                        log.add("answerAll " + DorsalJson.writeIntake(next).replaceAll("\\s+", ""));
                    }
                    actions++;
                    Intake.Builder b = Intake.builder()
                            .quantity(Quantity.HOURS_SINCE_ONSET, quantities[0])
                            .quantity(Quantity.SELF_CARE_DAYS, quantities[1]);
                    answers.forEach(b::answer);
                    Intake expected = b.build();
                    Assessment live = interview.assessment();
                    String where = "sequence " + seq + " (seed " + Fixtures.SEED + "), after: " + String.join("; ", log);
                    assertThat(interview.intake()).as(where).isEqualTo(expected);
                    assertThat(live).as(where).isEqualTo(dorsal.assess(expected));
                }
            }
        }
        System.out.printf("Interview: %,d random sequences, %,d actions, each followed by a comparison with a fresh assessment, in %s%n",
                SEQUENCES, actions, Fixtures.since(start));
    }
}
