package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
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
    private static final Pattern HELPER = Pattern.compile("(Q|PH)-[A-Z0-9-]+");

    private final Dorsal dorsal = Facades.defaults();

    @Test
    void every_rule_has_an_id_from_the_spec_or_a_helper_id_and_a_source() {
        assertThat(dorsal.rules()).allSatisfy(r -> {
            assertThat(r.inSpecification() || HELPER.matcher(r.id()).matches()).as(r.id()).isTrue();
            assertThat(r.name()).startsWith(r.id() + " ");
            assertThat(r.source()).isNotBlank().doesNotStartWith("\"");
            if (r.inSpecification()) {
                assertThat(r.kind()).as("kind of %s", r.id()).isNotNull();
            }
        });
    }

    @Test
    void every_spec_rule_id_has_exactly_one_rule() {
        List<String> ids = dorsal.rules().stream().map(RuleInfo::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsAll(SpecRules.IDS);
        assertThat(ids.subList(0, SpecRules.IDS.size())).containsExactlyElementsOf(SpecRules.IDS);
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
        assertThat(SpecRules.IDS).containsExactlyInAnyOrderElementsOf(inSpec);
    }

    @Test
    void policy_rules_say_so_and_cited_sections_exist_in_their_sources() throws IOException {
        assertThat(dorsal.rules()).filteredOn(r -> r.id().equals("RF-DIZZINESS-UNLINKED"))
                .singleElement().extracting(RuleInfo::source).isEqualTo("policy");
        Catalogue catalogue = Catalogue.load(getClass().getClassLoader());
        Path sources = SHARED.resolve("sources");
        assumeTrue(Files.isDirectory(sources), "the sources are beside the repository in ../shared");
        List<String> neckHeadings = Files.readAllLines(sources.resolve("000_a2c199a7aab614d4.txt"));
        List<String> spasmHeadings = Files.readAllLines(sources.resolve("004_1aa7aa07d10e7603.txt"));
        assertThat(neckHeadings).containsAll(catalogue.sections().get("NECK"));
        assertThat(spasmHeadings).containsAll(catalogue.sections().get("SPASM"));
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
    void the_content_version_is_the_project_version() {
        assertThat(dorsal.contentVersion()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }
}
