package org.dorsal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One facade per threshold setting, shared by the tests: building one costs a second. */
final class Facades {
    private static final Map<Thresholds, Dorsal> BUILT = new ConcurrentHashMap<>();

    private Facades() {
    }

    static Dorsal with(Thresholds t) {
        return BUILT.computeIfAbsent(t, x -> Dorsal.builder().thresholds(x).build());
    }

    static Dorsal defaults() {
        return with(Thresholds.defaults());
    }
}
