package dev.perfgate.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.perfgate.core.io.GitCommand;
import dev.perfgate.core.time.ReadableDuration;

/**
 * One commit of the project checked out into a git worktree in the cache folder and built there with
 * the project's own build command, so that the reference's jar or Dockerfile can be taken from the same
 * path as this build's. Built once per commit and command: a file beside the worktree records the
 * command that built it, and later runs (other JVMs, other days) reuse it. A file lock keeps two JVMs
 * from building the same commit at once. The cache keeps the {@value #KEPT_PER_REPOSITORY} most recently
 * used references of each repository and removes older ones.
 */
final class ReferenceWorktree {

    /** System property: the cache folder, default {@code ~/.cache/perfgate/references}: {@value}. */
    static final String CACHE_PROPERTY = "perfgate.referenceCache";
    /** System property: the command that builds the reference, run by the shell in the module's folder of the checkout: {@value}. */
    static final String BUILD_PROPERTY = "perfgate.referenceBuild";
    /** System property: how long the reference's checkout and build may take, default 20 min: {@value}. */
    static final String BUILD_TIMEOUT_PROPERTY = "perfgate.referenceBuildTimeout";

    static final int KEPT_PER_REPOSITORY = 4;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);
    private static final int LOG_TAIL_LINES = 40;

    // Built in this JVM: the marker file is read once, not before every test class.
    private static final Set<Path> BUILT = ConcurrentHashMap.newKeySet();

    private final GitReference.Resolved commit;
    private final Path cache;
    private final Path worktree;
    private final String explicitCommand;

    private ReferenceWorktree(GitReference.Resolved commit, Path cache, String explicitCommand) {
        this.commit = commit;
        this.cache = cache;
        this.worktree = cache.resolve(entryName(commit));
        this.explicitCommand = explicitCommand;
    }

    /** The worktree of {@code commit} in the configured cache folder; {@code buildCommand} {@code null} for the configured or default one. */
    static ReferenceWorktree of(GitReference.Resolved commit, String buildCommand) {
        String configured = System.getProperty(CACHE_PROPERTY);
        Path cache = configured != null && !configured.isBlank() ? Path.of(configured.strip())
                : Path.of(System.getProperty("user.home"), ".cache", "perfgate", "references");
        String command = buildCommand != null ? buildCommand : System.getProperty(BUILD_PROPERTY);
        return in(cache, commit, command == null || command.isBlank() ? null : command.strip());
    }

    /** The worktree of {@code commit} in {@code cache}; {@code buildCommand} {@code null} for the default one. */
    static ReferenceWorktree in(Path cache, GitReference.Resolved commit, String buildCommand) {
        return new ReferenceWorktree(commit, cache.toAbsolutePath().normalize(), buildCommand);
    }

    /** The worktree's folder name: the repository's folder name and the commit, e.g. {@code shop-3f2a9c1d0e4b}. */
    static String entryName(GitReference.Resolved commit) {
        String repository = commit.repository().getFileName() == null ? "project" : commit.repository().getFileName().toString();
        return repository.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + commit.commit().substring(0, Math.min(12, commit.commit().length()));
    }

    /** The module's folder in the worktree, checked out and built (now, or by an earlier run with the same command). */
    Path built() {
        Path module = worktree.resolve(commit.modulePrefix()).normalize();
        if (BUILT.contains(module)) {
            return module;
        }
        BuildCommand build = buildCommand(module);
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve(worktree.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Path marker = cache.resolve(worktree.getFileName() + ".built");
                if (Files.isDirectory(module) && Files.isRegularFile(marker) && Files.readString(marker).equals(build.command())) {
                    Files.setLastModifiedTime(marker, FileTime.fromMillis(System.currentTimeMillis()));
                    Console.say("reference: reusing the build of " + commit.shortCommit() + " in " + worktree);
                } else {
                    Files.deleteIfExists(marker);
                    checkOut();
                    run(build, module);
                    Path written = Files.writeString(cache.resolve(worktree.getFileName() + ".built.tmp"), build.command());
                    Files.move(written, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            removeOldReferences();
        } catch (IOException e) {
            throw new UncheckedIOException("the reference's cache folder " + cache + " could not be used (" + e.getMessage()
                    + "); choose another with -D" + CACHE_PROPERTY + "=<folder>", e);
        }
        BUILT.add(module);
        return module;
    }

    /** A fresh worktree of the commit, detached (no branch is taken from the user), replacing any left half made. */
    private void checkOut() throws IOException {
        GitCommand git = new GitCommand(commit.repository());
        removeWorktree(worktree);
        try {
            git.run("worktree", "add", "--force", "--detach", worktree.toString(), commit.commit());
        } catch (GitCommand.GitFailure e) {
            throw new AppStartException("the reference's commit " + commit.commit() + " could not be checked out into " + worktree
                    + ": " + e.getMessage(), e);
        }
    }

    /** Runs the build in its folder, its output into a log beside the worktree; fails with the log's tail. */
    private void run(BuildCommand build, Path module) throws IOException {
        Path log = cache.resolve(worktree.getFileName() + ".log");
        Duration timeout = timeout();
        Console.say("reference: building " + commit.shortCommit() + " in " + build.folder() + ": " + build.command()
                + " (log: " + log + ")");
        long started = System.nanoTime();
        ProcessBuilder processBuilder = new ProcessBuilder(shell(build.command())).directory(build.folder().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The test JVM may run under a Maven wrapper that exported this build's folder: the reference's
        // build must find its own.
        processBuilder.environment().remove("MAVEN_PROJECTBASEDIR");
        processBuilder.environment().remove("MAVEN_BASEDIR");
        Process process = processBuilder.start();
        process.getOutputStream().close(); // a build that asks a question reads end of input, not the test's console
        boolean ended;
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new AppStartException("interrupted while building the reference in " + build.folder(), e);
        }
        if (!ended) {
            stop(process);
            throw new AppStartException("the reference's build (" + build.command() + " in " + build.folder() + ") did not end within "
                    + ReadableDuration.format(timeout) + "; allow more with -D" + BUILD_TIMEOUT_PROPERTY + "=40m or build faster with -D"
                    + BUILD_PROPERTY + "=\"...\"" + tail(log), null);
        }
        if (process.exitValue() != 0) {
            throw new AppStartException("the reference's build failed (exit " + process.exitValue() + ") at commit " + commit.commit()
                    + ": " + build.command() + " in " + build.folder() + "; fix or choose its command with -D" + BUILD_PROPERTY
                    + "=\"...\"" + tail(log), null);
        }
        Console.say("reference: built " + commit.shortCommit() + " in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s");
        if (!Files.isDirectory(module)) {
            throw new AppStartException("the reference's commit " + commit.commit() + " has no folder " + commit.modulePrefix()
                    + ": the module did not exist yet; choose a later reference", null);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static List<String> shell(String command) {
        return System.getProperty("os.name", "").startsWith("Windows") ? List.of("cmd", "/c", command) : List.of("sh", "-c", command);
    }

    private static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return "\n--- last lines of the build log " + log + " ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static Duration timeout() {
        String value = System.getProperty(BUILD_TIMEOUT_PROPERTY);
        return value == null || value.isBlank() ? DEFAULT_TIMEOUT : ReadableDuration.parse(value.strip(), "system property " + BUILD_TIMEOUT_PROPERTY);
    }

    /** The command and the folder it runs in. */
    record BuildCommand(Path folder, String command) {
    }

    /**
     * The explicit command, run in the module's folder; else the Maven wrapper nearest above the module
     * (the module and the modules it needs, when the wrapper is the parent's), else {@code mvn}. Tests are
     * skipped: the reference only needs its artifact. The test JVM's local repository, which Maven's
     * surefire and failsafe plugins pass as {@code localRepository}, is the reference's too.
     */
    BuildCommand buildCommand(Path module) {
        if (explicitCommand != null) {
            return new BuildCommand(module, explicitCommand);
        }
        String repository = System.getProperty("localRepository");
        String common = " -B package -DskipTests" + (repository == null || repository.isBlank() ? "" : " -Dmaven.repo.local=" + quoted(repository));
        for (Path folder = module; folder != null && folder.startsWith(worktree); folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw"))) {
                String wrapper = Files.isExecutable(folder.resolve("mvnw")) ? "./mvnw" : "sh mvnw";
                String modules = folder.equals(module) ? "" : " -pl " + quoted(folder.relativize(module).toString().replace('\\', '/')) + " -am";
                return new BuildCommand(folder, wrapper + common + modules);
            }
        }
        return new BuildCommand(module, "mvn" + common);
    }

    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9._/:=-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /** Keeps the most recently used references of this repository, removing the rest with their files. */
    private void removeOldReferences() throws IOException {
        String repositoryPrefix = entryName(commit).replaceFirst("-[0-9a-f]+$", "-");
        List<Path> markers = new ArrayList<>();
        try (Stream<Path> files = Files.list(cache)) {
            files.filter(file -> file.getFileName().toString().startsWith(repositoryPrefix) && file.toString().endsWith(".built"))
                    .forEach(markers::add);
        }
        if (markers.size() <= KEPT_PER_REPOSITORY) {
            return;
        }
        markers.sort(Comparator.comparing(ReferenceWorktree::modified).reversed());
        for (Path marker : markers.subList(KEPT_PER_REPOSITORY, markers.size())) {
            String name = marker.getFileName().toString().replaceFirst("\\.built$", "");
            Files.deleteIfExists(marker);
            removeWorktree(cache.resolve(name));
            Files.deleteIfExists(cache.resolve(name + ".log"));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Removes a worktree folder and git's record of it; a folder git no longer knows is deleted as files. */
    private void removeWorktree(Path folder) throws IOException {
        GitCommand git = new GitCommand(commit.repository());
        if (Files.exists(folder)) {
            try {
                git.run("worktree", "remove", "--force", "--force", folder.toString());
            } catch (GitCommand.GitFailure e) {
                Folders.deleteRecursively(folder);
            }
        }
        try {
            git.run("worktree", "prune");
        } catch (GitCommand.GitFailure e) {
            // a stale record only costs git a line in `git worktree list`
        }
    }

    /** For tests: forget what this JVM built, so that the next call reads the cache again. */
    static void forgetBuiltInThisJvm() {
        BUILT.clear();
    }
}
