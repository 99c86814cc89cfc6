package dev.perfgate.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.testing.LoopbackHttpServer;

/** The command line as a user types it: exit codes, messages, the printed block and the result file. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PerfgateCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private LoopbackHttpServer server;
    private String url;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start();
        server.route("/hello", exchange -> server.respond(exchange, exchange.getRequestURI().getQuery() == null ? 200 : 500, "hello"));
        url = server.url("/hello").toString();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private int cli(String... args) {
        return PerfgateCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String complaint() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAWrkLikeBlockAndWritesTheResultFile(@TempDir Path folder) {
        Path json = folder.resolve("hello-cli.json");

        int exit = cli("--url", url, "--connections", "2", "--duration", "300ms", "--warm-up=100ms", "--json", json.toString());

        assertThat(exit).as(complaint()).isEqualTo(PerfgateCli.OK);
        assertThat(printed())
                .contains("Running 300ms test @ " + url)
                .contains("2 connections")
                .containsPattern("event loop \\((epoll|nio)\\)")
                .contains("50%", "90%", "99%", "99.9%", "max")
                .containsPattern("\\d+ requests in 0\\.30s, 0 errors")
                .containsPattern("Requests/sec: +\\d+\\.\\d\\d")
                .contains("Result written to " + json.toAbsolutePath());
        LoadTestResult result = ResultFiles.read(json);
        assertThat(result.testId()).isEqualTo("hello-cli");
        assertThat(result.status()).isEqualTo(ResultStatus.PASSED);
        assertThat(result.total().requests()).isPositive();
        assertThat(result.operations()).containsOnlyKeys("GET /hello");
        // the driver's own cost, as the block says it and the file keeps it
        assertThat(result.generator()).isNotNull();
        assertThat(result.generator().cpuSeconds()).isPositive();
        assertThat(printed()).contains("Generator CPU: " + result.generator().figures());
    }

    @Test
    void aRateRunsPacedAndIsRecordedAsAnOpenModel(@TempDir Path folder) {
        Path json = folder.resolve("paced.json");

        int exit = cli("--url", url, "--connections", "4", "--rate", "500", "--duration", "1s", "--json", json.toString());

        assertThat(exit).as(complaint()).isEqualTo(PerfgateCli.OK);
        assertThat(printed()).contains("4 connections at 500 requests/s in all").containsPattern("Paced: 500 requests due, \\d+ sent");
        LoadTestResult result = ResultFiles.read(json);
        assertThat(result.plan().open()).isTrue();
        assertThat(result.plan().maxInFlight()).isEqualTo(4);
        assertThat(result.iterations().scheduled()).isEqualTo(500);
        assertThat(result.total().requests()).isBetween(495L, 505L);
    }

    @Test
    void printsErrorsByKindAndFailsWhenNoRequestSucceeded() {
        int exit = cli("--url", url + "?fail", "--connections", "1", "--duration", "200ms");

        assertThat(exit).isEqualTo(PerfgateCli.RUN_FAILED);
        assertThat(printed()).containsPattern("Errors: http_5xx \\d+");
        assertThat(complaint()).contains("FAILED").contains("no request succeeded");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--connections 64 --duration 1s | --url is required | --url http://127.0.0.1:8080/hello",
        "--url URL --connections many | --connections: 'many' is not a whole number | --connections 64",
        "--url URL --connections 0 | --connections: '0' is out of range 1 to 10000 | --connections 64",
        "--url URL --duration 10 | --duration: '10' is not a duration | \"30s\"",
        "--url URL --duration 0s | --duration: '0s' must be longer than zero | --duration 10s",
        "--url URL --timeout 0ms | --timeout: '0ms' must be longer than zero | --timeout 5s",
        "--url URL --warm-up soon | --warm-up: 'soon' is not a duration | \"2m\"",
        "--url URL --threads 0 | --threads: '0' is out of range | --threads 1",
        "--url URL --json out.txt | --json: 'out.txt' must name a file ending in .json | --json result.json",
        "--url URL --rate fast | --rate: 'fast' is not a number of requests per second | --rate 5000",
        "--url URL --rate 200000 | --rate: '200000' is out of range 0 to 100000 | --rate 5000",
        "--url URL --speed 100 | unknown option '--speed' | --connections 64",
        "--url URL --duration | --duration needs a value | --duration 10s",
        "--url URL --threads 1 --threads 2 | --threads is given twice | --threads 1",
        "--url http://192.0.2.1/hello | not a loopback address | --url http://127.0.0.1:8080/hello",
        "--url https://127.0.0.1/hello | must be an http:// URI | --url http://127.0.0.1:8080/hello",
    })
    void badArgumentsGetAMessageNamingTheOptionAndExitCode2(String args, String message, String example) {
        int exit = cli(args.replace("URL", url).split(" "));

        assertThat(exit).isEqualTo(PerfgateCli.USAGE);
        assertThat(complaint()).startsWith("perfgate: ").contains(message).contains(example).contains("usage: java -jar perfgate-cli.jar");
        assertThat(printed()).isEmpty();
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(cli("--help")).isEqualTo(PerfgateCli.OK);
        assertThat(printed()).contains("--url", "--connections", "--duration", "--warm-up", "--timeout", "--threads", "--json");
    }

    @Test
    void optionsHaveWrkLikeDefaults() {
        CliOptions options = CliOptions.parse("--url", url);

        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmUp()).isZero();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.json()).isNull();
    }

    @Test
    void latenciesPrintInTheUnitThatReadsBest() {
        assertThat(RunReport.micros(412)).isEqualTo("412.00us");
        assertThat(RunReport.micros(1_020)).isEqualTo("1.02ms");
        assertThat(RunReport.micros(1_500_000)).isEqualTo("1.50s");
    }
}
