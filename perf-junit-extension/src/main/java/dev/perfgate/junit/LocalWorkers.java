package dev.perfgate.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.perfgate.core.io.AtomicFiles;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/**
 * The workers of a distributed run as processes on this machine: each a JVM on the test's own
 * classpath running {@link LoadTestWorker} for one part. Every wait is bounded; a worker that exits
 * before its part is done, or is not ready or done in time, fails the run with its name and the tail
 * of its log; {@link #close} ends any still running, so nothing outlives the test.
 *
 * <pre>{@code
 * try (LocalWorkers workers = LocalWorkers.start(4, folder, testClass, method, app.baseUri())) {
 *     workers.awaitReady(Duration.ofMinutes(2));
 *     workers.start(Instant.now().plusMillis(500));
 *     List<LoadTestResult> parts = workers.awaitParts(testId, Duration.ofMinutes(1));
 * }
 * }</pre>
 */
final class LocalWorkers implements AutoCloseable {

    /** Lines of a failed worker's log its failure quotes. */
    static final int LOG_TAIL_LINES = 30;

    /**
     * A class of each part of JUnit a worker needs beyond the test's classpath (the launcher, the platform's
     * engine API and commons, the Jupiter engine): loaded wherever tests run, but a runner may keep them apart.
     */
    private static final List<String> RUNNER_CLASSES = List.of("org.junit.platform.launcher.core.LauncherFactory",
            "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.util.ReflectionUtils",
            "org.junit.jupiter.engine.JupiterTestEngine");

    private final Path folder;
    private final List<Process> processes;

    private LocalWorkers(Path folder, List<Process> processes) {
        this.folder = folder;
        this.processes = processes;
    }

    /**
     * Starts {@code count} workers of {@code method} against {@code target}, handing over in {@code folder}
     * (emptied first). Each gets this JVM's {@code perfgate.*} system properties, so that it reads the test's
     * plan as this JVM does.
     */
    static LocalWorkers start(int count, Path folder, Class<?> testClass, Method method, URI target) {
        try {
            Folders.deleteRecursively(folder);
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the workers' folder " + folder, e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = classpath();
        String parameterTypes = Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(","));
        List<Process> processes = new ArrayList<>(count);
        LocalWorkers workers = new LocalWorkers(folder, processes);
        try {
            for (int i = 0; i < count; i++) {
                List<String> command = new ArrayList<>();
                command.add(java);
                command.add("-cp");
                command.add(classpath);
                System.getProperties().stringPropertyNames().stream()
                        .filter(name -> name.startsWith("perfgate.") && !name.startsWith("perfgate.worker.")
                                && !name.equals(LoadTest.WORKERS_PROPERTY))
                        .sorted()
                        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
                command.add("-D" + PartRun.PART_PROPERTY + "=" + i + "/" + count);
                command.add("-D" + PartRun.TARGET_PROPERTY + "=" + target);
                command.add("-D" + PartRun.FOLDER_PROPERTY + "=" + folder.toAbsolutePath());
                command.add(LoadTestWorker.class.getName());
                command.add(testClass.getName());
                command.add(method.getName());
                command.add(parameterTypes);
                processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(folder, i).toFile()).start());
            }
        } catch (IOException e) {
            workers.close();
            throw new UncheckedIOException("cannot start worker " + (processes.size() + 1) + " of " + count + " (" + java + ")", e);
        }
        return workers;
    }

    /** The test JVM's classpath, with JUnit's launcher and engine where a test runner keeps them apart. */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : RUNNER_CLASSES) {
            try {
                CodeSource source = Class.forName(name, false, loader).getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
                // not loaded here: the worker reports what it misses
            }
        }
        entries.removeIf(String::isBlank);
        return String.join(File.pathSeparator, entries);
    }

    private static Path log(Path folder, int index) {
        return folder.resolve("worker-" + index + ".log");
    }

    /**
     * Waits until every worker said it is ready, bounded by {@code timeout}.
     *
     * @throws AssertionError naming a worker that ended first or was not ready in time, with its log's tail
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < processes.size(); i++) {
            while (!Files.exists(PartRun.readyFile(folder, i))) {
                if (!processes.get(i).isAlive()) {
                    throw failure(i, "ended (exit " + processes.get(i).exitValue() + ") before it was ready");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw failure(i, "was not ready within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Tells every worker to start at {@code at}. */
    void start(Instant at) {
        try {
            AtomicFiles.write(PartRun.startFile(folder), at.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell the workers to start (" + PartRun.startFile(folder) + ")", e);
        }
    }

    /**
     * Waits for every worker to end, bounded by {@code timeout}, and reads the result of each part of {@code testId}.
     *
     * @throws AssertionError naming a worker that failed, wrote no result or did not end in time, with its log's tail
     */
    List<LoadTestResult> awaitParts(String testId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<LoadTestResult> parts = new ArrayList<>(processes.size());
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw failure(i, "did not end within " + timeout.toSeconds() + " s of the start");
            }
            if (process.exitValue() != 0) {
                throw failure(i, "failed (exit " + process.exitValue() + ")");
            }
            Path file = ResultFiles.fileOf(PartRun.resultFolder(folder, i), testId);
            if (!Files.isRegularFile(file)) {
                throw failure(i, "ended without writing its result " + file);
            }
            parts.add(ResultFiles.read(file));
        }
        return parts;
    }

    private AssertionError failure(int index, String what) {
        return new AssertionError("worker " + (index + 1) + " of " + processes.size() + " " + what + "; its log ("
                + log(folder, index) + ") ends:\n" + tail(log(folder, index)));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Ends every worker still running, and waits for it. */
    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
