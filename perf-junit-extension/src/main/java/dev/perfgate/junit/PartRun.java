package dev.perfgate.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.perfgate.core.engine.GeneratorCpu;
import dev.perfgate.core.engine.LoadEngine;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.Segment;
import dev.perfgate.core.io.AtomicFiles;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultSummary;
import dev.perfgate.core.result.RunEnvironment;

/**
 * One part of a distributed run, in a worker process ({@link LoadTestWorker}): the test method runs as
 * usual but against the target the coordinator names, for the users or arrivals dealt to this part,
 * from the start the coordinator gives once every worker is ready. It writes the part's result (with
 * the histograms the merge needs) where the coordinator reads it, and judges nothing: the coordinator
 * judges the merged run.
 *
 * <p>The hand-over is files in one folder: each worker creates {@code ready-<index>} when it is about
 * to run; the coordinator then writes {@code start}, the instant every part starts at.
 */
final class PartRun {

    /** The part this worker runs, {@code "<index>/<count>"} with the index from 0. */
    static final String PART_PROPERTY = "perfgate.worker.part";
    /** The application's base URI. */
    static final String TARGET_PROPERTY = "perfgate.worker.target";
    /** The folder of the hand-over files and of the parts' results. */
    static final String FOLDER_PROPERTY = "perfgate.worker.folder";

    /** Longest a worker waits for the start after it said it was ready. */
    static final Duration START_WAIT = Duration.ofMinutes(2);

    private final Segment part;
    private final URI target;
    private final Path folder;

    private PartRun(Segment part, URI target, Path folder) {
        this.part = part;
        this.target = target;
        this.folder = folder;
    }

    /** Whether this JVM is a worker of a distributed run. */
    static boolean inWorker() {
        return System.getProperty(PART_PROPERTY) != null;
    }

    /** The part this worker was started for, if it is one. */
    static Optional<PartRun> fromProperties() {
        String part = System.getProperty(PART_PROPERTY);
        if (part == null) {
            return Optional.empty();
        }
        String[] fields = part.split("/");
        try {
            Segment segment = new Segment(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), null);
            return Optional.of(new PartRun(segment, URI.create(required(TARGET_PROPERTY)), Path.of(required(FOLDER_PROPERTY))));
        } catch (RuntimeException e) {
            throw new IllegalStateException(PART_PROPERTY + "=" + part + ": not a worker's part ('<index>/<count>'): " + e.getMessage(), e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("a worker needs the system property " + property);
        }
        return value;
    }

    /** The file the coordinator writes the start into. */
    static Path startFile(Path folder) {
        return folder.resolve("start");
    }

    /** The file worker {@code index} creates when it is ready. */
    static Path readyFile(Path folder, int index) {
        return folder.resolve("ready-" + index);
    }

    /** The folder of part {@code index}'s result. */
    static Path resultFolder(Path folder, int index) {
        return folder.resolve("part-" + index);
    }

    /** Runs this part of {@code settings}' plan with {@code scenario} and writes its result. */
    void run(LoadTestSettings settings, AnnotatedScenario scenario, Class<?> testClass) {
        Instant start = readyThenAwaitStart();
        Segment segment = new Segment(part.index(), part.count(), start);
        Console.say(settings.testId() + ": " + segment + " against " + target + ", starting at " + start);
        RunMeasurements measured;
        GeneratorCpu cpu = new GeneratorCpu();
        try (cpu; ProgressReporter progress = ProgressReporter.fromProperty(settings.testId() + " " + segment)) {
            measured = new LoadEngine().forSegment(segment).run(settings.plan(), target, scenario.scenario(), run -> {
                progress.started(run);
                cpu.started(run);
            });
        }
        LoadTestResult result = ResultOfRun.judged(settings.testId(), settings.plan(), measured, RunEnvironment.current(null))
                .withGenerator(cpu.result(measured.total().requestCount())).withTestClass(testClass.getName());
        try {
            Path file = ResultFiles.write(resultFolder(folder, part.index()), result);
            Console.say(ResultSummary.of(result));
            Console.say("part result written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of " + segment + " to " + folder, e);
        }
    }

    /** Says this worker is ready and waits for the start the coordinator writes, bounded by {@link #START_WAIT}. */
    private Instant readyThenAwaitStart() {
        Path startFile = startFile(folder);
        try {
            AtomicFiles.write(readyFile(folder, part.index()), new byte[0]);
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (!Files.exists(startFile)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(part + ": no start came within " + START_WAIT.toMinutes() + " minutes ("
                            + startFile + "); the coordinator gave up on the run");
                }
                Thread.sleep(10);
            }
            return Instant.parse(Files.readString(startFile, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand over with the coordinator in " + folder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(part + ": interrupted while waiting for the start", e);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(part + ": " + startFile + " holds no instant: " + e.getMessage(), e);
        }
    }
}
