package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dorsal.internal.TestAccess;
import org.dorsal.kb.Params;
import org.dorsal.testkit.Fixtures;
import org.dorsal.testkit.PropertyCheck;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import java.nio.charset.StandardCharsets;

/**
 * Question rules that ask too much are caught. {@link RuleMutationTest} removes each rule (a
 * question never asked); here each question rule loses one of its gating conditions at a time (a
 * {@code not …} or {@code exists …} line), so that it asks where the answer can no longer change
 * anything, or says the wrong thing about what it could lead to. All mutants are compiled at once,
 * each as a rule of its own beside the originals, and each mutant knowledge base is the original
 * with one question rule swapped for one of its mutants. A mutant is caught when the suite's
 * checks (the invariants and agreement with the oracle) fail on the mutation corpus.
 */
class QuestionMutationTest {
    private static final Path RULES = Path.of("..", "rules-content", "src", "main", "resources", "org", "dorsal", "rules");
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([^\"]+)\"(.*?)^end\\s*$");

    record Mutation(String original, String mutant, String removed) {
    }

    @Test
    void every_question_rule_that_asks_too_much_is_caught() throws Exception {
        Dorsal original = Fixtures.dorsal();
        Thresholds t = original.thresholds();
        String questions = Files.readString(RULES.resolve("questions.drl"));
        StringBuilder mutantDrl = new StringBuilder(questions.substring(0, questions.indexOf("function ")));
        List<Mutation> mutations = new ArrayList<>();
        Matcher m = RULE.matcher(questions);
        while (m.find()) {
            String name = m.group(1);
            String body = m.group(2);
            String when = body.substring(body.indexOf("when"), body.indexOf("then"));
            List<String> lines = when.lines().toList();
            for (String line : lines) {
                String code = line.strip();
                if (code.startsWith("not ") || code.startsWith("exists ")) {
                    String mutant = "mutant " + mutations.size() + ": " + name;
                    mutantDrl.append("rule \"").append(mutant).append('"')
                            .append(body.replace(when, when.replace(line + "\n", ""))).append("end\n\n");
                    mutations.add(new Mutation(name, mutant, code));
                }
            }
        }
        assertThat(mutations).as("gating conditions found in questions.drl").hasSizeGreaterThan(15);

        long start = System.nanoTime();
        Model all = compile(mutantDrl.toString());
        List<Intake> corpus = RuleMutationTest.corpus(t);
        // The originals, compiled the way the mutants are, pass: a catch means something.
        Dorsal control = TestAccess.buildMutant(RuleMutationTest.filtered(all, name -> !name.startsWith("mutant ")), t,
                Params.of(t));
        assertThat(PropertyCheck.of(control).invariants(Fixtures.checks(control)).shrinking(false)
                .run("control", corpus.size(), i -> corpus.get((int) i)).passed()).as("the unmutated rules pass").isTrue();
        List<String> survived = new ArrayList<>();
        for (Mutation mutation : mutations) {
            KieBase kb = RuleMutationTest.filtered(all, name -> name.equals(mutation.mutant())
                    || !name.startsWith("mutant ") && !name.equals(mutation.original()));
            Dorsal mutant = TestAccess.buildMutant(kb, t, Params.of(t));
            PropertyCheck.Result result = PropertyCheck.of(mutant).invariants(Fixtures.checks(mutant)).shrinking(false)
                    .run("question mutation corpus", corpus.size(), i -> corpus.get((int) i));
            if (result.passed()) {
                survived.add(mutation.original() + " without '" + mutation.removed() + "'");
            }
        }
        System.out.printf("Question mutation: %d/%d mutants that ask too much caught over %,d intakes, in %s%n",
                mutations.size() - survived.size(), mutations.size(), corpus.size(), Fixtures.since(start));
        assertThat(survived).as("question rules that ask too much and go unnoticed").isEmpty();
    }

    /** The content's DRL, plus {@code mutants}, compiled to one executable model. */
    private static Model compile(String mutants) throws Exception {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("org.dorsal.test", "question-mutants", "1");
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(id);
        try (Stream<Path> drl = Files.list(RULES)) {
            for (Path p : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
                files.write("src/main/resources/org/dorsal/rules/" + p.getFileName(), Files.readString(p));
            }
        }
        files.write("src/main/resources/org/dorsal/rules/question-mutants.drl", mutants);
        KieBuilder builder = ks.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        String listing = "META-INF/kie/org.dorsal.test/question-mutants/drools-model";
        String modelClass = new String(module.getBytes(listing), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.contains(":")).findFirst().orElseThrow();
        // The generated classes, loaded from a directory beside the engine's (no dynamic class definition needed).
        Path dir = Files.createTempDirectory("question-mutants");
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, module.getBytes(name));
            }
        }
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[]{dir.toUri().toURL()},
                QuestionMutationTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    // The mutants' model lives in the same package as the shipped one: load it from here first.
                    if (name.startsWith(RuleMutationTest.PACKAGE + ".")) {
                        Class<?> c = findLoadedClass(name);
                        if (c == null) {
                            try {
                                c = findClass(name);
                            } catch (ClassNotFoundException e) {
                                c = super.loadClass(name, resolve);
                            }
                        }
                        return c;
                    }
                    return super.loadClass(name, resolve);
                }
            }
        };
        return (Model) loader.loadClass(modelClass.strip()).getDeclaredConstructor().newInstance();
    }
}
