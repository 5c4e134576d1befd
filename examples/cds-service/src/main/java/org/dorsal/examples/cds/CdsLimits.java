package org.dorsal.examples.cds;

/** How large a body each endpoint reads: past it, 413 without reading on. */
final class CdsLimits {
    /** A prefetched Bundle may hold a whole response and its narrative; 1 MiB is generous. */
    static final int HOOK = 1024 * 1024;
    static final int INTAKE = 64 * 1024;
    static final int FHIR = 256 * 1024;
    static final int FEEDBACK = 256 * 1024;

    private CdsLimits() {
    }
}
