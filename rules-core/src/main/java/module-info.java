/**
 * Dorsal's facade: {@link org.dorsal.Dorsal}, the intake and assessment model and the JSON
 * contract. Everything a host uses is in {@code org.dorsal}.
 *
 * <p>The Drools engine is not required here: the facade compiles against {@code kie-api} alone and
 * finds the engine (drools-model-compiler and what it brings) at run time. Drools' jars are
 * automatic modules, and resolving one automatic module resolves every automatic module on the
 * module path, so {@code requires org.kie.api} brings the engine with it.
 */
// org.dorsal.content and org.dorsal.fhir depend on this module, so they are never observable when
// it compiles; "module" silences javac's warning about the qualified exports to them.
@SuppressWarnings("module")
module org.dorsal {
    requires org.kie.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    // Not opened, to Jackson or anyone: it writes and reads the assessment records through their
    // public accessors and canonical constructors, which the export alone allows.
    exports org.dorsal;

    // The facts are public only so that the rules, compiled into the content jar, can name them.
    // Drools itself reaches them through the generated code, never reflectively, so it needs no
    // export of its own (the module-path test would fail with an IllegalAccessError otherwise).
    exports org.dorsal.kb to org.dorsal.content;

    // Helpers shared by Dorsal's own modules, never by a host.
    exports org.dorsal.internal to org.dorsal.fhir;
}
