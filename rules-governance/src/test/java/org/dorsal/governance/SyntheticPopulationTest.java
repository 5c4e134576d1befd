package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.State;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {
    private static final int N = 100_000;
    private static final SyntheticPopulation ONE = SyntheticPopulation.seeded(1);

    @Test
    void an_intake_depends_only_on_the_seed_and_its_index() {
        SyntheticPopulation again = SyntheticPopulation.seeded(1);
        // Backwards, and from another instance: no intake depends on having made the ones before it.
        for (long i = 999; i >= 0; i--) {
            assertThat(again.get(i)).isEqualTo(ONE.get(i));
            assertThat(again.line(i)).isEqualTo(ONE.line(i));
        }
        assertThat(ONE.get(123_456_789L)).isEqualTo(again.get(123_456_789L));
        long differ = LongStream.range(0, 1_000).filter(i -> !ONE.get(i).equals(SyntheticPopulation.seeded(2).get(i))).count();
        assertThat(differ).as("intakes that differ between seeds 1 and 2").isGreaterThan(990);
        assertThat(ONE.id(42)).isEqualTo("synth-1-42");
    }

    @Test
    void its_lines_are_batch_input_that_reads_back_as_the_same_intakes() throws Exception {
        StringWriter out = new StringWriter();
        ONE.write(500, out);
        String[] lines = out.toString().split("\n", -1);
        assertThat(lines).hasSize(501);
        assertThat(lines[500]).isEmpty();
        BatchReader reader = new BatchReader(Dorsal.builder().build());
        for (int i = 0; i < 500; i++) {
            BatchLine line = reader.read(i + 1, lines[i]);
            assertThat(line.ok()).as("line %d: %s", i + 1, line.error()).isTrue();
            assertThat(line.id()).isEqualTo(ONE.id(i));
            assertThat(line.intake()).isEqualTo(ONE.get(i));
            assertThat(DorsalJson.readIntake(lines[i].replaceFirst("\"id\":\"[^\"]*\",", ""))).isEqualTo(ONE.get(i));
        }
    }

    @Test
    void self_care_days_are_given_only_when_self_care_was_tried_and_never_exceed_the_onset() {
        long withDays = 0;
        for (long i = 0; i < N; i++) {
            Intake intake = ONE.get(i);
            if (intake.selfCareDays().isPresent()) {
                withDays++;
                assertThat(intake.state(Finding.SELF_CARE_TRIED)).as("intake %d", i).isEqualTo(State.PRESENT);
                assertThat(intake.hoursSinceOnset()).as("intake %d", i).isPresent();
                assertThat(intake.selfCareDays().getAsInt()).as("intake %d", i)
                        .isLessThanOrEqualTo(intake.hoursSinceOnset().getAsInt() / 24);
            }
        }
        assertThat(withDays).isGreaterThan(N / 3);
    }

    /**
     * The shares the class documents, worked out from its table (a finding's own rate, less the
     * red-flag questions the 15% who skip leave open), within a tolerance 100,000 intakes meet.
     */
    @Test
    void the_marginal_rates_are_the_documented_ones() {
        Map<Finding, double[]> counts = new EnumMap<>(Finding.class);
        List<Integer> onsets = new ArrayList<>();
        long anyRedFlag = 0;
        for (long i = 0; i < N; i++) {
            Intake intake = ONE.get(i);
            for (Finding f : Finding.values()) {
                counts.computeIfAbsent(f, k -> new double[3])[intake.state(f).ordinal()] += 100.0 / N;
            }
            intake.hoursSinceOnset().ifPresent(onsets::add);
            if (RED_FLAGS.stream().anyMatch(f -> intake.state(f) == State.PRESENT)) {
                anyRedFlag++;
            }
        }
        double kept = 1 - 0.15 * 0.30;   // a red-flag answer survives the skipping
        expect(counts, Finding.NECK_STIFFNESS, 28 + 14 + 12 * 2 / 3.0, 0.1 * 50);
        expect(counts, Finding.UPPER_BACK_STIFFNESS, 14 + 14 + 12 * 2 / 3.0, 0.1 * 64);
        expect(counts, Finding.MUSCLE_SPASM, 20 + 12, 0.1 * 68);
        expect(counts, Finding.RADIATING_ARM_PAIN, 2.5 * kept, 4.5);
        expect(counts, Finding.NUMBNESS_OR_TINGLING, (2.5 * 0.35 + 97.5 * 0.012) * kept, 4.5);
        expect(counts, Finding.FEVER_OR_CHILLS, 0.5 * kept, 4.5);
        expect(counts, Finding.SEVERE_SUDDEN_HEADACHE, 0.2 * kept, 4.5);
        expect(counts, Finding.DIZZINESS_OR_VERTIGO, 1.2 * kept, 4.5);
        expect(counts, Finding.BOWEL_OR_BLADDER_CONTROL_LOSS, 0.1 * kept, 4.5);
        expect(counts, Finding.SELF_CARE_TRIED, 49.5, 5);   // its rate follows the onset: measured, not worked out
        expect(counts, Finding.PROLONGED_SITTING_OR_SCREEN, 45 * 0.92, 8);
        expect(counts, Finding.STRESS_OR_TENSION, 30 * 0.92, 8);
        expect(counts, Finding.DEHYDRATION, 10 * 0.92, 8);
        expect(counts, Finding.HABITUAL_CRACKING, 20 * 0.92, 8);
        assertThat(100.0 * anyRedFlag / N).as("any red flag present, %").isBetween(4.0, 8.0);
        assertThat(100.0 * onsets.size() / N).as("onset known, %").isCloseTo(96.0, within(0.5));
        onsets.sort(null);
        assertThat(onsets.get(onsets.size() / 10)).as("onset, 10th percentile (hours)").isBetween(6, 24);
        assertThat(onsets.get(onsets.size() / 2)).as("onset, median (hours)").isBetween(60, 130);
        assertThat(onsets.get(onsets.size() * 9 / 10)).as("onset, 90th percentile (hours)").isBetween(400, 900);
        assertThat(onsets.get(onsets.size() - 1)).as("longest onset (hours)").isGreaterThan(90 * 24);
    }

    @Test
    void dorsal_advises_mostly_self_care_on_it() {
        Dorsal dorsal = Dorsal.builder().build();
        Map<Disposition, LongAdder> mix = new ConcurrentHashMap<>();
        LongAdder provisional = new LongAdder();
        LongStream.range(0, N).parallel().forEach(i -> {
            var a = dorsal.assess(ONE.get(i));
            mix.computeIfAbsent(a.disposition(), d -> new LongAdder()).increment();
            if (a.provisional()) {
                provisional.increment();
            }
        });
        Map<Disposition, Double> share = new EnumMap<>(Disposition.class);
        mix.forEach((d, n) -> share.put(d, 100.0 * n.sum() / N));
        System.out.printf("synthetic population, seed 1, %d intakes: %s, provisional %.2f%%%n", N, share, 100.0 * provisional.sum() / N);
        assertThat(share).containsKeys(Disposition.values());
        assertThat(share.get(Disposition.SELF_CARE)).isGreaterThan(80.0);
        assertThat(share.get(Disposition.ROUTINE)).isBetween(2.0, 10.0);
        assertThat(share.get(Disposition.URGENT) + share.get(Disposition.EMERGENCY)).isBetween(3.0, 10.0);
        assertThat(share.get(Disposition.EMERGENCY)).isLessThan(2.0);
    }

    private static final List<Finding> RED_FLAGS = List.of(Finding.RADIATING_ARM_PAIN, Finding.NUMBNESS_OR_TINGLING,
            Finding.ARM_OR_HAND_WEAKNESS, Finding.FEVER_OR_CHILLS, Finding.UNEXPLAINED_WEIGHT_LOSS,
            Finding.SEVERE_SUDDEN_HEADACHE, Finding.DIZZINESS_OR_VERTIGO, Finding.VISUAL_DISTURBANCE,
            Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA, Finding.BOWEL_OR_BLADDER_CONTROL_LOSS);

    private static void expect(Map<Finding, double[]> counts, Finding f, double presentPercent, double unknownPercent) {
        double[] c = counts.get(f);
        double tolerance = presentPercent < 5 ? 0.3 : 1.0;
        assertThat(c[State.PRESENT.ordinal()]).as("%s present, %%", f).isCloseTo(presentPercent, within(tolerance));
        assertThat(c[State.UNKNOWN.ordinal()]).as("%s unknown, %%", f).isCloseTo(unknownPercent, within(1.0));
    }
}
