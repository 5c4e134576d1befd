/** A host as an application on the module path declares it: Dorsal's API modules, nothing more. */
module org.dorsal.modulepath.host {
    requires org.dorsal;
    requires org.dorsal.fhir;
    requires org.dorsal.testkit;
    requires org.dorsal.oracle;
}
