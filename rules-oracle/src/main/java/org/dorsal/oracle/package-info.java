/**
 * The clinical specification's decisions in plain Java, written from the specification
 * ({@code clinical-content.md} §3–§7) and not from the DRL: one independent model that Dorsal's
 * tests and benchmarks share. <b>Not for hosts</b>: a host embeds {@code dorsal-rules-core} and
 * {@code dorsal-rules-content}; this module only checks and measures them.
 *
 * <p>{@link org.dorsal.oracle.Oracle} produces a whole {@link org.dorsal.Assessment}, field for
 * field what the facade produces, so that it serves as
 * <ul>
 *   <li>the oracle of the testkit's property suite and of its differential test, where any
 *       {@link org.dorsal.oracle.Oracle#difference difference} fails the build, and</li>
 *   <li>the lower bound of the benchmarks: the least an assessment can cost, doing the same work.</li>
 * </ul>
 *
 * <pre>{@code
 * Oracle oracle = Oracle.of(Thresholds.defaults());
 * Assessment expected = oracle.assess(intake);
 * Oracle.difference(expected, dorsal.assess(intake));   // empty when the knowledge base agrees
 * }</pre>
 */
package org.dorsal.oracle;
