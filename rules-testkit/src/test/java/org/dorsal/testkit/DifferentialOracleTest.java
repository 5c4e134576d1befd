package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.dorsal.Recommendation;
import org.dorsal.Thresholds;
import org.dorsal.oracle.Oracle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base and the {@link Oracle}, written apart from the same specification, must agree
 * on every generated intake, field for field: disposition, red flags, recommendations, provisional,
 * questions, then texts, doses, sources and evidence. Intakes come from {@link RandomIntakes}, in
 * turn under three threshold settings; a disagreement prints the seed, the intake's index and
 * thresholds, the intake and its {@link Shrinker shrunk} form as intake JSON, and both answers,
 * ready to become a case file.
 *
 * <p>Seeded: {@code -Ddorsal.oracle.seed=N} replays a run, {@code -Ddorsal.oracle.intakes=N} and
 * {@code -Ddorsal.oracle.interviews=N} change how many intakes and live interviews are drawn.
 */
class DifferentialOracleTest {
    private static final long SEED = Long.getLong("dorsal.oracle.seed", 0x5EED_D0_25AL);
    private static final int INTAKES = Integer.getInteger("dorsal.oracle.intakes", 100_000);
    private static final int INTERVIEWS = Integer.getInteger("dorsal.oracle.interviews", 2_000);
    private static final int STEPS = 12;
    private static final int SPEC_RULES = 31;

    /** One threshold setting: the facade and the oracle under it, and intakes favouring its edges. */
    record Setting(Thresholds thresholds, Dorsal dorsal, Oracle oracle, RandomIntakes intakes) {
        Optional<String> difference(Intake intake) {
            return Oracle.difference(oracle.assess(intake), dorsal.assess(intake));
        }
    }

    private static final List<Setting> SETTINGS = new ArrayList<>();

    @BeforeAll
    static void build() {
        for (Thresholds t : List.of(Thresholds.defaults(), new Thresholds(10, 42), new Thresholds(8, 28))) {
            SETTINGS.add(new Setting(t, Dorsal.builder().thresholds(t).build(), Oracle.of(t), RandomIntakes.seeded(SEED, t)));
        }
    }

    @Test
    void the_knowledge_base_and_the_oracle_agree_on_every_generated_intake() {
        System.out.printf("differential oracle: seed %d, %d intakes%n", SEED, INTAKES);
        Map<String, Integer> ruleCounts = new TreeMap<>();
        Map<Disposition, Integer> dispositions = new EnumMap<>(Disposition.class);
        int provisional = 0;
        for (int n = 0; n < INTAKES; n++) {
            Setting s = SETTINGS.get(n % SETTINGS.size());
            Intake intake = s.intakes().get(n);
            Assessment actual = s.dorsal().assess(intake);
            if (Oracle.difference(s.oracle().assess(intake), actual).isPresent()) {
                fail(n, s, intake);
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
        assertThat(ruleCounts.keySet()).as("rules reached").hasSize(SPEC_RULES);
        assertThat(ruleCounts.values()).as("each rule reached often").allMatch(c -> c >= 100);
        assertThat(dispositions.keySet()).containsExactlyInAnyOrder(Disposition.values());
        assertThat(provisional).isBetween(INTAKES / 10, INTAKES * 9 / 10);
    }

    /**
     * A live interview (answers given, changed, withdrawn to unknown, quantities set and cleared)
     * agrees with the oracle after every step. Each step takes the value a generated intake has for
     * a randomly chosen finding or quantity.
     */
    @Test
    void a_live_interview_agrees_with_the_oracle_after_every_step() {
        Random random = new Random(SEED + 1);
        Setting s = SETTINGS.get(0);
        RandomIntakes values = RandomIntakes.seeded(SEED + 1, s.thresholds());
        for (int n = 0; n < INTERVIEWS; n++) {
            try (Interview interview = s.dorsal().newInterview()) {
                for (int step = 0; step < STEPS; step++) {
                    Intake source = values.get((long) n * STEPS + step);
                    if (random.nextInt(6) == 0) {
                        Quantity q = Quantity.values()[random.nextInt(Quantity.values().length)];
                        interview.quantity(q, source.quantity(q));
                    } else {
                        Finding f = Finding.values()[random.nextInt(Finding.values().length)];
                        interview.answer(f, source.state(f));
                    }
                    Intake now = interview.intake();
                    Optional<String> why = Oracle.difference(s.oracle().assess(now), interview.assessment());
                    assertThat(why).as("interview %d (seed %d) after step %d, intake %s", n, SEED + 1, step,
                            DorsalJson.writeIntake(now)).isEmpty();
                }
            }
        }
    }

    private static void fail(int n, Setting s, Intake intake) {
        Predicate<Intake> disagrees = i -> s.difference(i).isPresent();
        Intake minimal = Shrinker.of(s.thresholds()).shrink(intake, disagrees);
        Assessment expected = s.oracle().assess(minimal);
        Assessment actual = s.dorsal().assess(minimal);
        String message = String.format("the knowledge base and the oracle disagree: %s%n"
                        + "seed %d, intake #%d, thresholds %s%nintake: %s%nshrunk: %s%n"
                        + "oracle:         %s%nknowledge base: %s",
                s.difference(minimal).orElseThrow(), SEED, n, s.thresholds(), DorsalJson.writeIntake(intake),
                DorsalJson.writeIntake(minimal), DorsalJson.writeAssessment(expected), DorsalJson.writeAssessment(actual));
        System.out.println(message);
        throw new AssertionError(message);
    }
}
