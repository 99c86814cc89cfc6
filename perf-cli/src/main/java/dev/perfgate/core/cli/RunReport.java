package dev.perfgate.core.cli;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import dev.perfgate.core.http.ErrorKind;
import dev.perfgate.core.engine.OperationStats;
import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.engine.eventloop.EventLoopRun;
import dev.perfgate.core.time.ReadableDuration;

/** The compact, wrk-like block the CLI prints after a run. */
final class RunReport {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private RunReport() {
    }

    /** The header printed before the run starts. */
    static String header(CliOptions options) {
        return "Running " + ReadableDuration.format(options.duration()) + " test @ " + options.url() + "\n"
                + "  " + options.connections() + " connections"
                + (options.rate() > 0 ? String.format(Locale.ROOT, " at %.0f requests/s in all", options.rate()) : "") + ", warm-up "
                + ReadableDuration.format(options.warmUp()) + " (not measured), timeout " + ReadableDuration.format(options.timeout());
    }

    /** Requests/s, errors by kind and latency percentiles of {@code run}. */
    static String of(EventLoopRun run) {
        return of(run, 0);
    }

    /** The same for a run paced at {@code rate} requests per second (0: not paced), with what was due and sent. */
    static String of(EventLoopRun run, double rate) {
        RunMeasurements m = run.measurements();
        OperationStats total = m.total();
        Histogram latencies = total.latencyMicros();
        double seconds = m.ranFor().toNanos() / 1e9;
        StringBuilder out = new StringBuilder();
        out.append("  ").append(run.eventLoops()).append(run.eventLoops() == 1 ? " event loop (" : " event loops (")
                .append(run.transport().label()).append(")\n");
        out.append("  Latency Distribution\n");
        for (double percentile : PERCENTILES) {
            String label = (percentile == Math.rint(percentile) ? String.valueOf((int) percentile) : String.valueOf(percentile)) + "%";
            out.append(line(label, latencies.getTotalCount() == 0 ? "-" : micros(latencies.getValueAtPercentile(percentile))));
        }
        out.append(line("max", latencies.getTotalCount() == 0 ? "-" : micros(latencies.getMaxValue())));
        out.append(String.format(Locale.ROOT, "  %d requests in %.2fs, %d errors%n", total.requestCount(), seconds, total.errorCount()));
        if (total.errorCount() > 0) {
            out.append("  Errors: ").append(errors(total.errors())).append('\n');
        }
        if (!m.completed()) {
            out.append("  Aborted: ").append(m.abortReason()).append('\n');
        }
        if (rate > 0) {
            out.append(String.format(Locale.ROOT, "  Paced: %d requests due, %d sent, %d not sent by the end (every connection busy)%n",
                    m.scheduledIterations(), m.iterations(), m.droppedIterations()));
        }
        if (run.generator() != null) {
            out.append("  Generator CPU: ").append(run.generator().figures()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "Requests/sec: %.2f%n", total.requestCount() / seconds));
        return out.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "  %7s  %10s%n", label, value);
    }

    private static String errors(Map<ErrorKind, Long> byKind) {
        StringJoiner joined = new StringJoiner(", ");
        new TreeMap<>(byKind).forEach((kind, count) -> joined.add(kind.label() + " " + count));
        return joined.toString();
    }

    /** A latency in the unit that reads best, as wrk prints it: {@code 412.00us}, {@code 1.02ms}, {@code 1.50s}. */
    static String micros(long micros) {
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.2fus", (double) micros);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.2fms", micros / 1e3);
        }
        return String.format(Locale.ROOT, "%.2fs", micros / 1e6);
    }
}
