package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks the knowledge base: every rule has a stable ID and a source; the specification's rule IDs
 * are exactly those the facade requires; every cited section exists in its source text.
 */
class CatalogueTest {
    private static final Path SHARED = Path.of("..", "..", "shared").toAbsolutePath().normalize();
    /** The public rule IDs of the specification, in its order: the contract the manifest must keep. */
    static final List<String> SPEC_IDS = List.of(
            "RF-THUNDERCLAP-HEADACHE", "RF-VASCULAR-AFTER-NECK-MOVEMENT", "RF-DIZZINESS-UNLINKED", "RF-BOWEL-BLADDER",
            "RF-SYSTEMIC", "RF-RADICULOPATHY", "RF-NEURO-DEFICIT",
            "TH-COLD-ACUTE", "TH-COLD-TRANSITION", "TH-HEAT-TRANSITION", "TH-HEAT-SUBACUTE", "TH-COLD-PERSISTENT",
            "DT-SPASM-PERSISTENT", "DT-STIFFNESS-NO-IMPROVEMENT",
            "EX-CHIN-TUCK", "EX-CAT-COW", "EX-SHOULDER-ROLLS", "EX-NECK-ROTATION", "EX-UPPER-BACK-STRETCH",
            "EX-TENNIS-BALL", "EX-BAND-ROWS", "EX-SCAPULAR-SQUEEZE", "EX-WALL-ANGELS", "EX-PRONE-COBRA",
            "WARN-SELF-MANIPULATION", "EDU-CAVITATION",
            "PREV-ERGONOMICS", "PREV-HYDRATION", "PREV-STRESS", "PREV-LIFTING",
            "SN-WATCH-FOR");

    private final Dorsal dorsal = Facades.defaults();
    private final Content content = Content.load(getClass().getClassLoader());

    @Test
    void every_rule_is_declared_in_the_manifest_with_a_source_and_the_advising_ones_with_a_kind() {
        assertThat(dorsal.rules()).allSatisfy(r -> {
            assertThat(SPEC_IDS.contains(r.id()) || content.helpers().contains(r.id())).as(r.id()).isTrue();
            assertThat(r.advises()).as(r.id()).isEqualTo(SPEC_IDS.contains(r.id()));
            assertThat(r.source()).isNotBlank().doesNotStartWith("\"");
        });
    }

    @Test
    void the_manifest_declares_exactly_the_spec_rule_ids_in_order_each_with_one_rule() {
        List<String> ids = dorsal.rules().stream().map(RuleInfo::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(content.rules().stream().map(Content.Rule::id).toList()).containsExactlyElementsOf(SPEC_IDS);
        assertThat(ids.subList(0, SPEC_IDS.size())).containsExactlyElementsOf(SPEC_IDS);
    }

    @Test
    void red_flags_demand_the_spec_dispositions_and_referrals_routine() {
        assertThat(dorsal.rules()).filteredOn(r -> r.id().startsWith("RF-")).extracting(RuleInfo::id, RuleInfo::disposition)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RF-THUNDERCLAP-HEADACHE", Disposition.EMERGENCY),
                        org.assertj.core.groups.Tuple.tuple("RF-VASCULAR-AFTER-NECK-MOVEMENT", Disposition.EMERGENCY),
                        org.assertj.core.groups.Tuple.tuple("RF-DIZZINESS-UNLINKED", Disposition.URGENT),
                        org.assertj.core.groups.Tuple.tuple("RF-BOWEL-BLADDER", Disposition.EMERGENCY),
                        org.assertj.core.groups.Tuple.tuple("RF-SYSTEMIC", Disposition.URGENT),
                        org.assertj.core.groups.Tuple.tuple("RF-RADICULOPATHY", Disposition.URGENT),
                        org.assertj.core.groups.Tuple.tuple("RF-NEURO-DEFICIT", Disposition.URGENT));
        assertThat(dorsal.rules()).filteredOn(r -> r.id().startsWith("DT-")).extracting(RuleInfo::disposition)
                .containsOnly(Disposition.ROUTINE);
        assertThat(dorsal.rules()).filteredOn(r -> !r.id().startsWith("DT-") && !r.id().startsWith("RF-"))
                .extracting(RuleInfo::disposition).containsOnlyNulls();
        assertThat(content.rules()).filteredOn(Content.Rule::redFlag).extracting(Content.Rule::id)
                .allMatch(id -> id.startsWith("RF-")).hasSize(7);
    }

    @Test
    void red_flag_findings_and_their_levels_are_those_of_spec_section_6() {
        assertThat(dorsal.redFlagFindings()).containsExactly(
                Map.entry(Finding.SEVERE_SUDDEN_HEADACHE, Disposition.EMERGENCY),
                Map.entry(Finding.DIZZINESS_OR_VERTIGO, Disposition.EMERGENCY),
                Map.entry(Finding.VISUAL_DISTURBANCE, Disposition.EMERGENCY),
                Map.entry(Finding.SYMPTOMS_AFTER_NECK_MOVEMENT_OR_TRAUMA, Disposition.EMERGENCY),
                Map.entry(Finding.BOWEL_OR_BLADDER_CONTROL_LOSS, Disposition.EMERGENCY),
                Map.entry(Finding.FEVER_OR_CHILLS, Disposition.URGENT),
                Map.entry(Finding.UNEXPLAINED_WEIGHT_LOSS, Disposition.URGENT),
                Map.entry(Finding.RADIATING_ARM_PAIN, Disposition.URGENT),
                Map.entry(Finding.NUMBNESS_OR_TINGLING, Disposition.URGENT),
                Map.entry(Finding.ARM_OR_HAND_WEAKNESS, Disposition.URGENT));
    }

    @Test
    void spec_rule_ids_match_the_specification_document() throws IOException {
        Path spec = SHARED.resolve("clinical-content.md");
        assumeTrue(Files.exists(spec), "the specification is beside the repository in ../shared");
        Set<String> inSpec = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`((?:RF|DT|TH|EX|WARN|EDU|PREV|SN)-[A-Z0-9-]+)`").matcher(Files.readString(spec));
        while (m.find()) {
            inSpec.add(m.group(1));
        }
        assertThat(SPEC_IDS).containsExactlyInAnyOrderElementsOf(inSpec);
    }

    @Test
    void policy_rules_say_so_and_cited_sections_exist_in_their_sources() throws IOException {
        assertThat(dorsal.rules()).filteredOn(r -> r.id().equals("RF-DIZZINESS-UNLINKED"))
                .singleElement().extracting(RuleInfo::source).isEqualTo("policy");
        Path sources = SHARED.resolve("sources");
        assumeTrue(Files.isDirectory(sources), "the sources are beside the repository in ../shared");
        List<String> neckHeadings = Files.readAllLines(sources.resolve("000_a2c199a7aab614d4.txt"));
        List<String> spasmHeadings = Files.readAllLines(sources.resolve("004_1aa7aa07d10e7603.txt"));
        assertThat(neckHeadings).containsAll(content.sources().get("NECK").sections());
        assertThat(spasmHeadings).containsAll(content.sources().get("SPASM").sections());
        for (RuleInfo r : dorsal.rules()) {
            if (r.source().equals("policy")) {
                continue;
            }
            for (String citation : r.source().split("; ")) {
                String[] parts = citation.split(" §", 2);
                assertThat(parts).as("citation '%s' of %s", citation, r.id()).hasSize(2);
                List<String> headings = switch (parts[0]) {
                    case "NECK" -> neckHeadings;
                    case "SPASM" -> spasmHeadings;
                    default -> throw new AssertionError("unknown source key in " + citation);
                };
                assertThat(headings).as("section cited by %s", r.id()).contains(parts[1]);
            }
        }
    }

    @Test
    void the_content_version_comes_from_the_manifest_not_the_engine() {
        assertThat(dorsal.contentVersion()).isEqualTo(content.version()).isEqualTo("1.1.0");
    }
}
