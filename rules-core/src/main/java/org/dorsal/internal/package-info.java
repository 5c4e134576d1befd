/**
 * Internal: small helpers shared by Dorsal's own modules (the core, the FHIR mappings and the
 * example hosts). Not part of Dorsal's API and free to change in any release.
 */
package org.dorsal.internal;
