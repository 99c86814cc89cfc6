package dev.perfgate.sample.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

class ExtraWorkFilterTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void spendsAtLeastTheAskedCpuTimeAndNotMuchMore() {
        ExtraWorkFilter.work(1_000_000); // warm the digest up
        long before = THREADS.getCurrentThreadCpuTime();
        ExtraWorkFilter.work(20_000_000);
        long spent = THREADS.getCurrentThreadCpuTime() - before;

        // one round of hashing (a few microseconds) past the target is the overshoot; 2 ms leaves room for the clock's tick
        assertThat(spent).isBetween(20_000_000L, 22_000_000L);
    }

    @Test
    void askingForNothingDoesOneRoundOnly() {
        long before = THREADS.getCurrentThreadCpuTime();
        ExtraWorkFilter.work(0);
        assertThat(THREADS.getCurrentThreadCpuTime() - before).isLessThan(5_000_000L);
    }
}
