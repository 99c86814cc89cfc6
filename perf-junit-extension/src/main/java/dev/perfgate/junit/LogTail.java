package dev.perfgate.junit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.testcontainers.containers.output.OutputFrame;

/**
 * The last lines a container printed, collected while it runs: when its start fails, Testcontainers
 * removes it before reporting, so its log can no longer be asked for afterwards.
 */
final class LogTail implements Consumer<OutputFrame> {

    private final int maxLines;
    private final Deque<String> lines = new ArrayDeque<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    LogTail(int maxLines) {
        this.maxLines = maxLines;
    }

    @Override
    public synchronized void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            ended.countDown();
            return;
        }
        add(frame.getUtf8StringWithoutLineEnding());
    }

    /** Adds {@code text}, one line or several. */
    synchronized void add(String text) {
        for (String line : text.split("\n", -1)) {
            lines.addLast(line);
            if (lines.size() > maxLines) {
                lines.removeFirst();
            }
        }
    }

    /** Waits up to {@code timeout} for the end of the container's output (it stopped); whether it came. */
    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The collected lines, oldest first, or empty when the container printed nothing. */
    synchronized String text() {
        return String.join("\n", lines);
    }
}
