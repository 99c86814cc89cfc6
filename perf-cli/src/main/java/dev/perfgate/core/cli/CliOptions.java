package dev.perfgate.core.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import dev.perfgate.core.engine.ArrivalSchedule;
import dev.perfgate.core.engine.LoadPlan;
import dev.perfgate.core.engine.OpenLoadPlan;
import dev.perfgate.core.engine.RunPlan;
import dev.perfgate.core.engine.eventloop.EventLoopDriver;
import dev.perfgate.core.http.LoopbackTarget;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.time.ReadableDuration;
import dev.perfgate.core.time.ReadableRate;

/**
 * The command line of {@link PerfgateCli}, read and checked.
 *
 * <pre>{@code
 * CliOptions o = CliOptions.parse("--url", "http://127.0.0.1:8080/hello", "--connections", "64", "--duration", "10s");
 * LoadPlan plan = o.plan();
 * }</pre>
 *
 * @param url         the URL to GET, on loopback
 * @param connections keep-alive connections, each with one request in flight
 * @param warmUp      unmeasured time before the measured phase
 * @param duration    measured time
 * @param timeout     longest a request may take before it counts as a timeout
 * @param threads     event-loop threads
 * @param json        where to write the result file, or {@code null}
 * @param rate        requests per second in all, paced as wrk2 does; 0 to send each request as soon as
 *                    its connection is free
 */
public record CliOptions(URI url, int connections, Duration warmUp, Duration duration, Duration timeout, int threads, Path json,
        double rate) {

    /** Every option, with the example its error message shows. Adding one: a constant here and a line in {@link #parse}. */
    enum Option {
        URL("--url", "http://127.0.0.1:8080/hello", null),
        CONNECTIONS("--connections", "64", "64"),
        DURATION("--duration", "10s", "10s"),
        WARM_UP("--warm-up", "2s", "0s"),
        TIMEOUT("--timeout", "5s", "5s"),
        THREADS("--threads", "1", "1"),
        JSON("--json", "result.json", null),
        RATE("--rate", "5000", "0");

        final String flag;
        final String example;
        final String defaultValue;

        Option(String flag, String example, String defaultValue) {
            this.flag = flag;
            this.example = example;
            this.defaultValue = defaultValue;
        }

        static Option of(String flag) {
            for (Option option : values()) {
                if (option.flag.equals(flag)) {
                    return option;
                }
            }
            return null;
        }
    }

    /** One line per option, for the usage text. */
    static final String USAGE = String.join("\n",
            "usage: java -jar perfgate-cli.jar --url URL [options]",
            "  --url URL            http URL on this machine to GET, e.g. http://127.0.0.1:8080/hello",
            "  --connections N      keep-alive connections, one request in flight each (default 64)",
            "  --duration D         measured time, e.g. 10s, 1m30s (default 10s)",
            "  --warm-up D          unmeasured time before it (default 0s)",
            "  --timeout D          a request slower than this counts as a timeout error (default 5s)",
            "  --threads N          event-loop threads (default 1)",
            "  --json FILE          also write the perfgate result file, e.g. result.json",
            "  --rate R             requests per second in all, each connection on an even schedule; latency is",
            "                       measured from when each request was due (no coordinated omission) (default:",
            "                       none, each connection sends as soon as its last response arrived)",
            "  --help               this text");

    /**
     * Reads {@code args} ({@code --name value} or {@code --name=value}).
     *
     * @throws UsageException naming the option at fault and showing a valid example
     */
    public static CliOptions parse(String... args) {
        Map<Option, String> given = collect(args);
        if (!given.containsKey(Option.URL)) {
            throw new UsageException("--url is required, e.g. --url " + Option.URL.example);
        }
        URI url = url(given.get(Option.URL));
        int connections = wholeNumber(given, Option.CONNECTIONS, 1, LoadPlan.MAX_USERS);
        Duration duration = duration(given, Option.DURATION);
        if (duration.isZero()) {
            throw invalid(Option.DURATION, given.get(Option.DURATION), "must be longer than zero");
        }
        Duration warmUp = duration(given, Option.WARM_UP);
        Duration timeout = duration(given, Option.TIMEOUT);
        if (timeout.isZero()) {
            throw invalid(Option.TIMEOUT, given.get(Option.TIMEOUT), "must be longer than zero");
        }
        int threads = wholeNumber(given, Option.THREADS, 1, EventLoopDriver.MAX_EVENT_LOOPS);
        Path json = given.containsKey(Option.JSON) ? json(given.get(Option.JSON)) : null;
        return new CliOptions(url, connections, warmUp, duration, timeout, threads, json, rate(given));
    }

    /** The connections and phases these options describe. */
    public LoadPlan plan() {
        return new LoadPlan(connections, warmUp, duration, timeout);
    }

    /**
     * The load as the result file records it: with {@code --rate}, an open model at that rate with at
     * most {@code connections} requests in flight; else the closed model of {@link #plan()}.
     */
    public RunPlan recordedPlan() {
        if (rate == 0) {
            return plan();
        }
        return OpenLoadPlan.of(ArrivalSchedule.constant(rate, duration)).withWarmUp(warmUp).withRequestTimeout(timeout)
                .withMaxInFlight(connections);
    }

    private static double rate(Map<Option, String> given) {
        String text = given.getOrDefault(Option.RATE, Option.RATE.defaultValue).strip();
        double rate;
        try {
            // wrk2 takes a bare number; the annotations write "5000/s": both are read the same way.
            rate = ReadableRate.parse(text.endsWith("/s") ? text : text + "/s", Option.RATE.flag);
        } catch (IllegalArgumentException e) {
            throw invalid(Option.RATE, text, "is not a number of requests per second");
        }
        if (rate > ArrivalSchedule.MAX_RATE_PER_SECOND) {
            throw invalid(Option.RATE, text, "is out of range 0 to " + (long) ArrivalSchedule.MAX_RATE_PER_SECOND);
        }
        return rate;
    }

    private static Map<Option, String> collect(String[] args) {
        Map<Option, String> given = new EnumMap<>(Option.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            Option option = Option.of(flag);
            if (option == null) {
                throw new UsageException("unknown option '" + arg + "'; the options are --url, --connections, --duration,"
                        + " --warm-up, --timeout, --threads, --json, --rate, e.g. --url " + Option.URL.example + " --connections 64");
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException(option.flag + " needs a value, e.g. " + option.flag + " " + option.example);
            }
            if (given.put(option, value) != null) {
                throw new UsageException(option.flag + " is given twice; give it once, e.g. " + option.flag + " " + option.example);
            }
        }
        return given;
    }

    private static URI url(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(Option.URL, text, "is not a URL");
        }
        try {
            return LoopbackTarget.requirePlainHttp(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url: " + e.getMessage() + "; e.g. --url " + Option.URL.example);
        }
    }

    private static int wholeNumber(Map<Option, String> given, Option option, int min, int max) {
        String text = given.getOrDefault(option, option.defaultValue);
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(option, text, "is not a whole number");
        }
        if (value < min || value > max) {
            throw invalid(option, text, "is out of range " + min + " to " + max);
        }
        return value;
    }

    private static Duration duration(Map<Option, String> given, Option option) {
        String text = given.getOrDefault(option, option.defaultValue);
        try {
            return ReadableDuration.parse(text, option.flag);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Path json(String text) {
        Path file = Path.of(text);
        if (!file.getFileName().toString().endsWith(ResultFiles.SUFFIX) || ResultFiles.testIdOf(file).isEmpty()) {
            throw invalid(Option.JSON, text, "must name a file ending in " + ResultFiles.SUFFIX + " (its name is the test id)");
        }
        return file;
    }

    private static UsageException invalid(Option option, String value, String problem) {
        return new UsageException(option.flag + ": '" + value + "' " + problem + ", e.g. " + option.flag + " " + option.example);
    }
}
