package dev.perfgate.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code git} in one folder and gives its output, or fails with what git said. Each call is bounded
 * in time: a git waiting for credentials or a lock must not hold the build.
 *
 * <pre>{@code
 * String commit = new GitCommand(projectFolder).run("rev-parse", "HEAD");
 * }</pre>
 */
public final class GitCommand {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path folder;

    /** Git run in {@code folder} (any folder inside the repository). */
    public GitCommand(Path folder) {
        this.folder = folder;
    }

    /** The output of {@code git args}, stripped. */
    public String run(String... args) throws GitFailure {
        List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
            process.getOutputStream().close(); // git asking for credentials reads end of input, not the build's console
        } catch (IOException e) {
            throw new GitFailure("git could not be run (" + e.getMessage() + "); install git and put it on the PATH", e);
        }
        CompletableFuture<String> out = readAll(process.getInputStream());
        CompletableFuture<String> err = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new GitFailure("'" + String.join(" ", command) + "' did not end within " + TIMEOUT_SECONDS + "s", null);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GitFailure("interrupted while running '" + String.join(" ", command) + "'", e);
        }
        if (process.exitValue() != 0) {
            String said = err.join().strip();
            throw new GitFailure(said.isEmpty() ? "git " + String.join(" ", args) + " exited with " + process.exitValue() : said, null);
        }
        return out.join().strip();
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** What git said when a command failed, or why it could not run. */
    public static final class GitFailure extends Exception {

        private static final long serialVersionUID = 1L;

        GitFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
