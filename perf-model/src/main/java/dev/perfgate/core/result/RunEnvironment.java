package dev.perfgate.core.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine a result was measured on, so that a comparison across machines can say so.
 *
 * @param cores         available processors
 * @param cpuModel      CPU model name, or {@code "unknown"}
 * @param jvm           JVM vendor, name and version that ran the load
 * @param os            operating system name, version and architecture
 * @param dockerVersion Docker engine version that ran the application, or {@code null}
 * @param gitCommit     commit of the project under test, or {@code null} outside a git checkout
 */
public record RunEnvironment(int cores, String cpuModel, String jvm, String os, String dockerVersion, String gitCommit) {

    /** The environment of this JVM, with the Docker version the caller knows (or {@code null}). */
    public static RunEnvironment current(String dockerVersion) {
        return new RunEnvironment(
                Runtime.getRuntime().availableProcessors(),
                readCpuModel(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                dockerVersion,
                readGitCommit().orElse(null));
    }

    /** What differs between this environment and {@code other} in ways that move figures, e.g. {@code "cores 2 -> 8"}. */
    public List<String> differencesFrom(RunEnvironment other) {
        List<String> differences = new ArrayList<>();
        if (other == null) {
            return differences;
        }
        if (cores != other.cores) {
            differences.add("cores " + other.cores + " -> " + cores);
        }
        if (!Objects.equals(cpuModel, other.cpuModel)) {
            differences.add("CPU '" + other.cpuModel + "' -> '" + cpuModel + "'");
        }
        if (!Objects.equals(jvm, other.jvm)) {
            differences.add("JVM '" + other.jvm + "' -> '" + jvm + "'");
        }
        return differences;
    }

    private static String readCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                Optional<String> model = lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .findFirst();
                if (model.isPresent()) {
                    return model.get();
                }
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // fall through: the model is informative only
            }
        }
        return "unknown";
    }

    private static Optional<String> readGitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
