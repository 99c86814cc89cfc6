package dev.perfgate.junit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One instance of each version of a {@link SideBySide} run: the reference's and this build's
 * container. The first pair is the test class's own (started once, closed with the class); every
 * further pair is started fresh for its share of the pairs and stopped after it, so that each brings
 * two new JVMs.
 */
final class InstancePair implements AutoCloseable {

    private final RunningApp reference;
    private final RunningApp candidate;
    private final boolean owned;

    private InstancePair(RunningApp reference, RunningApp candidate, boolean owned) {
        this.reference = reference;
        this.candidate = candidate;
        this.owned = owned;
    }

    /** The class's containers, which this pair does not stop. */
    static InstancePair of(RunningApp reference, RunningApp candidate) {
        return new InstancePair(reference, candidate, false);
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
            return new InstancePair(reference.join(), candidate, true);
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
    String deathNotice(String referenceName) {
        String died = reference.deathNotice();
        if (died != null) {
            return "the reference version (" + referenceName + "): " + died;
        }
        return owned ? candidate.deathNotice() : null; // the class's own candidate is the test's app, judged as such
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
