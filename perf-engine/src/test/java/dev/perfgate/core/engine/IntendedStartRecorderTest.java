package dev.perfgate.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.http.ErrorKind;

class IntendedStartRecorderTest {

    private record Recorded(String operation, long start, long latency, ErrorKind error) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private final IntendedStartRecorder timing = new IntendedStartRecorder(
            (operation, start, latency, error) -> recorded.add(new Recorded(operation, start, latency, error)));

    @Test
    void theFirstRequestOfAnIterationIsTimedFromItsDueTimeAndTheOthersFromTheirOwnStart() {
        timing.beginIteration(1_000);
        timing.record("login", 1_500, 100, null);
        timing.record("fetch", 1_700, 50, null);

        assertThat(recorded).containsExactly(
                new Recorded("login", 1_000, 600, null),
                new Recorded("fetch", 1_700, 50, null));
        // The iteration's wait (500) is counted once: the latencies add up to due time to last response
        // less the scenario's own time between the requests (1_600 to 1_700).
        long sum = recorded.stream().mapToLong(Recorded::latency).sum();
        assertThat(sum).isEqualTo((1_700 + 50 - 1_000) - (1_700 - 1_600));
    }

    @Test
    void eachIterationStartsAfresh() {
        timing.beginIteration(1_000);
        timing.record("a", 1_200, 10, null);
        timing.beginIteration(2_000);
        timing.record("a", 2_300, 10, ErrorKind.HTTP_5XX);

        assertThat(recorded).containsExactly(
                new Recorded("a", 1_000, 210, null),
                new Recorded("a", 2_000, 310, ErrorKind.HTTP_5XX));
    }

    @Test
    void aRequestThatStartsOnTimeIsRecordedAsItIs() {
        timing.beginIteration(5_000);
        timing.record("a", 5_000, 70, null);

        assertThat(recorded).containsExactly(new Recorded("a", 5_000, 70, null));
    }
}
