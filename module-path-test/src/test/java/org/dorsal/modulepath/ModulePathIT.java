package org.dorsal.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dorsal on the module path, as a host module sees it, and on the class path, with the same jars
 * (every library module and its runtime dependencies, as the build resolved them).
 * A small host ({@code src/test/hosts/host}) is compiled against those jars and run in real JVMs:
 * it builds {@code Dorsal.builder().build()}, assesses every sample intake, runs an interview, the
 * testkit, the oracle and the FHIR mapping. Both ways must print the same, and the module path
 * must refuse the host Dorsal's internal packages.
 */
class ModulePathIT {
    private static final String HOST_MODULE = "org.dorsal.modulepath.host";
    private static final String HOST_MAIN = "org.dorsal.modulepath.host.Host";
    /** Where the host's report of its assessments ends and its report of how it was loaded starts. */
    private static final String LAYER = "--- layer";

    private static List<Path> jars;
    /** The jars as a path, for -cp or --module-path. */
    private static String libs;
    private static Path hostClasses;
    private static List<String> intakes;
    /** The host on the class path, and on the module path with every module of it in the layer. */
    private static Run classPath;
    private static Run modulePath;
    /** The host on the module path with nothing but its own descriptor, FHIR left out. */
    private static Run plainModulePath;

    @BeforeAll
    static void compileAndRunHost() throws Exception {
        Path list = Path.of(required("dorsal.hostClassPath"));
        jars = Stream.of(Files.readString(list).strip().split(File.pathSeparator)).map(Path::of).toList();
        assertThat(jars).as("the jars in " + list).isNotEmpty().allMatch(p -> p.toString().endsWith(".jar"));
        // Dorsal's own jars from this build, never an older one from the local repository.
        assertThat(jars.stream().filter(p -> p.getFileName().toString().startsWith("dorsal-")))
                .as("Dorsal's jars must come from this build (run with -am, or from the root)")
                .hasSize(5).allMatch(p -> p.getParent().getFileName().toString().equals("target"));
        libs = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        try (Stream<Path> s = Files.list(Path.of(required("dorsal.intakes")))) {
            intakes = s.filter(p -> p.toString().endsWith(".json")).sorted().map(Path::toString).toList();
        }
        assertThat(intakes).anyMatch(p -> p.endsWith("thunderclap-headache.json"));
        hostClasses = Path.of(required("dorsal.hostClasses"), "host");
        Compilation c = compile("host", hostClasses);
        assertThat(c.succeeded).as(c.diagnostics).isTrue();

        // The same jars both ways; on the module path each is a module, explicit or automatic.
        String path = hostClasses + File.pathSeparator + libs;
        String main = HOST_MODULE + "/" + HOST_MAIN;
        // Started together, waited for in turn: the three JVMs start up in parallel.
        Launch cp = java("-cp", path, HOST_MAIN);
        // HAPI FHIR's jars are automatic modules that use explicit ones no descriptor names
        // (commons-lang3, for one), so the FHIR part needs the whole module path in the layer.
        Launch mp = java("--module-path", path, "--add-modules", "ALL-MODULE-PATH", "--module", main);
        Launch plain = java("--module-path", path, "--module", main, "--no-fhir");
        try {
            classPath = cp.await();
            modulePath = mp.await();
            plainModulePath = plain.await();
        } finally {
            Stream.of(cp, mp, plain).forEach(l -> l.process.destroyForcibly());
        }
    }

    @Test
    void the_host_module_gets_the_same_assessments_as_a_class_path_host() throws IOException {
        assertThat(modulePath.assessments()).isEqualTo(classPath.assessments());
        String out = classPath.assessments();
        assertThat(out).startsWith("contentVersion " + contentVersion() + "\n")
                .contains("intake thunderclap-headache.json EMERGENCY roundTrip=true\n")
                .contains("\"id\" : \"RF-THUNDERCLAP-HEADACHE\"")
                .contains("intake acute-spasm-desk-worker.json SELF_CARE roundTrip=true\n")
                .contains("interview EMERGENCY -> SELF_CARE equalsOneShot=true\n")
                .contains("testkit checked=100 passed=true\n")
                .contains("oracle differences=0\n")
                .contains("fhir guidance data-required")
                // org.dorsal.fhir reached org.dorsal.internal.Text, the one qualified export it has.
                .contains("fhir refused questionnaire: the QuestionnaireResponse answers urn:xxx");
        assertThat(out.lines().filter(l -> l.startsWith("intake ")).count()).isEqualTo(intakes.size());

        assertThat(classPath.layer()).contains("host unnamed", "dorsal unnamed");
        assertThat(modulePath.layer()).contains("host " + HOST_MODULE + "\n", "dorsal org.dorsal\n");
        // The SLF4J provider is found through ServiceLoader every way.
        for (Run r : List.of(classPath, modulePath, plainModulePath)) {
            assertThat(r.err).contains("INFO org.dorsal.Dorsal - assessment disposition=EMERGENCY").doesNotContain("No SLF4J providers");
        }
    }

    /**
     * Without --add-modules: the facade, the knowledge base (with the Drools engine it finds at run
     * time), the testkit and the oracle need nothing but the host's own {@code requires org.dorsal}.
     */
    @Test
    void the_engine_needs_no_flag_on_the_module_path() {
        String withoutFhir = classPath.assessments().lines().filter(l -> !l.startsWith("fhir "))
                .map(l -> l + "\n").collect(Collectors.joining());
        assertThat(plainModulePath.assessments()).isEqualTo(withoutFhir).contains("oracle differences=0\n");
        assertThat(plainModulePath.layer()).contains("host " + HOST_MODULE + "\n", "dorsal org.dorsal\n");
    }

    @Test
    void a_host_module_cannot_reach_the_internal_packages() throws IOException {
        // What the class path cannot refuse...
        assertThat(classPath.layer()).contains("kb reached: ", "internal reached: ", "private reached: ");
        // ...the module path does, with or without the whole module path in the layer.
        for (Run r : List.of(modulePath, plainModulePath)) {
            assertThat(r.layer())
                    .contains("kb refused: class org.dorsal.modulepath.host.Host (in module " + HOST_MODULE
                            + ") cannot access class org.dorsal.kb.Params (in module org.dorsal) because module org.dorsal"
                            + " does not export org.dorsal.kb to module " + HOST_MODULE)
                    .contains("internal refused: class org.dorsal.modulepath.host.Host (in module " + HOST_MODULE
                            + ") cannot access class org.dorsal.internal.Text (in module org.dorsal) because module org.dorsal"
                            + " does not export org.dorsal.internal to module " + HOST_MODULE)
                    .contains("private refused: Unable to make field private final org.dorsal.KnowledgeBase org.dorsal.Dorsal.kb"
                            + " accessible: module org.dorsal does not \"opens org.dorsal\" to module " + HOST_MODULE);
        }

        // And a host module that names them does not compile in the first place.
        Compilation rogue = compile("rogue", Path.of(required("dorsal.hostClasses"), "rogue"));
        assertThat(rogue.succeeded).isFalse();
        assertThat(rogue.diagnostics)
                .contains("package org.dorsal.kb is declared in module org.dorsal, which does not export it to module org.dorsal.modulepath.rogue")
                .contains("package org.dorsal.internal is declared in module org.dorsal, which does not export it to module org.dorsal.modulepath.rogue");
    }

    @Test
    void the_descriptors_export_the_api_only() {
        Map<String, ModuleDescriptor> modules = new HashMap<>();
        ModuleFinder.of(jars.toArray(Path[]::new)).findAll().stream()
                .map(ModuleReference::descriptor).forEach(d -> modules.put(d.name(), d));

        ModuleDescriptor core = modules.get("org.dorsal");
        assertThat(core.isAutomatic()).isFalse();
        assertThat(core.isOpen()).isFalse();
        assertThat(exports(core)).isEqualTo(Map.of(
                "org.dorsal", Set.of(),
                "org.dorsal.kb", Set.of("org.dorsal.content"),
                "org.dorsal.internal", Set.of("org.dorsal.fhir")));
        assertThat(core.opens()).isEmpty();
        for (String name : List.of("org.dorsal.testkit", "org.dorsal.oracle")) {
            ModuleDescriptor d = modules.get(name);
            assertThat(d.isAutomatic()).as(name).isFalse();
            assertThat(exports(d)).as(name).isEqualTo(Map.of(name, Set.of()));
            assertThat(d.opens()).as(name).isEmpty();
        }
        // Automatic on purpose (see their poms): the names are the ones the qualified exports name.
        assertThat(modules.get("org.dorsal.content").isAutomatic()).isTrue();
        assertThat(modules.get("org.dorsal.content").packages()).contains("org.dorsal.rules")
                .allMatch(p -> p.startsWith("org.dorsal.rules") || p.equals("org.dorsal.content"));
        assertThat(modules.get("org.dorsal.fhir").isAutomatic()).isTrue();
        assertThat(modules.get("org.dorsal.fhir").packages()).containsExactly("org.dorsal.fhir");

        // No package in two jars: the module path would refuse to boot.
        Map<String, List<String>> owners = new TreeMap<>();
        modules.values().forEach(d -> d.packages().forEach(p -> owners.computeIfAbsent(p, k -> new ArrayList<>()).add(d.name())));
        assertThat(owners.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString)).isEmpty();
    }

    private static Map<String, Set<String>> exports(ModuleDescriptor d) {
        return d.exports().stream().collect(Collectors.toMap(Exports::source, Exports::targets));
    }

    /** The content version the content jar's manifest declares. */
    private static String contentVersion() throws IOException {
        Path content = jars.stream().filter(p -> p.getFileName().toString().startsWith("dorsal-rules-content-")).findFirst()
                .orElseThrow(() -> new AssertionError("no dorsal-rules-content jar in " + jars));
        try (JarFile jar = new JarFile(content.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("META-INF/dorsal/content.json"))) {
            return new ObjectMapper().readTree(in).get("contentVersion").asText();
        }
    }

    private record Compilation(boolean succeeded, String diagnostics) {
    }

    /** Compiles the module in src/test/hosts/{@code name} against the host's jars, as its build would. */
    private static Compilation compile(String name, Path out) throws IOException {
        // An empty class path: in process, javac would otherwise take this test's own, Dorsal included.
        Path nothing = Files.createDirectories(out.resolveSibling(name + "-empty-class-path"));
        List<String> args = new ArrayList<>(List.of("--module-path", libs, "--class-path", nothing.toString(),
                "-d", out.toString()));
        try (Stream<Path> s = Files.walk(Path.of(required("dorsal.hostSources"), name))) {
            s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        return new Compilation(status == 0, diagnostics.toString(StandardCharsets.UTF_8));
    }

    private record Run(String out, String err) {
        String assessments() {
            return out.substring(0, out.indexOf(LAYER));
        }

        String layer() {
            return out.substring(out.indexOf(LAYER));
        }
    }

    /** The host started in a JVM of its own, with every sample intake as arguments. */
    private record Launch(List<String> command, Process process, Path out, Path err) {
        /** Waits for the host to end; fails on any exit but 0. */
        Run await() throws IOException, InterruptedException {
            boolean done = process.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            Run run = new Run(lines(out), lines(err));
            assertThat(done && process.exitValue() == 0).as("%s%nexited %s%nstdout:%n%s%nstderr:%n%s",
                    String.join(" ", command), done ? process.exitValue() : "never (killed after 120 s)", run.out, run.err).isTrue();
            assertThat(run.out).as("stdout of %s", command).contains(LAYER);
            return run;
        }
    }

    private static String lines(Path file) throws IOException {
        return Files.readString(file).replace("\r\n", "\n");
    }

    private static Launch java(String... options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The C1 compiler alone: these JVMs live a second or two, and start faster without C2.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of(options));
        command.addAll(intakes);
        Path dir = Files.createDirectories(Path.of(required("dorsal.hostClasses"), "runs"));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Launch(command, p, out, err);
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run this test with mvn verify");
        }
        return v;
    }
}
