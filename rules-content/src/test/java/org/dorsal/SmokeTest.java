package org.dorsal;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        Dorsal d = Dorsal.builder().build();
        Intake i = Intake.builder().hoursSinceOnset(30).present(Finding.MUSCLE_SPASM, Finding.PROLONGED_SITTING_OR_SCREEN).absent(Finding.NUMBNESS_OR_TINGLING).build();
        System.out.println(DorsalJson.writeAssessment(d.assess(i)));
        System.out.println(d.trace(i).firedRules());
        d.rules().forEach(System.out::println);
    }
}
