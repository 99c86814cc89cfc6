package dev.perfgate.core.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file (UTF-8, comma-separated, the first line naming the fields; values may be quoted
 * with {@code "}, a quote inside doubled) into records. Blank lines are skipped; a value cannot span
 * lines. Every problem is reported with the file and the line.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * The records of {@code file}, each a map from field name to value in the header's order.
     *
     * @throws IllegalArgumentException naming the file (and the line) when it is missing, unreadable,
     *         empty, has no record, or a line's values do not match the header
     */
    static List<Map<String, String>> read(Path file) {
        String where = "feeder file " + file.toAbsolutePath().normalize();
        List<Map<String, String>> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = split(line, where, number);
                if (header == null) {
                    header = checkedHeader(values, where, number);
                } else {
                    records.add(record(header, values, where, number));
                }
            }
            if (header == null) {
                throw new IllegalArgumentException(where + " is empty; its first line must name the fields, e.g. \"username,password\"");
            }
            if (records.isEmpty()) {
                throw new IllegalArgumentException(where + " has a header (" + String.join(",", header)
                        + ") but no record; add one line per record after it");
            }
            return records;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + " does not exist; paths are relative to the working directory "
                    + Path.of("").toAbsolutePath() + " (the module's folder under Maven)", e);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(where + " is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + e, e);
        }
    }

    private static List<String> checkedHeader(List<String> names, String where, int line) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + " line " + line + ": field " + (i + 1) + " of the header has no name;"
                        + " name every column, e.g. \"username,password\"");
            }
            if (seen.contains(name)) {
                throw new IllegalArgumentException(where + " line " + line + ": the header names field '" + name + "' twice");
            }
            seen.add(name);
        }
        return seen;
    }

    private static Map<String, String> record(List<String> header, List<String> values, String where, int line) {
        if (values.size() != header.size()) {
            throw new IllegalArgumentException(where + " line " + line + ": " + values.size() + " value(s), but the header (line 1)"
                    + " names " + header.size() + " field(s): " + String.join(",", header));
        }
        Map<String, String> record = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            record.put(header.get(i), values.get(i));
        }
        return record;
    }

    /** The values of one line: split at commas outside quotes, quotes removed and {@code ""} read as {@code "}. */
    static List<String> split(String line, String where, int number) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        int quoteStart = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"' && value.toString().isBlank()) {
                quoted = true;
                quoteStart = i + 1;
                value.setLength(0);
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(where + " line " + number + ": the quote at column " + quoteStart
                    + " is not closed on that line (a value cannot span lines)");
        }
        values.add(value.toString());
        return values;
    }
}
