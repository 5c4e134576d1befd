package org.dorsal.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.dorsal.Disposition;
import org.dorsal.Dorsal;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Thresholds;
import org.dorsal.testkit.RandomIntakes;
import org.junit.jupiter.api.Test;

class EngineConfigTest {
    private static final Thresholds DEFAULTS = Thresholds.defaults();

    /**
     * The engine and content this very build made (jars after {@code package}, class directories
     * before), given as a second version's jars would be.
     */
    static List<Path> builtJars() {
        try {
            URL content = EngineConfigTest.class.getClassLoader().getResource("META-INF/dorsal/content.json");
            assertThat(content).as("the content manifest on the test class path").isNotNull();
            Path contentRoot = content.getProtocol().equals("jar")
                    ? Path.of(URI.create(content.getPath().substring(0, content.getPath().indexOf("!/"))))
                    : Path.of(content.toURI()).getParent().getParent().getParent();
            Path engine = Path.of(Dorsal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return List.of(engine, contentRoot);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_isolated_engine_decides_exactly_as_the_host_on_the_same_jars() {
        List<Path> jars = builtJars();
        jars.forEach(j -> assertThat(j).exists());
        Engine host = EngineConfig.host(DEFAULTS).open();
        Engine isolated = EngineConfig.jars(DEFAULTS, jars).open();
        assertThat(isolated).isInstanceOf(IsolatedEngine.class);
        assertThat(isolated.contentVersion()).isEqualTo(host.contentVersion());
        RandomIntakes intakes = RandomIntakes.seeded(11, DEFAULTS);
        for (long i = 0; i < 2_000; i++) {
            Intake intake = intakes.get(i);
            assertThat(isolated.assess(intake)).as("intake %d", i).isEqualTo(host.assess(intake));
        }
    }

    @Test
    void thresholds_reach_the_isolated_engine() {
        Intake spasm8Days = Intake.builder().present(Finding.MUSCLE_SPASM, Finding.SELF_CARE_TRIED).absent(Finding.IMPROVING)
                .hoursSinceOnset(8 * 24).selfCareDays(8).build();
        Engine strict = EngineConfig.jars(new Thresholds(7, 14), builtJars()).open();
        Engine lenient = EngineConfig.jars(new Thresholds(10, 14), builtJars()).open();
        Comparison c = Comparison.of(strict, lenient, spasm8Days);
        assertThat(c.before().ruleIds()).contains("DT-SPASM-PERSISTENT");
        assertThat(c.removed()).contains("DT-SPASM-PERSISTENT");
        assertThat(c.kinds()).contains("drops DT-SPASM-PERSISTENT");
        assertThat(c.before().disposition()).isEqualTo(Disposition.ROUTINE);
        assertThat(c.downgrade()).isTrue();
    }

    @Test
    void jars_without_an_engine_are_refused_when_opened() throws Exception {
        Path notDorsal = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThatThrownBy(() -> EngineConfig.jars(DEFAULTS, List.of(notDorsal)).open())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("org.dorsal.Dorsal");
        assertThatThrownBy(() -> EngineConfig.jars(DEFAULTS, List.of(Path.of("no-such.jar"))).open())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("no such jar");
    }
}
