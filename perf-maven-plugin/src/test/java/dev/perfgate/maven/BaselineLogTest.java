package dev.perfgate.maven;

import static dev.perfgate.maven.MojoFixture.op;
import static dev.perfgate.maven.MojoFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.report.BaselineVersion;
import dev.perfgate.core.result.ResultFiles;

class BaselineLogTest {

    @TempDir
    Path project;

    @Test
    void eachCommitOfTheBaselineIsAVersionNewestFirst() throws Exception {
        git("init", "-q");
        Path baselines = Files.createDirectories(project.resolve("baselines"));
        Path file = ResultFiles.write(baselines, result("Shop.browse", op(10, 20)));
        commit("first baseline");
        ResultFiles.write(baselines, result("Shop.browse", op(12, 24)));
        commit("accept a slower browse");
        Files.writeString(project.resolve("README.md"), "unrelated\n");
        commit("unrelated change");

        List<BaselineVersion> versions = BaselineLog.of(file);

        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).commit()).isEqualTo(git("rev-parse", "HEAD~1"));
        assertThat(versions.get(0).baseline().total().latencyMs().p95()).isEqualTo(12);
        assertThat(versions.get(1).commit()).isEqualTo(git("rev-parse", "HEAD~2"));
        assertThat(versions.get(1).baseline().total().latencyMs().p95()).isEqualTo(10);
        assertThat(versions.get(1).recordedAt()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Test
    void outsideGitOrUncommittedThereIsNoHistory() throws Exception {
        Path file = ResultFiles.write(Files.createDirectories(project.resolve("baselines")), result("Shop.browse", op(10, 20)));
        assertThat(BaselineLog.of(file)).isEmpty();

        git("init", "-q");
        assertThat(BaselineLog.of(file)).isEmpty();
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    private String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
