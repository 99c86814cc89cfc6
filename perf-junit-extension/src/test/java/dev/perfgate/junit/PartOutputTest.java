package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A part's result carried through a worker's log, among other lines, and what a damaged log gives. */
class PartOutputTest {

    /** Bytes that compress badly, so that they need many lines. */
    private static byte[] file(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static List<String> printed(byte[] file, int index, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PartOutput.print(file, index, count, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLargeFileComesBackWholeFromALogThatInterleavesItWithOtherOutput() {
        byte[] first = file(50_000, 1);
        byte[] second = file(30_000, 2);
        List<String> lines1 = printed(first, 0, 2);
        List<String> lines2 = printed(second, 1, 2);
        assertThat(lines1).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThan(16 * 1024));

        List<String> log = new ArrayList<>();
        log.add("[perfgate] part 1 of 2 against http://10.0.0.5:8080");
        for (int i = 0; i < Math.max(lines1.size(), lines2.size()); i++) {
            if (i < lines2.size()) {
                log.add("2026-12-07T01:00:00.000Z " + lines2.get(i));
            }
            log.add("some other output " + i);
            if (i < lines1.size()) {
                log.add(lines1.get(i));
            }
        }

        assertThat(PartOutput.read(log, 0)).hasValue(first);
        assertThat(PartOutput.read(log, 1)).hasValue(second);
        assertThat(PartOutput.read(log.subList(0, 1), 0)).isEmpty();
    }

    @Test
    void aLostOrDamagedLineIsReportedNotMisread() {
        List<String> lines = new ArrayList<>(printed(file(40_000, 3), 2, 4));
        List<String> lost = new ArrayList<>(lines);
        lost.remove(1);
        assertThatThrownBy(() -> PartOutput.read(lost, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("part 3's result came in " + (lines.size() - 1) + " of its " + lines.size() + " log lines");

        List<String> damaged = new ArrayList<>(lines);
        damaged.set(0, damaged.get(0).replaceFirst("] .{12}", "] AAAAAAAAAAAA"));
        assertThatThrownBy(() -> PartOutput.read(damaged, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("part 3's result in its log is damaged");
    }
}
