/**
 * Internal: small helpers shared by Dorsal's own modules (the core, the FHIR mappings and the
 * example hosts). Not part of Dorsal's API and free to change in any release. On the module path
 * it is exported to {@code org.dorsal.fhir} alone; the example hosts run on the class path.
 */
package org.dorsal.internal;
