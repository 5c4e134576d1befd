package org.dorsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * A new rule is a content change only: a small second knowledge base, with rule IDs, a red flag
 * and a source the engine has never heard of, is compiled to the executable model here, put
 * beside its own manifest and catalogue, and then built and used through the public facade alone.
 */
class SecondKnowledgeBaseTest {

    @Test
    void a_knowledge_base_with_rules_the_core_has_never_heard_of_builds_and_assesses(@TempDir Path dir) throws IOException {
        compile(dir);
        copy("second-kb/META-INF/dorsal/content.json", dir.resolve(Content.RESOURCE));
        copy("second-kb/org/example/content/catalogue.json", dir.resolve("org/example/content/catalogue.json"));

        Dorsal second = Dorsal.builder().classLoader(new OwnContent(dir)).build();

        assertThat(second.contentVersion()).isEqualTo("0.1.0-demo");
        assertThat(second.rules()).extracting(RuleInfo::id).containsExactly("XR-WEAK-GRIP", "XA-DRINK-MORE", "XQ-RED-FLAG");
        assertThat(second.redFlagFindings()).containsOnlyKeys(Finding.ARM_OR_HAND_WEAKNESS);

        Assessment open = second.assess(Intake.builder().present(Finding.DEHYDRATION).build());
        assertThat(open.provisional()).isTrue();
        assertThat(open.questions()).extracting(Question::subject).containsExactly(Finding.ARM_OR_HAND_WEAKNESS);
        assertThat(open.questions().get(0).help()).isEqualTo("Demo help.");
        assertThat(open.recommendations()).extracting(Recommendation::id, Recommendation::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("XA-DRINK-MORE", "DEMO §Warning signs"));

        Assessment flagged = second.assess(Intake.builder().present(Finding.DEHYDRATION, Finding.ARM_OR_HAND_WEAKNESS).build());
        assertThat(flagged.disposition()).isEqualTo(Disposition.URGENT);
        assertThat(flagged.redFlags()).extracting(RedFlag::id, RedFlag::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("XR-WEAK-GRIP", "DEMO §Warning signs"));
        assertThat(flagged.recommendations()).extracting(Recommendation::id).containsExactly("XR-WEAK-GRIP");

        // The shipped knowledge base is untouched beside it.
        assertThat(Facades.defaults().contentVersion()).isNotEqualTo(second.contentVersion());
    }

    /** Compiles second-kb/second.drl to the executable model and writes its classes and model index into {@code dir}. */
    private static void compile(Path dir) throws IOException {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("org.example", "second-kb", "0.1.0");
        KieFileSystem files = ks.newKieFileSystem().generateAndWritePomXML(id)
                .write("src/main/resources/org/example/rules/second.drl", read("second-kb/second.drl"));
        KieBuilder builder = ks.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class") || name.endsWith("drools-model")) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, module.getBytes(name));
            }
        }
        assertThat(dir.resolve("META-INF/kie/org.example/second-kb/drools-model")).exists();
    }

    private static String read(String resource) {
        try (InputStream in = SecondKnowledgeBaseTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, read(resource));
    }

    /**
     * Classes from the test class path (the engine), but the content's resources from {@code dir}
     * only, so that the shipped manifest beside it on the class path is not seen.
     */
    private static final class OwnContent extends URLClassLoader {
        OwnContent(Path dir) throws IOException {
            super(new URL[]{dir.toUri().toURL()}, SecondKnowledgeBaseTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("org.example.")) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
                return super.loadClass(name, resolve);
            }
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("META-INF/") || name.startsWith("org/example/") ? findResource(name) : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/dorsal/") ? findResources(name) : super.getResources(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            URL url = getResource(name);
            try {
                return url == null ? null : url.openStream();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
