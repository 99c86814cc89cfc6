package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.PlanSummary;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.RunEnvironment;

/** The reference from git without Docker: resolving refs, checking out, building, caching, and the errors. */
class ReferenceFromGitTest {

    @TempDir
    Path temp;

    private Path repository;
    private Path module;
    private Path cache;

    @BeforeEach
    void aProjectWithAModuleInAGitRepository() throws Exception {
        repository = Files.createDirectories(temp.resolve("shop"));
        module = Files.createDirectories(repository.resolve("service"));
        cache = temp.resolve("cache");
        git("init", "-q");
        Files.writeString(module.resolve("version.txt"), "1\n");
        commit("first");
        ReferenceWorktree.forgetBuiltInThisJvm();
    }

    @Test
    void aRefIsResolvedToItsCommitAndTheModulesPlaceInTheRepository() throws Exception {
        Files.writeString(module.resolve("version.txt"), "2\n");
        commit("second");

        GitReference.Resolved resolved = new GitReference("HEAD~1", null, module).resolve("test");

        assertThat(resolved.commit()).isEqualTo(git("rev-parse", "HEAD~1"));
        assertThat(resolved.modulePrefix()).isEqualTo("service/");
        assertThat(resolved.repository()).isEqualTo(repository.toRealPath());
        assertThat(new GitReference("HEAD~1", null, module).describe("test")).isEqualTo("git HEAD~1 (" + resolved.commit().substring(0, 7) + ")");
    }

    @Test
    void theCommitIsBuiltInAWorktreeOfItsOwnWithTheGivenCommand() throws Exception {
        String first = git("rev-parse", "HEAD");
        Files.writeString(module.resolve("version.txt"), "2\n");
        commit("second");
        GitReference.Resolved resolved = new GitReference(first, null, module).resolve("test");

        Path built = ReferenceWorktree.in(cache, resolved, "mkdir -p target && cp version.txt target/app.txt").built();

        assertThat(built.getParent().getFileName().toString()).isEqualTo("shop-" + first.substring(0, 12));
        assertThat(Files.readString(built.resolve("target/app.txt"))).isEqualTo("1\n");
        assertThat(Files.readString(module.resolve("version.txt"))).isEqualTo("2\n"); // the user's checkout untouched
        assertThat(git("status", "--porcelain")).isEmpty();
        assertThat(git("branch", "--list")).doesNotContain(first.substring(0, 7)); // detached: no branch taken
    }

    @Test
    void aCommitBuiltOnceIsReusedByTheNextRunAndRebuiltForAnotherCommand() throws Exception {
        GitReference.Resolved resolved = new GitReference("HEAD", null, module).resolve("test");
        String counting = "echo built >> ../../builds.txt && mkdir -p target && touch target/app.txt";
        ReferenceWorktree.in(cache, resolved, counting).built();

        ReferenceWorktree.forgetBuiltInThisJvm(); // as another JVM would
        ReferenceWorktree.in(cache, resolved, counting).built();
        assertThat(Files.readAllLines(cache.resolve("builds.txt"))).hasSize(1);

        ReferenceWorktree.forgetBuiltInThisJvm();
        ReferenceWorktree.in(cache, resolved, counting + " && true").built();
        assertThat(Files.readAllLines(cache.resolve("builds.txt"))).hasSize(2);
    }

    @Test
    void aFailingBuildFailsWithItsCommandExitAndLastLines() throws Exception {
        GitReference.Resolved resolved = new GitReference("HEAD", null, module).resolve("test");

        assertThatThrownBy(() -> ReferenceWorktree.in(cache, resolved, "echo compiling; echo 'ERROR: Shop.java:[3] missing ;'; exit 3").built())
                .isInstanceOf(AppStartException.class)
                .hasMessageContaining("the reference's build failed (exit 3) at commit " + resolved.commit())
                .hasMessageContaining("ERROR: Shop.java:[3] missing ;")
                .hasMessageContaining("-Dperfgate.referenceBuild");
        assertThat(cache.resolve("shop-" + resolved.commit().substring(0, 12) + ".built")).doesNotExist(); // tried again next time
    }

    @Test
    void onlyTheMostRecentlyUsedReferencesOfARepositoryAreKept() throws Exception {
        List<String> commits = new ArrayList<>();
        for (int i = 0; i < ReferenceWorktree.KEPT_PER_REPOSITORY + 2; i++) {
            Files.writeString(module.resolve("version.txt"), i + "\n");
            commit("change " + i);
            commits.add(git("rev-parse", "HEAD"));
            ReferenceWorktree.in(cache, new GitReference("HEAD", null, module).resolve("test"), "true").built();
            Thread.sleep(20); // distinct modification times
            ReferenceWorktree.forgetBuiltInThisJvm();
        }

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".built")))
                    .hasSize(ReferenceWorktree.KEPT_PER_REPOSITORY)
                    .doesNotContain("shop-" + commits.get(0).substring(0, 12) + ".built");
        }
        assertThat(cache.resolve("shop-" + commits.get(0).substring(0, 12))).doesNotExist();
        assertThat(git("worktree", "list")).doesNotContain(commits.get(0).substring(0, 7));
    }

    @Test
    void withoutAWrapperMavenBuildsTheModuleAndWithOneTheWrapperBuildsItAndWhatItNeeds() throws Exception {
        GitReference.Resolved resolved = new GitReference("HEAD", null, module).resolve("test");
        ReferenceWorktree worktree = ReferenceWorktree.in(cache, resolved, null);
        Path checkout = cache.resolve("shop-" + resolved.commit().substring(0, 12));

        assertThat(worktree.buildCommand(checkout.resolve("service")).command()).startsWith("mvn -B package -DskipTests");

        Files.createDirectories(checkout.resolve("service"));
        Files.writeString(checkout.resolve("mvnw"), "#!/bin/sh\n");
        ReferenceWorktree.BuildCommand wrapper = worktree.buildCommand(checkout.resolve("service"));
        assertThat(wrapper.folder()).isEqualTo(checkout);
        assertThat(wrapper.command()).startsWith("sh mvnw -B package -DskipTests").endsWith(" -pl service -am");
    }

    @Test
    void outsideAGitRepositoryTheErrorSaysSo() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("no-git"));

        assertThatThrownBy(() -> new GitReference("origin/main", null, elsewhere).resolve("@App field ShopIT.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@App field ShopIT.app: the reference is built from git ref 'origin/main', but " + elsewhere)
                .hasMessageContaining("is not in a git repository");
    }

    @Test
    void anUnknownRefIsNamedAndAShallowCloneIsToldToFetch() throws Exception {
        assertThatThrownBy(() -> new GitReference("origin/mian", null, module).resolve("@App field ShopIT.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("'origin/mian' is not a commit of the git repository")
                .hasMessageNotContaining("shallow");

        Files.writeString(module.resolve("version.txt"), "2\n");
        commit("second");
        Path shallow = temp.resolve("shallow");
        run(temp, "git", "clone", "-q", "--depth", "1", "file://" + repository, shallow.toString());
        assertThatThrownBy(() -> new GitReference("HEAD~1", null, shallow.resolve("service")).resolve("@App field ShopIT.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("The clone is shallow")
                .hasMessageContaining("git fetch");
    }

    @Test
    void theApplicationsJarIsTakenFromTheSamePathInTheBuiltCheckoutOrItsAbsenceNamed() throws Exception {
        String first = git("rev-parse", "HEAD");
        Files.writeString(module.resolve("version.txt"), "2\n");
        commit("second");
        AppSource.FromJar jar = new AppSource.FromJar(Path.of("target/shop.jar"), "eclipse-temurin:17-jre");
        String previous = System.getProperty(ReferenceWorktree.CACHE_PROPERTY);
        System.setProperty(ReferenceWorktree.CACHE_PROPERTY, cache.toString());
        try {
            AppSource.FromGit made = new AppSource.FromGit(new GitReference(first, "mkdir -p target && cp version.txt target/shop.jar",
                    module), jar);
            assertThat(made.built()).isEqualTo(new AppSource.FromJar(cache.resolve("shop-" + first.substring(0, 12))
                    .resolve("service/target/shop.jar"), "eclipse-temurin:17-jre"));
            assertThat(made.describe()).isEqualTo("git " + first
                    + ", jar target/shop.jar on eclipse-temurin:17-jre");

            AppSource.FromGit missing = new AppSource.FromGit(new GitReference("HEAD", "true", module), jar);
            assertThatThrownBy(missing::built)
                    .isInstanceOf(AppStartException.class)
                    .hasMessageContaining("has no " + cache.resolve("shop-" + git("rev-parse", "HEAD").substring(0, 12))
                            .resolve("service/target/shop.jar"))
                    .hasMessageContaining("the build at that commit did not make it");
        } finally {
            if (previous == null) {
                System.clearProperty(ReferenceWorktree.CACHE_PROPERTY);
            } else {
                System.setProperty(ReferenceWorktree.CACHE_PROPERTY, previous);
            }
        }
    }

    @Test
    void withoutARefTheReferenceIsTheCommitTheNewestBaselineWasRecordedAt() throws Exception {
        String first = git("rev-parse", "HEAD");
        Files.writeString(module.resolve("version.txt"), "2\n");
        commit("second");
        String second = git("rev-parse", "HEAD");
        Files.writeString(module.resolve("version.txt"), "3\n");
        commit("third");
        Path baselines = repository.resolve("baselines");
        ResultFiles.write(baselines, baseline("ShopIT.browse", first, "2026-11-01T10:00:00Z"));
        ResultFiles.write(baselines, baseline("ShopIT.search", second, "2026-11-20T10:00:00Z"));

        GitReference reference = new GitReference(null, null, module);

        assertThat(reference.resolve("test").commit()).isEqualTo(second);
        assertThat(reference.describe("test")).isEqualTo("git baselines' commit (" + second.substring(0, 7) + ")");

        Path elsewhere = Files.createDirectories(temp.resolve("other-baselines"));
        ResultFiles.write(elsewhere, baseline("ShopIT.browse", first, "2026-11-01T10:00:00Z"));
        System.setProperty(BaselineCommit.BASELINE_DIRECTORY_PROPERTY, elsewhere.toString());
        try {
            assertThat(new GitReference(null, null, module).resolve("test").commit()).isEqualTo(first);
        } finally {
            System.clearProperty(BaselineCommit.BASELINE_DIRECTORY_PROPERTY);
        }
    }

    @Test
    void withoutARefOrABaselineThatRecordsACommitTheErrorSaysWhatToDo() {
        assertThatThrownBy(() -> new GitReference(null, null, module).resolve("@App field ShopIT.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@App field ShopIT.app: the reference is the commit the baselines were recorded at, but no baseline in")
                .hasMessageContaining("mvn verify perf:baseline")
                .hasMessageContaining("-Dperfgate.reference=git:origin/main");
    }

    private static LoadTestResult baseline(String testId, String commit, String startedAt) {
        OperationResult total = new OperationResult(100, 0, Map.of(), 0, 10, new LatencySummary(1, 2, 3, 4, 5, 1), "", List.of());
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, testId, ResultStatus.PASSED, null, startedAt,
                ResultOfRun.summary(new LoadPlan(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1))),
                new RunEnvironment(2, "cpu", "jvm", "os", "docker", commit), total, Map.of("GET /", total));
    }

    @Test
    void onlyAJarOrDockerfileCanHaveAReferenceFromGitAndItsPathMustBeRelative() {
        assertThatThrownBy(() -> AppUnderTest.fromImage("shop:1.5.0").withReferenceFromGit("origin/main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image shop:1.5.0 is not built from the project's sources");
        assertThatThrownBy(() -> AppUnderTest.fromJar("target/shop.jar").withReferenceFromGit(" "))
                .hasMessageContaining("is not a git ref");

        AppUnderTest absolute = AppUnderTest.fromJar(temp.resolve("shop.jar").toString()).withReferenceFromGit("HEAD");
        assertThatThrownBy(() -> absolute.reference().requireUsable("the reference of @App field ShopIT.app"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("give the path relative to the module folder");
    }

    @Test
    void theReferenceKeepsTheApplicationsSettings() {
        AppUnderTest app = AppUnderTest.fromJar("target/shop.jar").withPort(9090).withHealthPath("/ready").withEnv("MODE", "fast")
                .withReferenceFromGit("origin/main", "./gradlew bootJar");

        assertThat(app.reference().port()).isEqualTo(9090);
        assertThat(app.reference().healthPath()).isEqualTo("/ready");
        assertThat(app.reference().env()).containsEntry("MODE", "fast");
        assertThat(app.reference().source()).isEqualTo(new AppSource.FromGit(new GitReference("origin/main", "./gradlew bootJar",
                Path.of("")), new AppSource.FromJar(Path.of("target/shop.jar"), null)));
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(repository, command.toArray(String[]::new));
    }

    private static String run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
