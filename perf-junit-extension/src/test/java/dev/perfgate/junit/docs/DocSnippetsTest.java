package dev.perfgate.junit.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The code blocks of {@code README.md}, {@code sample-app/README.md} and {@code docs/*.md} are regions of
 * compiled test sources or of the poms the invoker ITs build, so that they cannot drift from the API or
 * from what is tested: a block follows a marker line naming its source and region,
 *
 * <pre>
 * &lt;!-- snippet: perf-junit-extension/src/test/java/dev/perfgate/junit/docs/QuickStartSnippets.java#greeting-load-test --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * and the region is marked in the source the AsciiDoc way, {@code // tag::greeting-load-test[]} ...
 * {@code // end::greeting-load-test[]} (in XML {@code <!-- tag::name[] -->}). The block must be the region, dedented, minus any tag lines
 * of other regions nested in it. This test fails naming the doc, the line and the snippet, with a
 * diff, when a block differs or its source or region is missing.
 *
 * <p>{@code -Dperfgate.docs.update=true} (or {@code scripts/update-doc-snippets.sh}) rewrites the
 * blocks from the sources instead; a missing source or region still fails.
 */
class DocSnippetsTest {

    /** System property: rewrite the docs' blocks from their sources rather than fail on a difference. */
    static final String UPDATE_PROPERTY = "perfgate.docs.update";

    private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+)#([A-Za-z0-9_.-]+) -->");
    private static final Pattern ANY_TAG_LINE = Pattern.compile("\\s*(// |<!-- )(tag|end)::[A-Za-z0-9_.-]+\\[](\\s*-->)?\\s*");
    private static final Pattern FENCE_OPENING = Pattern.compile("```[a-z]+");

    @Test
    void everyMarkedBlockOfTheDocsIsItsRegionOfACompiledSource() throws IOException {
        Path root = repositoryRoot();
        boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
        Function<String, Optional<String>> sources = path -> read(root, path);
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Path doc : docs(root)) {
            String name = root.relativize(doc).toString().replace('\\', '/');
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            Synced synced = sync(name, text, sources);
            blocks += synced.blocks();
            problems.addAll(update ? synced.missing() : synced.problems());
            if (update && !synced.text().equals(text)) {
                Files.writeString(doc, synced.text(), StandardCharsets.UTF_8);
                System.out.println("[perfgate] rewrote the snippets of " + name);
            }
        }
        assertThat(blocks).as("snippet markers in README.md and docs/*.md").isPositive();
        if (!problems.isEmpty()) {
            fail(problems.size() + " doc snippet(s) out of step with their sources:\n\n" + String.join("\n\n", problems)
                    + "\n\nThe source is the truth: rewrite the docs from it with"
                    + " -Dperfgate.docs.update=true (scripts/update-doc-snippets.sh).");
        }
    }

    @Test
    void aChangedBlockIsNamedWithItsDocLineAndADiffAndUpdateRewritesIt() {
        String source = """
                class Example {
                    // tag::call[]
                    void call(Http http) {
                        // tag::inner[]
                        http.get("a", "/a");
                        // end::inner[]
                    }
                    // end::call[]
                }
                """;
        String doc = """
                # Title

                <!-- snippet: Example.java#call -->
                ```java
                void call(Http http) {
                    http.get("a", "/b");
                }
                ```
                """;

        Synced synced = sync("docs/x.md", doc, path -> path.equals("Example.java") ? Optional.of(source) : Optional.empty());

        assertThat(synced.blocks()).isEqualTo(1);
        assertThat(synced.missing()).isEmpty();
        assertThat(synced.problems()).singleElement().asString()
                .startsWith("docs/x.md:3: snippet Example.java#call differs from its source")
                .contains("-     http.get(\"a\", \"/b\");", "+     http.get(\"a\", \"/a\");", "  void call(Http http) {");
        assertThat(synced.text()).contains("```java\nvoid call(Http http) {\n    http.get(\"a\", \"/a\");\n}\n```\n");
        assertThat(sync("docs/x.md", synced.text(), path -> Optional.of(source)).problems()).isEmpty();
    }

    @Test
    void aMissingSourceRegionOrBlockIsAProblemEvenWhenUpdating() {
        Map<String, String> files = Map.of("A.java", "// tag::a[]\nint a;\n// end::a[]\n");
        String doc = """
                <!-- snippet: B.java#a -->
                ```java
                ```
                <!-- snippet: A.java#b -->
                ```java
                ```
                <!-- snippet: A.java#a -->
                text, not a block
                """;

        Synced synced = sync("README.md", doc, path -> Optional.ofNullable(files.get(path)));

        assertThat(synced.missing()).containsExactly(
                "README.md:1: snippet B.java#a: no such source file",
                "README.md:4: snippet A.java#b: no region '// tag::b[]' ... '// end::b[]' in A.java",
                "README.md:7: snippet A.java#a: the marker is not followed by a fenced block (```java, ```xml)");
    }

    @Test
    void aRegionOfAPomIsMarkedWithXmlCommentsAndShownInAnXmlBlock() {
        String pom = """
                <project>
                  <dependencies>
                    <!-- tag::dependency[] -->
                    <dependency>
                      <artifactId>perf-junit-extension</artifactId>
                    </dependency>
                    <!-- end::dependency[] -->
                  </dependencies>
                </project>
                """;
        String doc = """
                <!-- snippet: it/pom.xml#dependency -->
                ```xml
                <dependency>
                  <artifactId>perf-engine</artifactId>
                </dependency>
                ```
                """;

        Synced synced = sync("README.md", doc, path -> Optional.of(pom));

        assertThat(synced.problems()).singleElement().asString()
                .startsWith("README.md:1: snippet it/pom.xml#dependency differs from its source")
                .contains("-   <artifactId>perf-engine</artifactId>", "+   <artifactId>perf-junit-extension</artifactId>");
        assertThat(synced.text()).contains("```xml\n<dependency>\n  <artifactId>perf-junit-extension</artifactId>\n</dependency>\n```");
    }

    /** A doc after syncing its blocks: its new text, its problems (all, and those updating cannot fix). */
    record Synced(String text, int blocks, List<String> problems, List<String> missing) {
    }

    /** Replaces each marked block of {@code markdown} with its region, recording what differed or is missing. */
    static Synced sync(String docName, String markdown, Function<String, Optional<String>> sources) {
        List<String> lines = List.of(markdown.split("\n", -1));
        List<String> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int blocks = 0;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.add(line);
            Matcher marker = MARKER.matcher(line.strip());
            i++;
            if (!marker.matches()) {
                continue;
            }
            blocks++;
            String where = docName + ":" + i + ": snippet " + marker.group(1) + "#" + marker.group(2);
            int close = i < lines.size() && FENCE_OPENING.matcher(lines.get(i).strip()).matches() ? lines.subList(i, lines.size()).indexOf("```") : -1;
            if (close < 0) {
                missing.add(where + ": the marker is not followed by a fenced block (```java, ```xml)");
                continue;
            }
            List<String> block = lines.subList(i + 1, i + close);
            Optional<String> source = sources.apply(marker.group(1));
            Optional<List<String>> region = source.flatMap(text -> region(text, marker.group(2)));
            if (region.isEmpty()) {
                missing.add(where + (source.isEmpty() ? ": no such source file"
                        : ": no region '// tag::" + marker.group(2) + "[]' ... '// end::" + marker.group(2) + "[]' in " + marker.group(1)));
                out.addAll(lines.subList(i, i + close + 1));
            } else {
                if (!block.equals(region.get())) {
                    problems.add(where + " differs from its source (- doc, + source):\n" + diff(block, region.get()));
                }
                out.add(lines.get(i));
                out.addAll(region.get());
                out.add("```");
            }
            i += close + 1;
        }
        problems.addAll(0, missing);
        return new Synced(String.join("\n", out), blocks, problems, missing);
    }

    /**
     * The lines between {@code // tag::name[]} and {@code // end::name[]}, without nested tag lines,
     * dedented. A name may mark several regions (imports at the top, then a field): they are joined
     * in order, each dedented on its own, with an empty line between.
     */
    static Optional<List<String>> region(String source, String name) {
        List<String> lines = List.of(source.split("\r?\n", -1));
        List<String> joined = new ArrayList<>();
        int start = indexOf(lines, "tag::" + name + "[]", 0);
        while (start >= 0) {
            int end = indexOf(lines, "end::" + name + "[]", start + 1);
            if (end < 0) {
                return Optional.empty();
            }
            if (!joined.isEmpty()) {
                joined.add("");
            }
            joined.addAll(dedented(lines.subList(start + 1, end)));
            start = indexOf(lines, "tag::" + name + "[]", end + 1);
        }
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    private static List<String> dedented(List<String> region) {
        List<String> body = region.stream()
                .filter(line -> !ANY_TAG_LINE.matcher(line).matches())
                .map(String::stripTrailing)
                .toList();
        int indent = body.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return body.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).toList();
    }

    /** The first line from {@code from} that is {@code tag} in a Java or an XML comment. */
    private static int indexOf(List<String> lines, String tag, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("// " + tag) || line.equals("<!-- " + tag + " -->")) {
                return i;
            }
        }
        return -1;
    }

    /** A line diff (longest common subsequence): "  " both, "- " only the doc, "+ " only the source. */
    static String diff(List<String> doc, List<String> source) {
        int[][] common = new int[doc.size() + 1][source.size() + 1];
        for (int a = doc.size() - 1; a >= 0; a--) {
            for (int b = source.size() - 1; b >= 0; b--) {
                common[a][b] = doc.get(a).equals(source.get(b)) ? common[a + 1][b + 1] + 1 : Math.max(common[a + 1][b], common[a][b + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int a = 0;
        int b = 0;
        while (a < doc.size() || b < source.size()) {
            if (a < doc.size() && b < source.size() && doc.get(a).equals(source.get(b))) {
                out.append("  ").append(doc.get(a++)).append('\n');
                b++;
            } else if (b < source.size() && (a == doc.size() || common[a][b + 1] >= common[a + 1][b])) {
                out.append("+ ").append(source.get(b++)).append('\n');
            } else {
                out.append("- ").append(doc.get(a++)).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /** The repository's root: the tests run in the module's folder, its parent. */
    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("README.md")).as("README.md in the repository root, the module folder's parent").isRegularFile();
        return root;
    }

    private static List<Path> docs(Path root) throws IOException {
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        if (Files.isRegularFile(root.resolve("sample-app/README.md"))) {
            docs.add(root.resolve("sample-app/README.md"));
        }
        try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
            pages.filter(page -> page.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** A source named relative to the root; nothing outside it. */
    private static Optional<String> read(Path root, String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
