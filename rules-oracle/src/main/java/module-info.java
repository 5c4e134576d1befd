/**
 * The clinical specification's decisions in plain Java, for Dorsal's own tests and benchmarks; not
 * for hosts: see {@link org.dorsal.oracle}.
 */
module org.dorsal.oracle {
    requires transitive org.dorsal;
    requires com.fasterxml.jackson.databind;

    exports org.dorsal.oracle;
}
