/**
 * Internal: the facts the knowledge base reasons over. Public only because the rules, compiled in
 * another module, must see them; not part of Dorsal's API and free to change in any release. On
 * the module path it is exported to the knowledge base's module, {@code org.dorsal.content}, alone.
 *
 * <p>Stated facts are {@link org.dorsal.kb.Answer} (one per finding, unknown ones included),
 * {@link org.dorsal.kb.Onset}, {@link org.dorsal.kb.SelfCare} and {@link org.dorsal.kb.Params}.
 * Everything else is derived by the rules with {@code insertLogical}, so it goes away with the
 * answers that supported it.
 */
package org.dorsal.kb;
