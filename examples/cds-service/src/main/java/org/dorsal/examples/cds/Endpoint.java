package org.dorsal.examples.cds;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * What one endpoint does with a request that has passed the checks every request gets (method,
 * admission, and the EHR's token on {@code /cds-services/**}): read it, answer it, or throw an
 * {@link HttpProblem}. Routing, timing, logging and error rendering are {@link Dispatch}'s.
 */
@FunctionalInterface
interface Endpoint {
    Reply answer(HttpExchange ex) throws IOException;
}
