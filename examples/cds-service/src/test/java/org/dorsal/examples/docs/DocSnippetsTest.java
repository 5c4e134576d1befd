package org.dorsal.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md is compiled with the JDK's compiler, in
 * this JVM, against this module's test class path (the knowledge base, the FHIR mappings, the
 * testkit, JUnit), and run. This module is the one whose class path has all of them.
 *
 * <p>The convention a snippet follows, so that it reads as documentation and still runs:
 * <ul>
 *   <li>Lines at its top that start with {@code import} are imports. Every snippet also imports
 *       {@code org.dorsal.*}, {@code org.dorsal.fhir.*}, {@code org.dorsal.testkit.*},
 *       {@code java.util.*} and {@code org.junit.jupiter.api.Test}.</li>
 *   <li>A snippet whose first line of code starts with {@code @} or {@code static} declares
 *       members of a test class (fields, {@code @Test} methods): it becomes the body of a class,
 *       and each of its {@code @Test} methods is run on a new instance (no other JUnit
 *       lifecycle).</li>
 *   <li>Any other snippet is statements: it becomes the body of a method, which is run. Lines
 *       such as {@code a.questions();} that only show a call are statements too.</li>
 * </ul>
 * Snippets are compiled in a package of their own, outside {@code org.dorsal}, so they can use
 * the public API only, as a host would. A compiler error names the Markdown file and line.
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("..", "..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
    private static final String PACKAGE = "com.example.docs";
    private static final List<String> IMPORTS = List.of("org.dorsal.*", "org.dorsal.fhir.*", "org.dorsal.testkit.*",
            "java.util.*", "org.junit.jupiter.api.Test");

    /** A fenced block: where it is (file, line of its first code line) and its code. */
    record Snippet(String file, int line, String code) {
        String className() {
            return "Snippet_" + file.replaceAll("[^A-Za-z0-9]", "_") + "_" + line;
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    @TempDir
    Path work;

    static List<Snippet> snippets() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Snippet> out = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = JAVA_BLOCK.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
                out.add(new Snippet(ROOT.relativize(f).toString(), line, m.group(1)));
            }
        }
        return out;
    }

    @Test
    void the_docs_have_snippets_to_check() throws IOException {
        assertThat(snippets()).extracting(Snippet::file).contains("README.md", "docs/integration.md", "docs/testkit.md");
    }

    @TestFactory
    Stream<DynamicTest> every_java_snippet_compiles_and_runs() throws IOException {
        return snippets().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> run(compile(s), s)));
    }

    /** The snippet as a compilation unit, and the number of lines put before its first line. */
    private record Source(String text, int linesBefore, boolean members) {
    }

    static Source wrap(Snippet s) {
        List<String> lines = new ArrayList<>(s.code().lines().toList());
        List<String> imports = new ArrayList<>();
        int skipped = 0;
        while (!lines.isEmpty() && (lines.get(0).startsWith("import ") || lines.get(0).isBlank())) {
            String l = lines.remove(0);
            skipped++;
            if (!l.isBlank()) {
                imports.add(l.substring(0, l.indexOf(';') + 1));
            }
        }
        String first = lines.stream().filter(l -> !l.isBlank() && !l.strip().startsWith("//")).findFirst().orElse("");
        boolean members = first.startsWith("@") || first.startsWith("static ");
        StringBuilder header = new StringBuilder("package " + PACKAGE + ";\n");
        IMPORTS.forEach(i -> header.append("import ").append(i).append(";\n"));
        imports.forEach(i -> header.append(i).append('\n'));
        header.append("public class ").append(s.className()).append(" {\n");
        if (!members) {
            header.append("public static void run() throws Exception {\n");
        }
        int before = (int) header.chars().filter(c -> c == '\n').count() - skipped;
        String body = String.join("\n", lines);
        return new Source(header + body + (members ? "\n}\n" : "\n}\n}\n"), before, members);
    }

    private record Compiled(Class<?> type, boolean members) {
    }

    private Compiled compile(Snippet s) throws Exception {
        Source source = wrap(s);
        Path src = work.resolve(s.className() + ".java");
        Files.writeString(src, source.text());
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(src)).call();
        }
        if (!ok) {
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> s.file() + ":" + (s.line() + d.getLineNumber() - 1 - source.linesBefore()) + ": "
                            + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError("the snippet at " + s + " does not compile:\n" + errors + "\n--- as compiled:\n" + source.text());
        }
        // A loader of its own per snippet, over this test's own: the snippet sees the same Dorsal classes.
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return new Compiled(loader.loadClass(PACKAGE + "." + s.className()), source.members());
    }

    private static void run(Compiled c, Snippet s) throws Throwable {
        List<Method> toRun = c.members()
                ? Arrays.stream(c.type().getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).toList()
                : List.of(c.type().getMethod("run"));
        assertThat(toRun).as("what %s runs", s).isNotEmpty();
        for (Method m : toRun) {
            m.setAccessible(true);
            Object target = Modifier.isStatic(m.getModifiers()) ? null : c.type().getDeclaredConstructor().newInstance();
            try {
                m.invoke(target);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Test
    void the_compiler_sees_this_modules_class_path() {
        assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
                .anySatisfy(p -> assertThat(p).contains("rules-testkit"))
                .anySatisfy(p -> assertThat(p).contains("rules-fhir"));
    }
}
