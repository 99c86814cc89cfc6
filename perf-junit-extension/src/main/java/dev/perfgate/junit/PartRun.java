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
 * from the start the coordinator gives. It reports the part's result (with the histograms the merge
 * needs) and judges nothing: the coordinator judges the merged run.
 *
 * <p>Workers on this machine hand over through files in one folder: each creates {@code ready-<index>}
 * when it is about to run; the coordinator then writes {@code start}, the instant every part starts at,
 * and reads {@code part-<index>/<testId>.json}. Workers in containers share no folder: the coordinator
 * sets the start in advance ({@value #START_PROPERTY}), and the worker prints its result to its output
 * ({@link PartOutput}), which the coordinator reads from the task's or pod's log. Their part's index
 * comes from the orchestrator: a swarm task's slot ({@value #SLOT_VARIABLE}, from 1) or a Kubernetes
 * indexed Job's completion index ({@value #COMPLETION_INDEX_VARIABLE}, from 0).
 */
final class PartRun {

    /**
     * The part this worker runs: {@code "<index>/<count>"} with the index from 0, or {@code "<count>"} with the
     * index from the orchestrator's environment variable.
     */
    static final String PART_PROPERTY = "perfgate.worker.part";
    /** The instant every part starts at, set in advance: no hand-over of files. */
    static final String START_PROPERTY = "perfgate.worker.start";
    /** A swarm service task's slot, 1 to the replicas; the service sets it from {@code {{.Task.Slot}}}. */
    static final String SLOT_VARIABLE = "PERFGATE_WORKER_SLOT";
    /** A Kubernetes indexed Job's completion index, from 0, which Kubernetes sets in each pod. */
    static final String COMPLETION_INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
    /** The application's base URI. */
    static final String TARGET_PROPERTY = "perfgate.worker.target";
    /** The folder of the hand-over files and of the parts' results; none: the start is set, the result printed. */
    static final String FOLDER_PROPERTY = "perfgate.worker.folder";

    /** Longest a worker waits for the start after it said it was ready. */
    static final Duration START_WAIT = Duration.ofMinutes(2);

    private final Segment part;
    private final URI target;
    private final Path folder;
    private final Instant start;

    private PartRun(Segment part, URI target, Path folder, Instant start) {
        this.part = part;
        this.target = target;
        this.folder = folder;
        this.start = start;
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
        try {
            String[] fields = part.split("/");
            int count = Integer.parseInt(fields[fields.length - 1].strip());
            int index = fields.length == 2 ? Integer.parseInt(fields[0].strip()) : indexFromEnvironment();
            Segment segment = new Segment(index, count, null);
            String folder = System.getProperty(FOLDER_PROPERTY);
            String start = System.getProperty(START_PROPERTY);
            if ((folder == null) == (start == null)) {
                throw new IllegalStateException("give either " + FOLDER_PROPERTY + " or " + START_PROPERTY);
            }
            return Optional.of(new PartRun(segment, URI.create(required(TARGET_PROPERTY)), folder == null ? null : Path.of(folder),
                    start == null ? null : Instant.parse(start.strip())));
        } catch (RuntimeException e) {
            throw new IllegalStateException(PART_PROPERTY + "=" + part + ": not a worker's part ('<index>/<count>' or '<count>'): "
                    + e.getMessage(), e);
        }
    }

    private static int indexFromEnvironment() {
        String slot = System.getenv(SLOT_VARIABLE);
        if (slot != null && !slot.isBlank()) {
            return Integer.parseInt(slot.strip()) - 1;
        }
        String index = System.getenv(COMPLETION_INDEX_VARIABLE);
        if (index != null && !index.isBlank()) {
            return Integer.parseInt(index.strip());
        }
        throw new IllegalStateException("no part index: neither " + SLOT_VARIABLE + " nor " + COMPLETION_INDEX_VARIABLE + " is set");
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

    /** Runs this part of {@code settings}' plan with {@code scenario} and reports its result. */
    void run(LoadTestSettings settings, AnnotatedScenario scenario, Class<?> testClass) {
        Instant startAt = folder != null ? readyThenAwaitStart() : requireNotLate(start);
        Segment segment = new Segment(part.index(), part.count(), startAt);
        Console.say(settings.testId() + ": " + segment + " against " + target + ", starting at " + startAt);
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
        Console.say(ResultSummary.of(result));
        try {
            if (folder != null) {
                Console.say("part result written to " + ResultFiles.write(resultFolder(folder, part.index()), result));
            } else {
                printResult(result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot report the result of " + segment, e);
        }
    }

    /** Prints the result file for the coordinator, which reads it from this worker's log. */
    private void printResult(LoadTestResult result) throws IOException {
        PartOutput.print(ResultFiles.bytesOf(result), part.index(), part.count(), System.out);
    }

    /** {@code start}, unless this worker reached its part later than the others could wait for it. */
    private Instant requireNotLate(Instant start) {
        Duration late = Duration.between(start, Instant.now());
        if (late.compareTo(DistributedRun.LATE) > 0) {
            throw new IllegalStateException(part + " was ready " + late.toSeconds() + " s after the shared start (" + start
                    + "); give the workers more time to start: -D" + Distribution.START_LEAD_PROPERTY + "=<seconds>");
        }
        return start;
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
