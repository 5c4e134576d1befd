/**
 * Generators, a shrinker, the invariants of the specification as checks, and rule statistics for
 * testing a Dorsal knowledge base: see {@link org.dorsal.testkit.PropertyCheck}.
 */
module org.dorsal.testkit {
    requires transitive org.dorsal;

    exports org.dorsal.testkit;
}
