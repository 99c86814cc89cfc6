package dev.perfgate.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import dev.perfgate.core.engine.ResultOfRun;
import dev.perfgate.core.engine.eventloop.EventLoopDriver;
import dev.perfgate.core.engine.eventloop.EventLoopRun;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.RunEnvironment;

/**
 * perfgate from the command line, like wrk: loads one URL with the {@link EventLoopDriver} and prints
 * requests/s, errors and latency percentiles; {@code --json} also writes the standard result file.
 *
 * <pre>
 * java -jar perfgate-cli.jar --url http://127.0.0.1:18080/hello --connections 64 --duration 10s --json out.json
 * java -jar perfgate-cli.jar check --results build/perf-results --baselines baselines
 * </pre>
 *
 * Exit codes: 0 when the run completed with at least one successful request, 1 when it did not,
 * 2 when the command line is wrong. {@code check} (the gate of {@code mvn verify})
 * exits 0 without a regression, 1 with one, 2 on a wrong command line or an unreadable file.
 */
public final class PerfgateCli {

    /** The run completed and at least one request succeeded. */
    public static final int OK = 0;
    /** The run was aborted, no request succeeded, or the result file could not be written. */
    public static final int RUN_FAILED = 1;
    /** The command line is wrong; the message says which option and shows an example. */
    public static final int USAGE = 2;

    private PerfgateCli() {
    }

    public static void main(String[] args) {
        quietNettyLeakDetection();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("check")) {
            return CheckCommand.run(args, out, err);
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(CliOptions.USAGE);
            return OK;
        }
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (UsageException e) {
            err.println("perfgate: " + e.getMessage());
            err.println(CliOptions.USAGE);
            return USAGE;
        }
        out.println(RunReport.header(options));
        EventLoopRun run = new EventLoopDriver(options.threads()).run(options.plan(), options.url(), options.rate());
        out.print(RunReport.of(run, options.rate()));
        LoadTestResult result = ResultOfRun.judged(testId(options), options.recordedPlan(), run.measurements(),
                RunEnvironment.current(null)).withGenerator(run.generator());
        if (options.json() != null && !write(result, options.json(), out, err)) {
            return RUN_FAILED;
        }
        if (result.status() != ResultStatus.PASSED) {
            err.println("perfgate: run " + result.status() + ": " + result.statusReason());
            return RUN_FAILED;
        }
        return OK;
    }

    private static String testId(CliOptions options) {
        return options.json() == null ? "perfgate-cli" : ResultFiles.testIdOf(options.json());
    }

    private static boolean write(LoadTestResult result, Path json, PrintStream out, PrintStream err) {
        Path folder = json.toAbsolutePath().getParent();
        try {
            out.println("Result written to " + ResultFiles.write(folder, result));
            return true;
        } catch (IOException e) {
            err.println("perfgate: --json: cannot write " + json + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Netty samples buffers for leak reports by default, which costs time on every allocation; the CLI
     * owns its buffers' lifecycle and wants the cycles. A value set with -D is kept.
     */
    private static void quietNettyLeakDetection() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
    }
}
