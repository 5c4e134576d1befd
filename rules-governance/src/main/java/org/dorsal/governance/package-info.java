/**
 * Content governance: what a change of content or thresholds does to a population before it
 * reaches patients.
 *
 * <p>An {@link org.dorsal.governance.Engine} is one configuration of Dorsal (a content version and
 * its thresholds); {@link org.dorsal.governance.EngineConfig} names one and opens it, either on the
 * host's own knowledge base or on other Dorsal jars in a class loader of their own, so that two
 * content versions run side by side in one JVM. A {@link org.dorsal.governance.Comparison} is what
 * two engines say about one intake; an {@link org.dorsal.governance.ImpactTally} counts comparisons
 * over a population and merges with others, so the command line, the CDS service's shadow mode and
 * the Spark job all count the same way; an {@link org.dorsal.governance.ImpactReport} turns a tally
 * into the report people approve a change by, as HTML and JSON.
 */
package org.dorsal.governance;
