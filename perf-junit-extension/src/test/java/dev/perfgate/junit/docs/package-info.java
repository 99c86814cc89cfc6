/**
 * The sources of the Java blocks in {@code README.md} and {@code docs/*.md}: load test classes as a
 * user writes them, compiled against the real API, with the regions the docs show marked
 * {@code // tag::name[]} ... {@code // end::name[]}. {@link dev.perfgate.junit.docs.DocSnippetsTest}
 * fails the build when a doc's block differs from its region. Their names end in {@code Snippets}
 * (and the classes a doc shows whole are auxiliary classes of those files) so that Maven never runs
 * them: they need Docker and applications this repository does not have. Core-only snippets, with
 * no extension, are in perf-engine's {@code dev.perfgate.core.docs}.
 */
package dev.perfgate.junit.docs;
