package dev.perfgate.junit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A part's result file carried in a worker's own output, for orchestrators whose workers share no folder
 * with the coordinator (a swarm service's tasks, a Kubernetes Job's pods): what the worker prints, the
 * coordinator reads back from the task's or pod's log.
 *
 * <p>The file is compressed and printed in numbered lines of at most {@value #CHUNK} characters, each
 * marked with the part, because container log drivers split long lines and a log may interleave other
 * output: {@code [perfgate-part 2/4 1/3] H4sIAAAA...}.
 *
 * <pre>{@code
 * PartOutput.print(ResultFiles.bytesOf(result), 1, 4, System.out);     // in the worker
 * Optional<byte[]> file = PartOutput.read(logLines, 1);                 // in the coordinator
 * }</pre>
 */
final class PartOutput {

    /** Characters of encoded data per line: well under the 16 KiB at which Docker splits a log line. */
    static final int CHUNK = 8000;

    private static final String MARK = "[perfgate-part ";
    private static final Pattern LINE = Pattern.compile(Pattern.quote(MARK) + "(\\d+)/(\\d+) (\\d+)/(\\d+)] ([A-Za-z0-9+/=]*)");

    private PartOutput() {
    }

    /** Prints {@code file}, the result of part {@code index} (from 0) of {@code count}, to {@code out}. */
    static void print(byte[] file, int index, int count, PrintStream out) {
        String data = Base64.getEncoder().encodeToString(gzip(file));
        int chunks = Math.max(1, (data.length() + CHUNK - 1) / CHUNK);
        StringBuilder text = new StringBuilder();
        for (int chunk = 0; chunk < chunks; chunk++) {
            text.append(MARK).append(index + 1).append('/').append(count).append(' ').append(chunk + 1).append('/')
                    .append(chunks).append("] ").append(data, chunk * CHUNK, Math.min(data.length(), (chunk + 1) * CHUNK))
                    .append('\n');
        }
        out.print(text);
        out.flush();
    }

    /** Whether {@code line} carries a printed result: worth leaving out of a log tail shown to people. */
    static boolean isResultLine(String line) {
        return line.contains(MARK);
    }

    /**
     * The file part {@code index} (from 0) printed among {@code lines}; empty when it printed no line of it.
     *
     * @throws IllegalStateException when lines of it are missing or damaged
     */
    static Optional<byte[]> read(List<String> lines, int index) {
        TreeMap<Integer, String> chunks = new TreeMap<>();
        int expected = -1;
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.find() || Integer.parseInt(matcher.group(1)) != index + 1) {
                continue;
            }
            expected = Integer.parseInt(matcher.group(4));
            chunks.put(Integer.parseInt(matcher.group(3)), matcher.group(5));
        }
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        if (chunks.size() != expected || chunks.firstKey() != 1 || chunks.lastKey() != expected) {
            throw new IllegalStateException("part " + (index + 1) + "'s result came in " + chunks.size() + " of its " + expected
                    + " log lines; the log lost some (was the log driver's buffer too small?)");
        }
        try {
            return Optional.of(gunzip(Base64.getDecoder().decode(String.join("", chunks.values()))));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalStateException("part " + (index + 1) + "'s result in its log is damaged: " + e.getMessage(), e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
