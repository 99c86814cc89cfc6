package dev.perfgate.sample.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.perfgate.sample.gamification.Leaderboard;

/**
 * Ranking the seeded 1,000 users' XP totals: what an XP request costs whenever the leaderboard cache
 * misses. Sized for CI (1 fork, 5 measurement iterations of 300 ms after 5 s of warm-up; 1 s left
 * unoptimised code in the first iterations on a busy 2-core machine), gated against
 * {@code baselines/jmh/LeaderboardBenchmark.rank.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class LeaderboardBenchmark {

    private List<Leaderboard.XpTotal> totals;

    @Setup
    public void seededTotals() {
        totals = new ArrayList<>();
        for (long user = 1; user <= 1_000; user++) {
            totals.add(new Leaderboard.XpTotal(user, (user * 7_919) % 5_000));   // ties included, as in the seed
        }
    }

    @Benchmark
    public Leaderboard rank() {
        return Leaderboard.rank(totals);
    }
}
