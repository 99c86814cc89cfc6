package dev.perfgate.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import dev.perfgate.core.io.AtomicFiles;
import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;

/**
 * What every worker of one distributed run is started with: which test method, against which target,
 * in how many parts, and where the coordinator keeps their results and logs.
 *
 * @param testId the run's test id
 * @param count the number of workers, one part each
 * @param testClass the class of the load test
 * @param method the load test method
 * @param target the application's base URI as the workers reach it
 * @param folder where the parts' results and the workers' logs are kept
 */
record WorkerLaunch(String testId, int count, Class<?> testClass, Method method, URI target, Path folder) {

    private static final String RANDOM_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * The {@code -D} options of a worker: this JVM's {@code perfgate.*} system properties, so that it reads the
     * test's plan as this JVM does, but for those that choose the distribution, then the target. The part and
     * the hand-over are each orchestrator's own.
     */
    List<String> systemProperties() {
        List<String> options = new ArrayList<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("perfgate.") && !isDistributionProperty(name))
                .sorted()
                .forEach(name -> options.add("-D" + name + "=" + System.getProperty(name)));
        options.add("-D" + PartRun.TARGET_PROPERTY + "=" + target);
        return options;
    }

    private static boolean isDistributionProperty(String name) {
        return name.startsWith("perfgate.worker.") || name.equals(LoadTest.WORKERS_PROPERTY)
                || name.startsWith(LoadTest.WORKERS_PROPERTY + ".") || name.equals(LoadTest.ORCHESTRATOR_PROPERTY)
                || name.startsWith("perfgate.kubernetes.");
    }

    /**
     * The arguments of a worker in a container, after its image's {@code java}: its part is the count only (the
     * orchestrator gives each its index), and it starts at {@code start}, set in advance, as it shares no folder.
     */
    List<String> containerArguments(Instant start) {
        List<String> args = new ArrayList<>(systemProperties());
        args.add("-D" + PartRun.PART_PROPERTY + "=" + count);
        args.add("-D" + PartRun.START_PROPERTY + "=" + start);
        args.addAll(mainAndArguments());
        return args;
    }

    /** The worker's main class and its arguments: the test method to run ({@link LoadTestWorker}). */
    List<String> mainAndArguments() {
        String parameterTypes = Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(","));
        return List.of(LoadTestWorker.class.getName(), testClass.getName(), method.getName(), parameterTypes);
    }

    /**
     * Empties the {@link #folder} for this run's parts and logs, creating it when missing.
     *
     * @throws UncheckedIOException naming the folder
     */
    void prepareFolder() {
        try {
            Folders.deleteRecursively(folder);
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the workers' folder " + folder, e);
        }
    }

    /**
     * A name for what an orchestrator creates for this run, {@code perfgate-<test id>-<5 random characters>}:
     * lowercase letters, digits and '-', at most {@code maxLength} long, unique per run, since runs of one test
     * may overlap on one cluster.
     */
    String resourceName(int maxLength) {
        String id = testId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        StringBuilder random = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            random.append(RANDOM_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(RANDOM_CHARACTERS.length())));
        }
        int room = maxLength - "perfgate-".length() - 1 - random.length();
        id = id.substring(0, Math.min(id.length(), room)).replaceAll("-+$", "");
        return "perfgate-" + (id.isEmpty() ? "" : id + "-") + random;
    }

    /** Where worker {@code index}'s (from 0) result is kept: the file a local worker writes, or its printed one. */
    Path partFile(int index) {
        return ResultFiles.fileOf(PartRun.resultFolder(folder, index), testId);
    }

    /** Where worker {@code index}'s (from 0) log is kept: {@code worker-<index>.log} in the {@link #folder}. */
    Path logOf(int index) {
        return folder.resolve("worker-" + index + ".log");
    }

    /**
     * Keeps {@code text}, worker {@code index}'s log read from its orchestrator, as {@link #logOf}. A log that
     * cannot be kept is warned about: the run's outcome does not depend on it.
     */
    void keepLog(int index, String text) {
        try {
            AtomicFiles.write(logOf(index), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Console.warn("cannot keep the log of " + nameOf(index) + " in " + logOf(index) + ": " + e.getMessage());
        }
    }

    /**
     * The result worker {@code index} printed in its log {@code lines} ({@link PartOutput}), kept where a local
     * worker writes its part and read back from there.
     *
     * @throws PartNotPrinted saying what the log lacks, for the caller to name the worker and its log
     * @throws UncheckedIOException when the result cannot be written to the folder
     */
    LoadTestResult keptPart(int index, List<String> lines) throws PartNotPrinted {
        Optional<byte[]> printed;
        try {
            printed = PartOutput.read(lines, index);
        } catch (IllegalStateException e) {
            throw new PartNotPrinted("printed a result that cannot be read: " + e.getMessage());
        }
        if (printed.isEmpty()) {
            throw new PartNotPrinted("ended without printing its result");
        }
        Path file = partFile(index);
        try {
            AtomicFiles.write(file, printed.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the result of " + nameOf(index) + " in " + file, e);
        }
        try {
            return ResultFiles.read(file);
        } catch (InvalidResultFileException e) {
            throw new PartNotPrinted("printed a result that cannot be read: " + e.getMessage());
        }
    }

    /** A worker's log without its result in it: the message says what is wrong, not which worker. */
    static final class PartNotPrinted extends Exception {

        private static final long serialVersionUID = 1L;

        PartNotPrinted(String what) {
            super(what);
        }
    }

    /** How worker {@code index} (from 0) is named in messages. */
    String nameOf(int index) {
        return "worker " + (index + 1) + " of " + count;
    }
}
