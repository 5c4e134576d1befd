package org.dorsal.examples.cds;

import static org.dorsal.fhir.FhirChecks.MAPPINGS;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dorsal.Dorsal;
import org.dorsal.fhir.Samples;

/**
 * Run in a fresh JVM by {@link FirstCallLatencyTest}: starts the service with its warm-up
 * ({@code warm}) or without ({@code cold}), waits until it is ready, then times the first hook
 * call and the next 20 from the client, whose own first request (to /health/live) is made before.
 * Prints one line: {@code first-call <mode> <first ms> <median of the next ms>}.
 */
final class FirstCallLatency {
    private FirstCallLatency() {
    }

    public static void main(String[] args) throws Exception {
        boolean warm = args[0].equals("warm");
        Path dir = Files.createTempDirectory("first-call");
        CdsServer.WarmUp none = (dorsal, fhir, context) -> {
        };
        try (CdsServer server = CdsServer.start(ServiceConfig.defaults().withPort(0).withFeedbackLog(dir.resolve("f.jsonl")),
                Dorsal.builder().build(), null, warm ? Warmup::run : none)) {
            if (!server.awaitReady(300_000)) {
                throw new IllegalStateException("never ready");
            }
            Client client = new Client(server);
            client.get("/health/live");
            String hook = Client.hook(MAPPINGS.questionnaireResponse(Samples.named("emergency-thunderclap").intake()));
            double[] ms = new double[21];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = client.post(CdsService.HOOK_PATH, "application/json", hook);
                ms[i] = (System.nanoTime() - start) / 1e6;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("hook call " + i + " answered " + r.statusCode());
                }
            }
            double[] rest = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(rest);
            System.out.printf("first-call %s %.1f %.1f%n", args[0], ms[0], rest[rest.length / 2]);
        }
    }
}
