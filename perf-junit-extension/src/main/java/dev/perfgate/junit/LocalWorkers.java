package dev.perfgate.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * try (Workers workers = LocalWorkers.start(launch)) {
 *     Instant start = workers.begin(Duration.ofMinutes(2));
 *     List<LoadTestResult> parts = workers.awaitParts(Duration.ofMinutes(1));
 * }
 * }</pre>
 */
final class LocalWorkers implements Workers {

    /** Lines of a failed worker's log its failure quotes. */
    static final int LOG_TAIL_LINES = 30;

    /**
     * A class of each part of JUnit a worker needs beyond the test's classpath (the launcher, the platform's
     * engine API and commons, the Jupiter engine): loaded wherever tests run, but a runner may keep them apart.
     */
    private static final List<String> RUNNER_CLASSES = List.of("org.junit.platform.launcher.core.LauncherFactory",
            "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.util.ReflectionUtils",
            "org.junit.jupiter.engine.JupiterTestEngine");

    /** Between the last worker's ready and the shared start: the start file is read every 10 ms. */
    static final Duration START_LEAD = Duration.ofMillis(500);

    private final WorkerLaunch launch;
    private final List<Process> processes;

    private LocalWorkers(WorkerLaunch launch, List<Process> processes) {
        this.launch = launch;
        this.processes = processes;
    }

    /**
     * Starts {@code launch}'s workers, handing over in its folder (emptied first).
     */
    static LocalWorkers start(WorkerLaunch launch) {
        Path folder = launch.folder();
        launch.prepareFolder();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = classpath();
        List<Process> processes = new ArrayList<>(launch.count());
        LocalWorkers workers = new LocalWorkers(launch, processes);
        try {
            for (int i = 0; i < launch.count(); i++) {
                List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
                command.addAll(launch.systemProperties());
                command.add("-D" + PartRun.PART_PROPERTY + "=" + i + "/" + launch.count());
                command.add("-D" + PartRun.FOLDER_PROPERTY + "=" + folder.toAbsolutePath());
                command.addAll(launch.mainAndArguments());
                processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(launch.logOf(i).toFile()).start());
            }
        } catch (IOException e) {
            workers.close();
            throw new UncheckedIOException("cannot start " + launch.nameOf(processes.size()) + " (" + java + ")", e);
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

    /** Waits until every worker said it is ready, then tells them to start {@link #START_LEAD} later. */
    @Override
    public Instant begin(Duration readyWait) throws InterruptedException {
        long deadline = System.nanoTime() + readyWait.toNanos();
        for (int i = 0; i < processes.size(); i++) {
            while (!Files.exists(PartRun.readyFile(launch.folder(), i))) {
                if (!processes.get(i).isAlive()) {
                    throw failure(i, "ended (exit " + processes.get(i).exitValue() + ") before it was ready");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw failure(i, "was not ready within " + readyWait.toSeconds() + " s");
                }
                Thread.sleep(20);
            }
        }
        Instant at = Instant.now().plus(START_LEAD);
        try {
            AtomicFiles.write(PartRun.startFile(launch.folder()), at.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell the workers to start (" + PartRun.startFile(launch.folder()) + ")", e);
        }
        return at;
    }

    /**
     * Waits for every worker to end, bounded by {@code timeout}, and reads the result of each part.
     *
     * @throws AssertionError naming a worker that failed, wrote no result or did not end in time, with its log's tail
     */
    @Override
    public List<LoadTestResult> awaitParts(Duration timeout) throws InterruptedException {
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
            Path file = launch.partFile(i);
            if (!Files.isRegularFile(file)) {
                throw failure(i, "ended without writing its result " + file);
            }
            parts.add(ResultFiles.read(file));
        }
        return parts;
    }

    private AssertionError failure(int index, String what) {
        return new AssertionError(launch.nameOf(index) + " " + what + "; its log ("
                + launch.logOf(index) + ") ends:\n" + tail(launch.logOf(index)));
    }

    private static String tail(Path log) {
        try {
            return tailOf(Files.readAllLines(log, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last {@link #LOG_TAIL_LINES} of a worker's log, as its failure quotes them. */
    static String tailOf(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

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
