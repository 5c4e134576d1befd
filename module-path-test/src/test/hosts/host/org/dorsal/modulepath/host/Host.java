package org.dorsal.modulepath.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.dorsal.Assessment;
import org.dorsal.Dorsal;
import org.dorsal.DorsalJson;
import org.dorsal.Finding;
import org.dorsal.Intake;
import org.dorsal.Interview;
import org.dorsal.InvalidIntakeException;
import org.dorsal.Quantity;
import org.dorsal.State;
import org.dorsal.fhir.DorsalFhir;
import org.dorsal.oracle.Oracle;
import org.dorsal.testkit.PropertyCheck;
import org.dorsal.testkit.RandomIntakes;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Run by ModulePathIT on the class path and on the module path, with the same jars. Everything
 * before the "--- layer" line must come out the same both ways; what follows says how the host
 * was loaded and what it could reach, which differs by design.
 *
 * <p>Arguments: {@code --no-fhir} to leave the FHIR mapping out (HAPI needs modules that only
 * {@code --add-modules} brings in on the module path), then intake JSON files, each assessed and
 * printed whole.
 */
public final class Host {
    public static void main(String[] args) throws IOException {
        boolean withFhir = args.length == 0 || !args[0].equals("--no-fhir");
        List<String> files = Arrays.asList(args).subList(withFhir ? 0 : 1, args.length);
        Dorsal dorsal = Dorsal.builder().build();
        System.out.println("contentVersion " + dorsal.contentVersion());
        for (String file : files) {
            Intake intake;
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                intake = DorsalJson.readIntake(in);
            }
            Assessment a = dorsal.assess(intake);
            String json = DorsalJson.writeAssessment(a);
            System.out.println("intake " + Path.of(file).getFileName() + " " + a.disposition()
                    + " roundTrip=" + DorsalJson.readAssessment(json).equals(a));
            System.out.println(json);
            System.out.println("fired " + dorsal.trace(intake).firedRules());
        }

        // A live interview moves one session from answer to answer: truth maintenance and updates.
        try (Interview interview = dorsal.newInterview()) {
            interview.hoursSinceOnset(30).answer(Finding.MUSCLE_SPASM, State.PRESENT)
                    .answer(Finding.SEVERE_SUDDEN_HEADACHE, State.PRESENT);
            Assessment flagged = interview.assessment();
            interview.withdraw(Finding.SEVERE_SUDDEN_HEADACHE).quantity(Quantity.SELF_CARE_DAYS, OptionalInt.of(2));
            Assessment after = interview.assessment();
            System.out.println("interview " + flagged.disposition() + " -> " + after.disposition()
                    + " equalsOneShot=" + after.equals(dorsal.assess(interview.intake())));
        }

        RandomIntakes random = RandomIntakes.seeded(12, dorsal.thresholds());
        PropertyCheck.Result result = PropertyCheck.of(dorsal).run(random, 100);
        System.out.println("testkit checked=" + result.checked() + " passed=" + result.passed());
        Oracle oracle = Oracle.of(dorsal.thresholds());
        long differences = random.stream(100).filter(i -> Oracle.difference(oracle.assess(i), dorsal.assess(i)).isPresent()).count();
        System.out.println("oracle differences=" + differences);

        if (withFhir) {
            fhir(dorsal);
        }

        System.out.println("--- layer");
        System.out.println("host " + describe(Host.class.getModule()));
        System.out.println("dorsal " + describe(Dorsal.class.getModule()));
        System.out.println("kb " + reach("org.dorsal.kb.Params", "of", org.dorsal.Thresholds.class, dorsal.thresholds()));
        System.out.println("internal " + reach("org.dorsal.internal.Text", "echo", String.class, "x"));
        System.out.println("private " + deepReflection(dorsal));
    }

    private static void fhir(Dorsal dorsal) {
        DorsalFhir fhir = DorsalFhir.of(dorsal);
        Intake intake = Intake.builder().hoursSinceOnset(30).present(Finding.MUSCLE_SPASM).build();
        GuidanceResponse guidance = fhir.guidanceResponse(dorsal.assess(fhir.intake(fhir.questionnaireResponse(intake))));
        System.out.println("fhir guidance " + guidance.getStatus().toCode() + " requirements=" + guidance.getDataRequirement().size());
        try {
            // Refused with a message clipped by org.dorsal.internal.Text, which only org.dorsal.fhir may use.
            fhir.intake(new QuestionnaireResponse().setQuestionnaire("urn:" + "x".repeat(80)));
            System.out.println("fhir refused nothing");
        } catch (InvalidIntakeException e) {
            System.out.println("fhir refused " + e.field() + ": " + e.getMessage());
        }
    }

    private static String describe(Module m) {
        return m.isNamed() ? m.getName() + (m.getDescriptor().isAutomatic() ? " (automatic)" : "") : "unnamed";
    }

    /** Calls a public static method of an internal package, as a host trying a back door would. */
    private static String reach(String className, String method, Class<?> parameter, Object argument) {
        try {
            Object r = Class.forName(className).getMethod(method, parameter).invoke(null, argument);
            return "reached: " + r;
        } catch (IllegalAccessException e) {
            return "refused: " + e.getMessage();
        } catch (ReflectiveOperationException e) {
            return "failed: " + e;
        }
    }

    /** Opens a private field of the facade, as a framework scanning it would. */
    private static String deepReflection(Dorsal dorsal) {
        try {
            var field = Dorsal.class.getDeclaredField("kb");
            field.setAccessible(true);
            return "reached: " + field.get(dorsal).getClass().getName();
        } catch (RuntimeException e) { // InaccessibleObjectException
            return "refused: " + e.getMessage();
        } catch (ReflectiveOperationException e) {
            return "failed: " + e;
        }
    }
}
