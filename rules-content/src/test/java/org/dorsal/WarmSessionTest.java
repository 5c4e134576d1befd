package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One-shot assessments run in warm sessions that move from one intake to the next. Whatever came
 * before, the result must be what a fresh session says ({@link Dorsal#trace} always uses one).
 */
class WarmSessionTest {

    @Test
    void every_case_in_many_orders_equals_a_fresh_session() {
        Dorsal dorsal = Dorsal.builder().build();
        List<Intake> intakes = new ArrayList<>();
        for (Case c : Case.all()) {
            intakes.add(c.intake());
        }
        Random random = new Random(20261121);
        for (int round = 0; round < 30; round++) {
            Collections.shuffle(intakes, random);
            for (Intake intake : intakes) {
                assertThat(dorsal.assess(intake)).as("round %d, %s", round, intake)
                        .isEqualTo(dorsal.trace(intake).assessment());
            }
        }
    }
}
