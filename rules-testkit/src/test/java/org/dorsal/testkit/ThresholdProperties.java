package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dorsal.Finding.IMPROVING;
import static org.dorsal.Finding.MUSCLE_SPASM;
import static org.dorsal.Finding.NECK_STIFFNESS;
import static org.dorsal.Finding.SELF_CARE_TRIED;
import static org.dorsal.Finding.UPPER_BACK_STIFFNESS;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * §4 at every allowed setting: for each spasmReferralDays 7..10 and each stiffnessReferralDays
 * 14..42, DT-SPASM-PERSISTENT and DT-STIFFNESS-NO-IMPROVEMENT fire exactly at and above their
 * edge and not below, and a slice of the threshold-relevant space agrees with the oracle;
 * every value outside the ranges is refused when the facade is built.
 */
class ThresholdProperties {

    /** Red flags all answered no, so that the thresholds alone decide. */
    private static Intake.Builder noRedFlags() {
        return Intake.builder().absent(RedFlags.FINDINGS.toArray(Finding[]::new));
    }

    @Test
    void referral_rules_fire_exactly_from_their_edge_at_every_allowed_value() {
        long start = System.nanoTime();
        long checked = 0;
        // 29 facades cover every stiffness value, and the spasm values 7..10 cycle through them.
        for (int stiffness = Thresholds.STIFFNESS_MIN; stiffness <= Thresholds.STIFFNESS_MAX; stiffness++) {
            int spasm = Thresholds.SPASM_MIN + (stiffness - Thresholds.STIFFNESS_MIN) % (Thresholds.SPASM_MAX - Thresholds.SPASM_MIN + 1);
            Dorsal dorsal = Dorsal.builder().spasmReferralDays(spasm).stiffnessReferralDays(stiffness).build();
            assertThat(dorsal.thresholds()).isEqualTo(new Thresholds(spasm, stiffness));

            int edge = 24 * spasm;
            for (int h : new int[]{edge - 1, edge, edge + 1, edge + 24, 87_600}) {
                Intake in = noRedFlags().present(MUSCLE_SPASM, SELF_CARE_TRIED).absent(IMPROVING).hoursSinceOnset(h).build();
                boolean expected = h >= edge;
                assertThat(dorsal.assess(in).has("DT-SPASM-PERSISTENT")).as("DT-SPASM-PERSISTENT at %d h, threshold %d days", h, spasm).isEqualTo(expected);
                assertThat(dorsal.assess(in).disposition()).isEqualTo(expected ? Disposition.ROUTINE : Disposition.SELF_CARE);
                checked += 2;
            }
            for (int d : new int[]{stiffness - 1, stiffness, stiffness + 1, 3_650}) {
                for (Finding where : new Finding[]{NECK_STIFFNESS, UPPER_BACK_STIFFNESS}) {
                    Intake in = noRedFlags().present(where).absent(IMPROVING).selfCareDays(d).build();
                    boolean expected = d >= stiffness;
                    assertThat(dorsal.assess(in).has("DT-STIFFNESS-NO-IMPROVEMENT"))
                            .as("DT-STIFFNESS-NO-IMPROVEMENT at %d days, threshold %d", d, stiffness).isEqualTo(expected);
                    checked++;
                }
            }
            checked += sliceAgreesWithReference(dorsal);
        }
        System.out.printf("Thresholds: every allowed value, %,d intakes checked, in %s%n", checked, Fixtures.since(start));
    }

    /** The findings the referral rules read, in all states, crossed with unknown and each side of both edges. */
    private static long sliceAgreesWithReference(Dorsal dorsal) {
        int hours = 24 * dorsal.thresholds().spasmReferralDays();
        int days = dorsal.thresholds().stiffnessReferralDays();
        IntakeSpace slice = IntakeSpace.over(MUSCLE_SPASM, NECK_STIFFNESS, SELF_CARE_TRIED, IMPROVING)
                .base(noRedFlags().build())
                .hoursSinceOnset(List.of(OptionalInt.empty(), OptionalInt.of(hours - 1), OptionalInt.of(hours), OptionalInt.of(hours + 1)))
                .selfCareDays(List.of(OptionalInt.empty(), OptionalInt.of(days - 1), OptionalInt.of(days), OptionalInt.of(days + 1)))
                .build();
        PropertyCheck.Result result = PropertyCheck.of(dorsal).invariants(Fixtures.checks(dorsal)).run(slice);
        result.assertPassed();
        return result.checked();
    }

    @Test
    void every_value_outside_the_allowed_ranges_is_refused_at_build_time() {
        List<Integer> outside = new ArrayList<>(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1));
        IntStream.rangeClosed(-1_000, 1_000).forEach(outside::add);
        int refused = 0;
        for (int v : outside) {
            if (v < Thresholds.SPASM_MIN || v > Thresholds.SPASM_MAX) {
                assertThatThrownBy(() -> Dorsal.builder().spasmReferralDays(v).build())
                        .isInstanceOf(DorsalConfigurationException.class).hasMessageContaining("spasmReferralDays");
                refused++;
            }
            if (v < Thresholds.STIFFNESS_MIN || v > Thresholds.STIFFNESS_MAX) {
                assertThatThrownBy(() -> Dorsal.builder().stiffnessReferralDays(v).build())
                        .isInstanceOf(DorsalConfigurationException.class).hasMessageContaining("stiffnessReferralDays");
                assertThatThrownBy(() -> new Thresholds(Thresholds.SPASM_MIN, v))
                        .isInstanceOf(DorsalConfigurationException.class);
                refused++;
            }
        }
        System.out.printf("Thresholds: %,d out-of-range settings refused at build time%n", refused);
    }
}
