package org.dorsal.examples.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the service's {@code GET /metrics} the way Prometheus would, and waits for what the shadow counts off the live path. */
final class Metrics {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Client client;

    Metrics(Client client) {
        this.client = client;
    }

    String scrape() {
        HttpResponse<String> r = client.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return r.body();
    }

    /** The sum of every sample of {@code name} that has all the given {@code label=value} pairs; 0 when there is none. */
    double get(String name, String... labels) {
        return sum(scrape(), name, labels);
    }

    static double sum(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            if (!metric.equals(name)) {
                continue;
            }
            Map<String, String> have = new HashMap<>();
            if (brace >= 0) {
                Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (m.find()) {
                    have.put(m.group(1), m.group(2));
                }
            }
            boolean matches = true;
            for (String l : labels) {
                String[] kv = l.split("=", 2);
                matches &= kv[1].equals(have.get(kv[0]));
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }

    /** Waits until the value is {@code expected} (the candidate runs on its own thread), then asserts it. */
    void await(double expected, String name, String... labels) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        double v = get(name, labels);
        while (v != expected && System.nanoTime() < deadline) {
            sleep();
            v = get(name, labels);
        }
        assertThat(v).as("%s%s", name, java.util.Arrays.toString(labels)).isEqualTo(expected);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
