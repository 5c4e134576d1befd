package com.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.State;
import org.dorsal.Thresholds;
import org.dorsal.testkit.IntakeSpace;
import org.dorsal.testkit.Invariant;
import org.dorsal.testkit.PropertyCheck;
import org.dorsal.testkit.RandomIntakes;
import org.dorsal.testkit.RedFlags;
import org.dorsal.testkit.Shrinker;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/testkit.md, compiled and run so that it cannot rot. It lives outside
 * org.dorsal, as a host's test would, so it can use the public API only.
 */
class HostRulesExampleTest {

    // A host's own promise, on top of the specification's.
    static final Invariant CRACKERS_LEARN_WHY = Invariant.of("host: habitual crackers learn what the pop is",
            (intake, a) -> intake.state(Finding.HABITUAL_CRACKING) == State.PRESENT && a.redFlags().isEmpty()
                    && !a.has("EDU-CAVITATION")
                    ? Optional.of("HABITUAL_CRACKING present, no red flag, but no EDU-CAVITATION")
                    : Optional.empty());

    @Test
    void random_intakes_keep_every_promise() {
        Dorsal dorsal = Dorsal.builder().stiffnessReferralDays(21).build();
        PropertyCheck.Result result = PropertyCheck.of(dorsal)          // the invariants of spec §8
                .and(CRACKERS_LEARN_WHY)                                // plus the host's own
                .run(RandomIntakes.seeded(42, dorsal.thresholds()), 10_000);
        System.out.println(result.report(dorsal));                      // how often each rule fired
        result.assertPassed()                                           // else: seed, index, shrunk intake JSON
              .assertEveryRuleReached(dorsal);                          // no rule left untested
    }

    @Test
    void every_red_flag_combination_keeps_every_promise() {
        Dorsal dorsal = Dorsal.builder().stiffnessReferralDays(21).build();
        IntakeSpace space = IntakeSpace.over(RedFlags.FINDINGS)         // 3^10 = 59,049 combinations
                .base(Intake.builder().present(Finding.HABITUAL_CRACKING, Finding.MUSCLE_SPASM).build())
                .build();
        PropertyCheck.of(dorsal).and(CRACKERS_LEARN_WHY).run(space).assertPassed();
    }

    @Test
    void a_failure_shrinks_to_a_case_file() {
        Intake failing = RandomIntakes.seeded(1, Thresholds.defaults()).get(0).toBuilder()
                .present(Finding.RADIATING_ARM_PAIN).build();
        Intake minimal = Shrinker.of(Thresholds.defaults())
                .shrink(failing, intake -> intake.state(Finding.RADIATING_ARM_PAIN) == State.PRESENT);
        System.out.println(DorsalJson.writeIntake(minimal));           // {"findings": {"RADIATING_ARM_PAIN": "present"}}
        assertEquals(Intake.builder().present(Finding.RADIATING_ARM_PAIN).build(), minimal);
    }
}
