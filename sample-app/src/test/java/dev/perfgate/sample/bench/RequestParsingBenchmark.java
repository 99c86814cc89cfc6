package dev.perfgate.sample.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.perfgate.sample.chat.ChatController.ChatRequest;
import dev.perfgate.sample.food.FoodController.FoodRequest;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the two request bodies every POST parses, with a mapper configured as the app's (snake_case
 * names). Sized for CI (1 fork, 5 measurement iterations of 300 ms after 5 s of warm-up), gated against
 * {@code baselines/jmh/RequestParsingBenchmark.*.json}. The warm-up is long enough for the JIT on a busy
 * 2-core machine: with 1 s, the first measurement iterations there still ran unoptimised code, 3 to 7
 * times slower, and an unchanged build failed the gate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class RequestParsingBenchmark {

    private static final String FOOD = "{\"user_id\":42,\"food_name\":\"banana 17\",\"quantity\":150}";
    private static final String CHAT = "{\"user_id\":42,\"message\":\"I had oatmeal for breakfast, is that good?\"}";

    private final JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Benchmark
    public FoodRequest food() {
        return mapper.readValue(FOOD, FoodRequest.class);
    }

    @Benchmark
    public ChatRequest chat() {
        return mapper.readValue(CHAT, ChatRequest.class);
    }
}
