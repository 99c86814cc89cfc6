package dev.perfgate.junit;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.perfgate.core.result.SideBySideResult;

/**
 * One instance of each version of a {@link SideBySide} run: the reference's and this build's
 * container. The first pair is the test class's own (started once, closed with the class); every
 * further pair is started fresh for its share of the pairs and stopped after it, so that each brings
 * two new JVMs. What it tells of dead containers names the version, {@code A} (the reference) or
 * {@code B} (this build), and its source.
 */
final class InstancePair implements AutoCloseable {

    private final RunningApp reference;
    private final RunningApp candidate;
    private final AppUnderTest app;
    private final boolean owned;

    private InstancePair(RunningApp reference, RunningApp candidate, AppUnderTest app, boolean owned) {
        this.reference = reference;
        this.candidate = candidate;
        this.app = app;
        this.owned = owned;
    }

    /** The class's containers of {@code app} and of its reference, which this pair does not stop. */
    static InstancePair of(RunningApp reference, RunningApp candidate, AppUnderTest app) {
        return new InstancePair(reference, candidate, app, false);
    }

    /**
     * New containers of {@code app} and of its reference, started side by side (no load runs meanwhile,
     * so their starts may share the machine); when one fails, the other is stopped and the failure thrown.
     *
     * @throws AppStartException when either does not start
     */
    static InstancePair start(AppUnderTest app) {
        CompletableFuture<RunningApp> reference = CompletableFuture.supplyAsync(() -> RunningApp.start(app.reference()),
                task -> new Thread(task, "perfgate-reference-start").start());
        RunningApp candidate;
        try {
            candidate = RunningApp.start(app);
        } catch (RuntimeException e) {
            reference.handle((started, failed) -> {
                if (started != null) {
                    started.close();
                }
                return null;
            }).join();
            throw e;
        }
        try {
            return new InstancePair(reference.join(), candidate, app, true);
        } catch (CompletionException e) {
            candidate.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    RunningApp reference() {
        return reference;
    }

    RunningApp candidate() {
        return candidate;
    }

    /** How a container of this pair ended when one did, naming the version; {@code null} while both run. */
    String deathNotice() {
        String died = named(referenceVersion(), reference.deathNotice());
        if (died != null) {
            return died;
        }
        // the class's own candidate is the test's app, judged as such
        return owned ? named(candidateVersion(), candidate.deathNotice()) : null;
    }

    /**
     * Which containers that either version depends on stopped, how, and their log tails, naming the version;
     * {@code null} while they all run. The class's own candidate too: in a side-by-side run the reader must be
     * told which version lost a dependency, since it changes the comparison either way.
     */
    String dependencyDeathNotice() {
        String notices = Stream.of(named(referenceVersion(), reference.dependencyDeathNotice()),
                named(candidateVersion(), candidate.dependencyDeathNotice())).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        return notices.isEmpty() ? null : notices;
    }

    private String referenceVersion() {
        return "the reference version " + SideBySideResult.REFERENCE + " (" + app.reference().describe() + "): ";
    }

    private String candidateVersion() {
        return "this build's version " + SideBySideResult.CANDIDATE + " (" + app.describe() + "): ";
    }

    private static String named(String version, String notice) {
        return notice == null ? null : version + notice;
    }

    @Override
    public void close() {
        if (owned) {
            try {
                candidate.close();
            } finally {
                reference.close();
            }
        }
    }
}
