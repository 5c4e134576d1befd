package org.dorsal.examples.cds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dorsal.Dorsal;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service on a loopback port for the tests of one class, with a client for it: started before
 * the class's first test (and its {@code @BeforeAll} methods), closed after its last (and its
 * {@code @AfterAll} methods). The feedback log is a temporary file, deleted with the service.
 *
 * <pre>{@code @RegisterExtension static final RunningService SERVICE = new RunningService(DORSAL);}</pre>
 */
final class RunningService implements BeforeAllCallback, AfterAllCallback {
    private final Dorsal dorsal;
    private Path feedbackLog;
    private CdsServer server;
    private Client client;

    RunningService(Dorsal dorsal) {
        this.dorsal = dorsal;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        feedbackLog = Files.createTempFile("dorsal-feedback", ".jsonl");
        server = CdsServer.start(0, feedbackLog, dorsal);
        client = new Client(server);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            Files.deleteIfExists(feedbackLog);
        }
    }

    CdsServer server() {
        return server;
    }

    Client client() {
        return client;
    }
}
