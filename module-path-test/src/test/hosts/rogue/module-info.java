/** A host module that tries to use what Dorsal does not export to it; it must not compile. */
module org.dorsal.modulepath.rogue {
    requires org.dorsal;
}
