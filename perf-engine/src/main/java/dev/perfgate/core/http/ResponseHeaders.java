package dev.perfgate.core.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A response's headers as they arrived, split into a map only when a scenario first looks at them. Most
 * load tests never read a response's headers, and building a case-insensitive map of lists for every
 * answer was a large part of what a request cost the generator. Unmodifiable; names case-insensitive.
 */
final class ResponseHeaders extends AbstractMap<String, List<String>> {

    /** Header lines, each {@code Name: value}, separated by LF (a CR before it is dropped); checked when read. */
    private final String lines;
    // Volatile: a response may be handed to another thread; the map is built from immutable text either way.
    private volatile Map<String, List<String>> parsed;

    /** Headers from {@code lines}, well-formed header lines separated by LF or CR LF. */
    ResponseHeaders(String lines) {
        this.lines = lines;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return map().entrySet();
    }

    @Override
    public List<String> get(Object name) {
        return map().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return map().containsKey(name);
    }

    private Map<String, List<String>> map() {
        Map<String, List<String>> map = parsed;
        if (map == null) {
            map = parse(lines);
            parsed = map;
        }
        return map;
    }

    private static Map<String, List<String>> parse(String lines) {
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int start = 0;
        while (start < lines.length()) {
            int end = lines.indexOf('\n', start);
            if (end < 0) {
                end = lines.length();
            }
            int lineEnd = end > start && lines.charAt(end - 1) == '\r' ? end - 1 : end;
            int colon = lines.indexOf(':', start);
            if (colon > start && colon < lineEnd) {
                byName.computeIfAbsent(lines.substring(start, colon).strip(), name -> new ArrayList<>())
                        .add(lines.substring(colon + 1, lineEnd).strip());
            }
            start = end + 1;
        }
        byName.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(byName);
    }
}
