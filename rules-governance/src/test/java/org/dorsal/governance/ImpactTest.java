package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.Thresholds;
import org.junit.jupiter.api.Test;

class ImpactTest {
    private static final SyntheticPopulation PEOPLE = SyntheticPopulation.seeded(1);
    private static final Engine STIFFNESS_14 = EngineConfig.host(new Thresholds(7, 14)).open();
    private static final Engine STIFFNESS_28 = EngineConfig.host(new Thresholds(7, 28)).open();

    @Test
    void a_later_stiffness_referral_sends_some_routine_referrals_back_to_self_care() {
        ImpactTally tally = Impact.of(STIFFNESS_14, STIFFNESS_28).threads(2).run(PEOPLE, 5_000);

        assertThat(tally.intakes()).isEqualTo(5_000);
        assertThat(tally.badLines()).isZero();
        assertThat(tally.kinds()).containsKey("drops DT-STIFFNESS-NO-IMPROVEMENT")
                .doesNotContainKey("adds DT-STIFFNESS-NO-IMPROVEMENT");
        assertThat(tally.transitions(Disposition.ROUTINE, Disposition.SELF_CARE)).isPositive();
        assertThat(tally.transitions(Disposition.SELF_CARE, Disposition.ROUTINE)).isZero();
        assertThat(tally.agreements()).isLessThan(5_000).isGreaterThan(4_000);
        assertThat(tally.firesAfter().getOrDefault("DT-STIFFNESS-NO-IMPROVEMENT", 0L))
                .isLessThan(tally.firesBefore().get("DT-STIFFNESS-NO-IMPROVEMENT"));
    }

    @Test
    void the_tally_is_the_same_on_one_thread_or_many_and_from_lines_or_generated() throws Exception {
        int n = 3_000;
        ImpactTally one = Impact.of(STIFFNESS_14, STIFFNESS_28).threads(1).run(PEOPLE, n);
        ImpactTally three = Impact.of(STIFFNESS_14, STIFFNESS_28).threads(3).run(PEOPLE, n);
        StringWriter text = new StringWriter();
        PEOPLE.write(n, text);
        text.write("not an intake\n");
        ImpactTally fromLines = Impact.of(STIFFNESS_14, STIFFNESS_28).threads(2)
                .run(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), Dorsal.builder().build());

        assertSameCounts(three, one);
        assertThat(three.examples()).isEqualTo(one.examples());
        assertSameCounts(fromLines, one);
        assertThat(fromLines.badLines()).isEqualTo(1);
        // Lines are numbered from 1, the population from 0.
        one.examples().forEach((kind, examples) -> assertThat(fromLines.examples().get(kind))
                .extracting(e -> e.key() - 1).containsExactlyElementsOf(examples.stream().map(ImpactTally.Example::key).toList()));
    }

    private static void assertSameCounts(ImpactTally actual, ImpactTally expected) {
        assertThat(actual.intakes()).isEqualTo(expected.intakes());
        assertThat(actual.agreements()).isEqualTo(expected.agreements());
        assertThat(actual.kinds()).isEqualTo(expected.kinds());
        assertThat(actual.firesBefore()).isEqualTo(expected.firesBefore());
        assertThat(actual.firesAfter()).isEqualTo(expected.firesAfter());
        for (Disposition from : Disposition.values()) {
            for (Disposition to : Disposition.values()) {
                assertThat(actual.transitions(from, to)).isEqualTo(expected.transitions(from, to));
            }
        }
    }
}
