/**
 * Load tests as JUnit 5 tests: a {@link dev.perfgate.junit.LoadTest @LoadTest} method is one iteration of
 * a virtual user, run by many users against the application of the class's {@link dev.perfgate.junit.App @App}
 * field, which perfgate starts in a container; the run's latencies and errors are judged against the
 * {@link dev.perfgate.junit.Slo @Slo}s and written as a result file for the Maven plugin's gate.
 *
 * <pre>{@code
 * class HealthApiLoadIT {
 *     @App
 *     static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withPort(8080).withHealthPath("/health");
 *
 *     @LoadTest(users = 20, duration = "30s", warmUp = "10s")
 *     @Slo(p95 = "300ms", errorRate = "1%")
 *     void health(Http http) {
 *         http.get("health", "/health");
 *     }
 * }
 * }</pre>
 *
 * <h2>One package: the API and, package-private, what runs it</h2>
 * The public types are the whole API: the annotations ({@code LoadTest}, {@code App}, {@code Slo},
 * {@code SideBySide}, {@code UserType}, {@code Task}, {@code CsvFeeder} and the containers of the
 * repeatable ones), the application and its stubs ({@code AppUnderTest}, {@code Stub}, {@code Latency})
 * and {@code AppStartException}. Everything else is package-private on purpose: on a Java 17 class path
 * a public class in a sub-package is API whatever its name says, and {@code AppUnderTest} would have to
 * open its fields to one. The internals by role:
 * <ul>
 *   <li><b>Reading the test</b>: {@code LoadTestSettings} (annotation, profile and {@code perfgate.*}
 *   properties), {@code LoadTestAttributes}, {@code LoadProfiles}, {@code SloSettings},
 *   {@code AnnotatedScenario}, {@code TestMethodScenario}, {@code TaskClass}, {@code DeclaredApp} (the
 *   class's {@code @App}, read once and kept in the class's JUnit store); every bad value is refused
 *   here, before any container starts.</li>
 *   <li><b>The application's containers</b>: {@code AppSource} (Dockerfile, image, jar, container),
 *   {@code RunningApp}, {@code OwnedContainers}, {@code Dependencies}, {@code ContainerEnd},
 *   {@code LogTail}, {@code BuildOutput}, {@code StopOnExit} (every container stopped, Ryuk or not).</li>
 *   <li><b>Stubs</b>: {@code RunningStubs}, {@code StubServer}, {@code InjectedFaults}.</li>
 *   <li><b>Running and watching a load</b>: {@code LoadTestExtension} (the JUnit entry point),
 *   {@code LoadTestRun} (from the started application to the written result), {@code WatchedRun}, {@code RunStop}, {@code AppWatch}, {@code ProgressReporter},
 *   {@code ResourceSampler}, {@code MetricsScraper}, {@code PrometheusMetrics}, {@code PatternVerdicts}.</li>
 *   <li><b>Side by side</b>: {@code SideBySideApps}, {@code SideBySideSettings}, {@code PairedRun},
 *   {@code InstancePair}, {@code TrialPlan}, {@code WarmUpSlices}.</li>
 *   <li><b>The console</b>: {@code Console}, the one place that prints {@code [perfgate]} lines.</li>
 * </ul>
 * The engine and HTTP are {@code perf-engine}'s; statistics and result files {@code perf-model}'s.
 */
package dev.perfgate.junit;
