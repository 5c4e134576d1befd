package org.dorsal.examples.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.dorsal.Assessment;
import org.dorsal.DorsalJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dorsal interview}: asks the questions in the terminal, then prints the assessment. */
@Command(name = "interview",
        mixinStandardHelpOptions = true,
        description = {"Ask the questions one at a time in the terminal, then print the advice.",
                "Answers are read line by line from standard input, so they can be piped in."})
final class InterviewCommand implements Callable<Integer> {
    @ParentCommand
    private DorsalCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--json", description = "Print the assessment as JSON; the questions then go to stderr.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // With --json, stdout carries nothing but the assessment, so it can be redirected to a file.
        PrintWriter prompts = json ? spec.commandLine().getErr() : out;
        BufferedReader in = new BufferedReader(new InputStreamReader(cli.stdin(), StandardCharsets.UTF_8));
        Assessment assessment = new Interviewer(engine.dorsal(), in, prompts).run().assessment();
        if (json) {
            out.println(DorsalJson.writeAssessment(assessment));
        } else {
            new Report(out).print(assessment);
        }
        return DorsalCli.OK;
    }
}
