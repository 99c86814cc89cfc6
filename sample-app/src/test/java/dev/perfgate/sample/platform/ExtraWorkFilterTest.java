package dev.perfgate.sample.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

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

    @Test
    void withAPathOnlyTheRequestsUnderItDoTheWork() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(Regressions.EXTRA_WORK_MICROS, "20000")
                .withProperty(Regressions.EXTRA_WORK_PATH, "/api/v1/reminders");
        ExtraWorkFilter filter = new ExtraWorkFilter(new Regressions(environment));

        assertThat(cpuNanosOf(filter, "/api/v1/reminders")).isGreaterThanOrEqualTo(20_000_000L);
        assertThat(cpuNanosOf(filter, "/api/v1/gamification/xp")).isLessThan(5_000_000L);
    }

    @Test
    void aPathThatIsNotOneIsRefusedNamingTheVariable() {
        MockEnvironment environment = new MockEnvironment().withProperty(Regressions.EXTRA_WORK_PATH, "api/v1/reminders");

        assertThatThrownBy(() -> new Regressions(environment).extraWorkPath())
                .hasMessageContaining(Regressions.EXTRA_WORK_PATH).hasMessageContaining("starting with /");
    }

    private static long cpuNanosOf(ExtraWorkFilter filter, String path) throws Exception {
        long before = THREADS.getCurrentThreadCpuTime();
        filter.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), new MockFilterChain());
        return THREADS.getCurrentThreadCpuTime() - before;
    }
}
