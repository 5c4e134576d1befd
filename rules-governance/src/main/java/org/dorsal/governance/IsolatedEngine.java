package org.dorsal.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dorsal.Disposition;
import org.dorsal.DorsalConfigurationException;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;
import org.dorsal.Thresholds;

/**
 * A Dorsal of other jars (another engine version with its content, or another content on this
 * engine) in a class loader of its own. The two sides share no Dorsal type, so they talk in the one
 * thing every version keeps stable: the JSON contract, intake in and assessment out.
 */
final class IsolatedEngine implements Engine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Thresholds thresholds;
    private final ClassLoader loader;
    private final MethodHandle readIntake;
    private final MethodHandle assess;
    private final MethodHandle writeAssessment;
    private final Object dorsal;
    private final String contentVersion;
    private final Map<String, String> ruleNames;

    IsolatedEngine(List<Path> jars, Thresholds thresholds) {
        this.thresholds = thresholds;
        this.loader = new IsolatedLoader("dorsal-" + jars.get(jars.size() - 1).getFileName(), urls(jars),
                IsolatedEngine.class.getClassLoader());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class<?> dorsalType = loader.loadClass("org.dorsal.Dorsal");
            if (dorsalType.getClassLoader() != loader) {
                throw new DorsalConfigurationException("the jars " + jars + " hold no Dorsal engine (org.dorsal.Dorsal);"
                        + " give the rules-core jar of the content's engine version beside the content jar");
            }
            Class<?> intakeType = loader.loadClass("org.dorsal.Intake");
            Class<?> assessmentType = loader.loadClass("org.dorsal.Assessment");
            Class<?> jsonType = loader.loadClass("org.dorsal.DorsalJson");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Object builder = lookup.findStatic(dorsalType, "builder", MethodType.methodType(dorsalType.getMethod("builder").getReturnType()))
                    .invoke();
            Class<?> builderType = builder.getClass();
            builder = lookup.findVirtual(builderType, "spasmReferralDays", MethodType.methodType(builderType, int.class))
                    .invoke(builder, thresholds.spasmReferralDays());
            builder = lookup.findVirtual(builderType, "stiffnessReferralDays", MethodType.methodType(builderType, int.class))
                    .invoke(builder, thresholds.stiffnessReferralDays());
            builder = lookup.findVirtual(builderType, "classLoader", MethodType.methodType(builderType, ClassLoader.class))
                    .invoke(builder, loader);
            this.dorsal = lookup.findVirtual(builderType, "build", MethodType.methodType(dorsalType)).invoke(builder);
            this.readIntake = lookup.findStatic(jsonType, "readIntake", MethodType.methodType(intakeType, String.class));
            this.assess = lookup.findVirtual(dorsalType, "assess", MethodType.methodType(assessmentType, intakeType));
            this.writeAssessment = lookup.findStatic(jsonType, "writeAssessment", MethodType.methodType(String.class, assessmentType));
            this.contentVersion = (String) lookup.findVirtual(dorsalType, "contentVersion", MethodType.methodType(String.class))
                    .invoke(dorsal);
            this.ruleNames = ruleNames(dorsal);
        } catch (DorsalConfigurationException e) {
            throw e;
        } catch (Throwable e) {
            throw new DorsalConfigurationException("the Dorsal jars " + jars + " could not be loaded: " + e, e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The names of the other engine's rules, by ID, read the way every version so far offers them
     * ({@code rules()}, each with {@code id()} and {@code name()}); none when it offers no such thing,
     * since names only help people read a report.
     */
    private static Map<String, String> ruleNames(Object dorsal) {
        Map<String, String> names = new HashMap<>();
        try {
            for (Object rule : (Iterable<?>) dorsal.getClass().getMethod("rules").invoke(dorsal)) {
                String id = (String) rule.getClass().getMethod("id").invoke(rule);
                String name = RuleNames.readable(id, (String) rule.getClass().getMethod("name").invoke(rule));
                if (name != null) {
                    names.put(id, name);
                }
            }
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return Map.of();
        }
        return Map.copyOf(names);
    }

    /** Rule names by ID, as far as this engine version can tell them. */
    Map<String, String> ruleNames() {
        return ruleNames;
    }

    private static URL[] urls(List<Path> jars) {
        if (jars.isEmpty()) {
            throw new DorsalConfigurationException("no jars given for an isolated engine");
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.exists(jar)) {
                throw new DorsalConfigurationException("no such jar: " + jar);
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new DorsalConfigurationException("not a jar path: " + jar, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    public String contentVersion() {
        return contentVersion;
    }

    @Override
    public Thresholds thresholds() {
        return thresholds;
    }

    @Override
    public Outcome assess(Intake intake) {
        String assessment = assessJson(DorsalJson.writeIntake(intake));
        try {
            return outcome(JSON.readTree(assessment));
        } catch (IOException e) {
            throw new UncheckedIOException("the isolated engine wrote an assessment that is not JSON", e);
        }
    }

    /** The other engine's assessment JSON, exactly as it writes it. */
    String assessJson(String intakeJson) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (String) writeAssessment.invoke(assess.invoke(dorsal, readIntake.invoke(intakeJson)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the isolated engine failed", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Outcome outcome(JsonNode a) {
        List<String> ids = new ArrayList<>();
        a.path("redFlags").forEach(r -> ids.add(r.path("id").asText()));
        a.path("recommendations").forEach(r -> ids.add(r.path("id").asText()));
        return Outcome.of(Disposition.valueOf(a.path("disposition").asText()), a.path("provisional").asBoolean(),
                ids, a.path("contentVersion").asText());
    }
}
