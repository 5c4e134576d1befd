package org.dorsal.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dorsal.Disposition;
import org.dorsal.DorsalJson;
import org.dorsal.Intake;

/**
 * The sample intakes under {@code src/test/resources/intakes}, each with the disposition the
 * specification gives it. Shared with the service's tests through the test jar.
 */
public final class Samples {
    /** One sample: its file name (without .json), the intake, and what the specification expects of it. */
    public record Sample(String name, Intake intake, Disposition disposition, boolean provisional) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Sample> ALL = List.of(
            sample("emergency-thunderclap", Disposition.EMERGENCY, true),
            sample("emergency-vascular", Disposition.EMERGENCY, false),
            sample("urgent-radiculopathy", Disposition.URGENT, false),
            sample("urgent-dizziness-link-unknown", Disposition.URGENT, true),
            sample("routine-stiffness", Disposition.ROUTINE, false),
            sample("provisional-spasm", Disposition.SELF_CARE, true),
            sample("self-care-spasm", Disposition.SELF_CARE, false),
            sample("self-care-everything-known", Disposition.SELF_CARE, false));

    private Samples() {
    }

    public static Sample named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The raw intake JSON of a sample, as a telehealth app would post it. */
    public static byte[] json(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/intakes/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no sample intake " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample sample(String name, Disposition disposition, boolean provisional) {
        return new Sample(name, DorsalJson.readIntake(json(name)), disposition, provisional);
    }
}
