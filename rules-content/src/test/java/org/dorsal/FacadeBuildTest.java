package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;

/** A facade is whole or it is not built: every way of failing is loud and names the cause. */
class FacadeBuildTest {

    @ParameterizedTest
    @CsvSource({"6, 14, spasmReferralDays", "11, 14, spasmReferralDays", "7, 13, stiffnessReferralDays",
            "7, 43, stiffnessReferralDays", "-1, 14, spasmReferralDays"})
    void a_threshold_outside_its_range_is_refused_when_building(int spasm, int stiffness, String field) {
        assertThatThrownBy(() -> Dorsal.builder().spasmReferralDays(spasm).stiffnessReferralDays(stiffness).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining(field);
    }

    @Test
    void every_threshold_inside_its_range_builds() {
        assertThat(Dorsal.builder().spasmReferralDays(10).stiffnessReferralDays(42).build().thresholds())
                .isEqualTo(new Thresholds(10, 42));
    }

    @Test
    void missing_knowledge_base_fails_at_build() {
        ClassLoader hiding = hiding(Set.of("META-INF/kmodule.xml", KnowledgeBase.MODEL_INDEX, Catalogue.RESOURCE));
        assertThatThrownBy(() -> Dorsal.builder().classLoader(hiding).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("dorsal");
    }

    @Test
    void missing_executable_model_fails_at_build_naming_it() {
        ClassLoader hiding = hiding(Set.of(KnowledgeBase.MODEL_INDEX));
        assertThatThrownBy(() -> Dorsal.builder().classLoader(hiding).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("knowledge base 'dorsal' is missing")
                .hasMessageContaining(KnowledgeBase.MODEL_INDEX);
    }

    @Test
    void missing_catalogue_fails_at_build() {
        ClassLoader hiding = hiding(Set.of(Catalogue.RESOURCE));
        assertThatThrownBy(() -> Dorsal.builder().classLoader(hiding).build())
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining(Catalogue.RESOURCE);
    }

    @Test
    void a_knowledge_base_missing_a_rule_is_refused_with_the_rule_named() {
        KieBase kieBase = KnowledgeBase.kieBase(getClass().getClassLoader());
        String name = Facades.defaults().rules().stream().filter(r -> r.id().equals("RF-RADICULOPATHY"))
                .findFirst().orElseThrow().name();
        kieBase.removeRule("org.dorsal.rules", name);
        assertThatThrownBy(() -> Dorsal.builder().build(kieBase))
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("incomplete")
                .hasMessageContaining("no rule for RF-RADICULOPATHY");
    }

    @Test
    void the_catalogue_must_cover_every_rule() {
        KieBase kieBase = KnowledgeBase.kieBase(getClass().getClassLoader());
        Catalogue full = Catalogue.load(getClass().getClassLoader());
        var rules = new java.util.HashMap<>(full.rules());
        rules.remove("EX-CAT-COW");
        Catalogue lacking = new Catalogue(full.contentVersion(), rules, full.questions(), full.questionHelp(), full.sections());
        assertThatThrownBy(() -> KnowledgeBase.of(kieBase, lacking, Thresholds.defaults()))
                .isInstanceOf(DorsalConfigurationException.class)
                .hasMessageContaining("no text for EX-CAT-COW");
    }

    @Test
    void a_citation_of_an_unknown_section_is_refused() {
        Catalogue full = Catalogue.load(getClass().getClassLoader());
        assertThat(full.expand("SPASM §Ergonomic Adjustments and Strengthening…"))
                .isEqualTo("SPASM §" + full.sections().get("SPASM").get(3))
                .endsWith("for Recurrence Prevention");
        assertThat(full.expand("NECK §Cat-Cow Sequence; SPASM §Immediate…"))
                .isEqualTo("NECK §Cat-Cow Sequence; SPASM §Immediate Non-Invasive Techniques for Relief");
        assertThat(full.expand("policy")).isEqualTo("policy");
        assertThat(full.expand("NECK §Cat-Cow")).isNull();
        assertThat(full.expand("SPINE §Cat-Cow Sequence")).isNull();
        assertThat(full.expand("NECK §…")).as("ambiguous").isNull();
    }

    /** A class loader that cannot see the named resources, as if the content jar were absent. */
    private static ClassLoader hiding(Set<String> hidden) {
        return new ClassLoader(FacadeBuildTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return hidden.contains(name) ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return hidden.contains(name) ? Collections.emptyEnumeration() : super.getResources(name);
            }

            @Override
            public InputStream getResourceAsStream(String name) {
                return hidden.contains(name) ? null : super.getResourceAsStream(name);
            }
        };
    }
}
