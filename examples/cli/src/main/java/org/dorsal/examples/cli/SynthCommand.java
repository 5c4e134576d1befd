package org.dorsal.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.dorsal.governance.SyntheticPopulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dorsal synth --count N --seed S}: a synthetic population as NDJSON intakes. */
@Command(name = "synth",
        mixinStandardHelpOptions = true,
        description = {"Make a synthetic population: NDJSON intakes, one per line, each with an id.",
                "",
                "The same count and seed always give the same lines. Mostly self-care, few red flags: illustrative"
                        + " figures for demos and benchmarks, not epidemiology (see docs/governance.md).",
                ""})
final class SynthCommand implements Callable<Integer> {
    @ParentCommand
    private DorsalCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many intakes.")
    private long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private String out;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must not be negative, got " + count);
        }
        SyntheticPopulation people = SyntheticPopulation.seeded(seed);
        OutputStream stream = Streams.output(out, "-", cli);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            people.write(count, w);
        } catch (IOException e) {
            throw new DorsalCli.Stopped("synth stopped: " + e.getMessage(), e);
        }
        return DorsalCli.OK;
    }
}
