package dev.perfgate.junit;

import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.io.GitCommand;

/**
 * A reference version named by a git ref of the project under test ({@code origin/main}, a tag, a
 * commit), or by none: then the commit the committed baselines were recorded at ({@link BaselineCommit}).
 * Resolved to its commit before any container starts, then checked out and built once by
 * {@link ReferenceWorktree}. The project is the git repository holding the module folder (the test's
 * working directory).
 */
final class GitReference {

    /** Where the ref was resolved: the repository's top folder, the module's folder within it ({@code ""} or {@code "shop/"}), the commit. */
    record Resolved(Path repository, String modulePrefix, String commit) {

        String shortCommit() {
            return commit.substring(0, Math.min(7, commit.length()));
        }
    }

    private final String ref;
    private final String buildCommand;
    private final Path module;
    // Resolved once: a moving branch names one commit for all of this reference's uses.
    private volatile Resolved resolved;

    /**
     * @param ref          the ref as the user wrote it, or {@code null} for the baselines' commit
     * @param buildCommand the command that builds the reference, run in the module's folder of the checkout;
     *                     {@code null}: {@value ReferenceWorktree#BUILD_PROPERTY}, else the Maven wrapper's {@code package -DskipTests}
     * @param module       the module's folder in this checkout
     */
    GitReference(String ref, String buildCommand, Path module) {
        this.ref = ref;
        this.buildCommand = buildCommand;
        this.module = module.toAbsolutePath().normalize();
    }

    /** A reference for the module of the working directory, as Maven runs tests in the module's folder. */
    static GitReference inWorkingDirectory(String ref, String buildCommand) {
        return new GitReference(ref, buildCommand, Path.of(""));
    }

    /** The ref as written, or {@code null} for the baselines' commit. */
    String ref() {
        return ref;
    }

    /** The ref for messages, e.g. {@code 'origin/main'}. */
    private String named() {
        return ref == null ? "the baselines' commit" : "'" + ref + "'";
    }

    String buildCommand() {
        return buildCommand;
    }

    /** The commit of the ref in the module's repository; fails naming {@code where} and what to do. */
    Resolved resolve(String where) {
        Resolved known = resolved;
        if (known == null) {
            known = resolveNow(where);
            resolved = known;
        }
        return known;
    }

    private Resolved resolveNow(String where) {
        GitCommand git = new GitCommand(module);
        String repository;
        String prefix;
        try {
            repository = git.run("rev-parse", "--show-toplevel");
            prefix = git.run("rev-parse", "--show-prefix");
        } catch (GitCommand.GitFailure e) {
            throw new ExtensionConfigurationException(where + ": the reference is built from git ref " + named() + ", but " + module
                    + " is not in a git repository (" + e.getMessage() + "); run the tests in the project's clone (in CI, check the"
                    + " repository out with git, not as an archive)", e);
        }
        String wanted = ref;
        if (ref == null) {
            BaselineCommit.Found found = BaselineCommit.of(module, Path.of(repository), where);
            Console.say("reference: the baselines' commit " + found.commit() + " (" + found.file() + ", recorded "
                    + found.day() + ")");
            wanted = found.commit();
        }
        String commit;
        try {
            commit = git.run("rev-parse", "--verify", "--quiet", wanted + "^{commit}");
        } catch (GitCommand.GitFailure e) {
            throw new ExtensionConfigurationException(where + ": " + (ref == null ? "the baselines' commit " + wanted : "'" + ref + "'")
                    + " is not a commit of the git repository " + repository + "; name a branch, tag or commit, e.g. origin/main"
                    + shallowHint(git), e);
        }
        return new Resolved(Path.of(repository), prefix, commit);
    }

    private static String shallowHint(GitCommand git) {
        try {
            if ("true".equals(git.run("rev-parse", "--is-shallow-repository"))) {
                return ". The clone is shallow, so older commits and other branches are missing: fetch them first, e.g."
                        + " git fetch --depth=100 origin main (or check out with fetch-depth 0)";
            }
        } catch (GitCommand.GitFailure e) {
            // the hint is optional; the message above stands without it
        }
        return "";
    }

    /** The module's folder in the reference's checkout, built; checked out and built on the first call of the JVM. */
    Path builtModule(String where) {
        return ReferenceWorktree.of(resolve(where), buildCommand).built();
    }

    /** For the result and messages, e.g. {@code "git origin/main (3f2a9c1)"}. */
    String describe(String where) {
        Resolved commit = resolve(where);
        if (ref == null) {
            return "git baselines' commit (" + commit.shortCommit() + ")";
        }
        return "git " + ref + (commit.commit().startsWith(ref) ? "" : " (" + commit.shortCommit() + ")");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GitReference that && Objects.equals(ref, that.ref) && Objects.equals(buildCommand, that.buildCommand)
                && module.equals(that.module);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, buildCommand, module);
    }

    @Override
    public String toString() {
        return "GitReference[" + (ref == null ? "baselines' commit" : ref) + (buildCommand == null ? "" : ", built with " + buildCommand) + ", module " + module + "]";
    }
}
