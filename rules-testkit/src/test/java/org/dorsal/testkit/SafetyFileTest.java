package org.dorsal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The clinical safety file, {@code docs/safety/}, stays true to the code. Every test the hazard log
 * names as {@code ClassName#methodName} must still exist, as a JUnit test method (plain,
 * parameterized, repeated or a test factory) declared in a class of that name under one of the
 * repository's {@code src/test/java} trees. Every hazard must name at least one test under
 * "Verified by". The content changelog must have a heading for the content version the manifest
 * declares.
 *
 * <p>The method must be declared in the named class's own source file: a test inherited from an
 * interface or a superclass must be named by the class that declares it.
 */
class SafetyFileTest {
    /** The repository root: the nearest directory above the module that holds the safety file. */
    static final Path ROOT = root();
    static final Path HAZARD_LOG = ROOT.resolve("docs/safety/hazard-log.md");
    static final Path CONTENT_CHANGELOG = ROOT.resolve("docs/safety/content-changelog.md");
    static final Path MANIFEST = ROOT.resolve("rules-content/src/main/resources/META-INF/dorsal/content.json");

    /** {@code ClassName#methodName}: a simple or qualified class name, then a Java identifier. */
    static final Pattern REFERENCE = Pattern.compile("\\b((?:[a-z][\\w]*\\.)*[A-Z][\\w$]*)#([A-Za-z_$][\\w$]*)\\b");
    private static final Pattern HAZARD = Pattern.compile("(?m)^## (HAZ-\\d{2,})\\b.*$");
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(?:org\\.junit\\.jupiter\\.(?:api|params)\\.)?(?:Test|TestFactory|ParameterizedTest|RepeatedTest|TestTemplate)\\b");

    @Test
    void every_test_the_hazard_log_names_exists() throws IOException {
        TestSources sources = TestSources.of(ROOT);
        Set<Reference> references = references(Files.readString(HAZARD_LOG));
        assertThat(references).as("references in %s", HAZARD_LOG).hasSizeGreaterThan(20);

        List<String> missing = references.stream().map(sources::problem).filter(p -> p != null).toList();
        System.out.printf("Hazard log: %d test references checked against %d test classes%n",
                references.size(), sources.classes());
        assertThat(missing).as("tests named in docs/safety/hazard-log.md that are not in any src/test/java tree").isEmpty();
    }

    @Test
    void every_hazard_has_a_cause_an_effect_a_control_a_verifying_test_and_its_residual_risk() throws IOException {
        Map<String, String> hazards = hazards(Files.readString(HAZARD_LOG));
        assertThat(hazards).as("hazards in %s", HAZARD_LOG).isNotEmpty();
        List<String> ids = new ArrayList<>(hazards.keySet());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("hazard IDs run in order without gaps").isEqualTo(String.format("HAZ-%02d", i + 1));
        }
        assertThat(hazards).allSatisfy((id, body) -> {
            assertThat(body).as(id).contains("**Cause.**", "**Effect.**", "**Controls.**", "**Verified by.**", "**Residual risk.**");
            assertThat(references(verifiedBy(body))).as("tests verifying the controls of %s", id).isNotEmpty();
        });
        System.out.printf("Hazard log: %d hazards, each with at least one verifying test%n", hazards.size());
    }

    @Test
    void the_content_changelog_names_the_version_the_manifest_declares() throws IOException {
        String version = new ObjectMapper().readTree(MANIFEST.toFile()).path("contentVersion").asText();
        assertThat(version).as("contentVersion in %s", MANIFEST).matches("\\d+\\.\\d+\\.\\d+");
        Pattern heading = Pattern.compile("(?m)^#{2,3} .*(?<![\\w.])" + Pattern.quote(version) + "(?![\\w.]).*$");
        assertThat(heading.matcher(Files.readString(CONTENT_CHANGELOG)).find())
                .as("a heading of %s names content version %s", CONTENT_CHANGELOG, version).isTrue();
    }

    /** The checks above can fail: a misspelt reference, a helper that is not a test, a hazard without a test. */
    @Test
    void the_checks_catch_a_test_that_is_gone() throws IOException {
        TestSources sources = TestSources.of(ROOT);
        assertThat(sources.problem(new Reference("SafetyFileTest", "every_test_the_hazard_log_names_exists"))).isNull();
        assertThat(sources.problem(new Reference("SafetyFileTest", "every_test_the_hazard_log_names_exist")))
                .contains("no test method every_test_the_hazard_log_names_exist");
        assertThat(sources.problem(new Reference("SafetyFileTest", "references"))).as("a helper, not a test")
                .contains("no test method references");
        assertThat(sources.problem(new Reference("SafetyFileTest", "declaresTest"))).as("its Javadoc names @Test, it is no test")
                .contains("no test method declaresTest");
        assertThat(sources.problem(new Reference("SafetyFileTesst", "every_test_the_hazard_log_names_exists")))
                .contains("no class SafetyFileTesst");
        assertThat(sources.problem(new Reference("org.dorsal.testkit.SafetyFileTest", "the_checks_catch_a_test_that_is_gone"))).isNull();

        String log = """
                ## HAZ-01 One
                **Verified by.**
                - `A#b`
                **Residual risk.** none.
                ## HAZ-02 Two
                **Verified by.**
                **Residual risk.** see `A#b`.
                """;
        Map<String, String> hazards = hazards(log);
        assertThat(hazards).containsOnlyKeys("HAZ-01", "HAZ-02");
        assertThat(references(verifiedBy(hazards.get("HAZ-01")))).containsExactly(new Reference("A", "b"));
        assertThat(references(verifiedBy(hazards.get("HAZ-02")))).as("a reference under residual risk verifies nothing").isEmpty();
    }

    record Reference(String className, String method) {
        @Override
        public String toString() {
            return className + "#" + method;
        }
    }

    static Set<Reference> references(String text) {
        Set<Reference> out = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            out.add(new Reference(m.group(1), m.group(2)));
        }
        return out;
    }

    /** Each hazard's section, by ID, in the order of the file: from its heading to the next. */
    static Map<String, String> hazards(String log) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HAZARD.matcher(log);
        List<int[]> starts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[]{m.start(), m.end()});
            ids.add(m.group(1));
        }
        for (int i = 0; i < ids.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : log.length();
            String previous = out.put(ids.get(i), log.substring(starts.get(i)[1], end));
            assertThat(previous).as("hazard %s appears twice", ids.get(i)).isNull();
        }
        return out;
    }

    /** The part of a hazard's section under "Verified by", up to its residual risk. */
    static String verifiedBy(String section) {
        int from = section.indexOf("**Verified by.**");
        if (from < 0) {
            return "";
        }
        int to = section.indexOf("**Residual risk.**", from);
        return section.substring(from, to < 0 ? section.length() : to);
    }

    /** The test sources of every module: each {@code .java} file under a {@code src/test/java} directory. */
    record TestSources(Map<String, List<Path>> bySimpleName, Map<String, Path> byQualifiedName) {
        static TestSources of(Path root) throws IOException {
            Map<String, List<Path>> bySimple = new LinkedHashMap<>();
            Map<String, Path> byQualified = new LinkedHashMap<>();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.equals(root) ? "" : dir.getFileName().toString();
                    return name.equals("target") || name.equals("node_modules") || name.startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    Path rel = root.relativize(p);
                    int at = indexOfTestJava(rel);
                    if (at >= 0 && p.toString().endsWith(".java")) {
                        String qualified = rel.subpath(at + 3, rel.getNameCount()).toString()
                                .replace(rel.getFileSystem().getSeparator(), ".").replaceAll("\\.java$", "");
                        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
                        bySimple.computeIfAbsent(simple, k -> new ArrayList<>()).add(p);
                        byQualified.put(qualified, p);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return new TestSources(bySimple, byQualified);
        }

        int classes() {
            return byQualifiedName.size();
        }

        /** Why the reference does not name an existing test, or null when it does. */
        String problem(Reference r) {
            List<Path> files = r.className().contains(".")
                    ? (byQualifiedName.containsKey(r.className()) ? List.of(byQualifiedName.get(r.className())) : List.of())
                    : bySimpleName.getOrDefault(r.className(), List.of());
            if (files.isEmpty()) {
                return r + ": no class " + r.className() + " in any src/test/java tree";
            }
            for (Path f : files) {
                if (declaresTest(read(f), r.method())) {
                    return null;
                }
            }
            return r + ": no test method " + r.method() + " in " + files.stream().map(ROOT::relativize).toList();
        }

        private static int indexOfTestJava(Path rel) {
            for (int i = 0; i + 3 < rel.getNameCount(); i++) {
                if (rel.getName(i).toString().equals("src") && rel.getName(i + 1).toString().equals("test")
                        && rel.getName(i + 2).toString().equals("java")) {
                    return i;
                }
            }
            return -1;
        }

        private static String read(Path f) {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * True when {@code source} declares a method {@code name} with a JUnit test annotation: a line
     * that opens with modifiers or a return type and then {@code name(}, whose annotations, read
     * back to the end of the member before it, include {@code @Test}, {@code @TestFactory},
     * {@code @ParameterizedTest}, {@code @RepeatedTest} or {@code @TestTemplate}.
     */
    static boolean declaresTest(String source, String name) {
        Pattern declaration = Pattern.compile("^([ \\t]*)(?:[@\\w$<>\\[\\]?,.()\"]+[ \\t]+)+" + Pattern.quote(name) + "[ \\t]*\\(");
        String[] lines = source.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = declaration.matcher(lines[i]);
            if (!m.find() || lines[i].matches("^\\s*(?:return|throw|new|else|case)\\b.*")) {
                continue;
            }
            int indent = m.group(1).length();
            StringBuilder annotations = new StringBuilder(lines[i]);
            for (int j = i - 1; j >= 0; j--) {
                String line = lines[j];
                String trimmed = line.strip();
                int lineIndent = line.length() - line.stripLeading().length();
                boolean endsMember = !trimmed.startsWith("@") && !trimmed.isEmpty()
                        && (trimmed.endsWith("}") || trimmed.endsWith(";") || trimmed.endsWith("{"));
                if (lineIndent <= indent && endsMember) {
                    break;
                }
                if (!trimmed.startsWith("*") && !trimmed.startsWith("/*") && !trimmed.startsWith("//")) {
                    annotations.append('\n').append(line);
                }
            }
            if (TEST_ANNOTATION.matcher(annotations).find()) {
                return true;
            }
        }
        return false;
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/safety/hazard-log.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/safety/hazard-log.md in " + Path.of("").toAbsolutePath() + " or above");
    }
}
