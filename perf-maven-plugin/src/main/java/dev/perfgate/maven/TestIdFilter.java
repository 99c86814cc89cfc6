package dev.perfgate.maven;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Comma-separated name patterns where {@code *} stands for any text, e.g. {@code GreetingLoadIT.*,Checkout*}. */
final class TestIdFilter {

    private final List<Pattern> patterns;

    private TestIdFilter(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static TestIdFilter of(String patterns) {
        return new TestIdFilter(List.of(patterns.split(",")).stream()
                .map(String::strip)
                .filter(pattern -> !pattern.isEmpty())
                .map(pattern -> Pattern.compile(List.of(pattern.split("\\*", -1)).stream()
                        .map(Pattern::quote).collect(Collectors.joining(".*"))))
                .collect(Collectors.toList()));
    }

    boolean matches(String testId) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(testId).matches());
    }
}
