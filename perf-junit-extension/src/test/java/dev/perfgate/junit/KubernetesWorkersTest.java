package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import dev.perfgate.core.result.LatencySummary;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;
import dev.perfgate.core.result.SegmentSummary;

/**
 * The Kubernetes orchestrator against fabric8's mock API server, the test playing the cluster: it creates the
 * Job's pods, sets their phase and serves their logs. No real cluster: what the kubelet and the Job controller
 * would do is what the test does.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KubernetesWorkersTest {

    private static final String TEST_ID = "ShopLoadIT.browseCatalog";
    private static final String NAMESPACE = "load";
    private static final String IMAGE = "registry.example.com/shop/load-tests:1.4.2";
    private static final KubernetesJobSettings SETTINGS = new KubernetesJobSettings(IMAGE, NAMESPACE, "2", "1536Mi", "perfgate-worker");
    private static final Duration LEAD = Duration.ofMillis(300);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path temp;

    private WorkerLaunch launch;
    private String savedImage;

    @BeforeEach
    void launch() throws NoSuchMethodException {
        savedImage = System.getProperty(KubernetesJobSettings.IMAGE_PROPERTY);
        launch = new WorkerLaunch(TEST_ID, 2, KubernetesWorkersTest.class, KubernetesWorkersTest.class.getDeclaredMethod("browseCatalog"),
                URI.create("http://10.0.0.5:8080"), temp.resolve("parts").resolve(TEST_ID));
    }

    @AfterEach
    void restoreProperties() {
        if (savedImage == null) {
            System.clearProperty(KubernetesJobSettings.IMAGE_PROPERTY);
        } else {
            System.setProperty(KubernetesJobSettings.IMAGE_PROPERTY, savedImage);
        }
    }

    /** The load test method the workers would run. */
    void browseCatalog() {
    }

    @Test
    void createsAnIndexedJobWithOnePodPerWorkerAndNoRetries() {
        Instant expectedStart = Instant.now().plus(Duration.ofSeconds(90));
        try (KubernetesWorkers workers = KubernetesWorkers.start(launch, Duration.ofSeconds(90), client, SETTINGS)) {
            List<Job> jobs = client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems();
            assertThat(jobs).hasSize(1);
            Job job = jobs.get(0);
            assertThat(job.getMetadata().getName()).isEqualTo(workers.jobName()).startsWith("perfgate-shoploadit-browsecatalog-")
                    .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
            assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "perfgate-worker")
                    .containsEntry("app.kubernetes.io/managed-by", "perfgate");
            JobSpec spec = job.getSpec();
            assertThat(spec.getCompletionMode()).isEqualTo("Indexed");
            assertThat(spec.getCompletions()).isEqualTo(2);
            assertThat(spec.getParallelism()).isEqualTo(2);
            assertThat(spec.getBackoffLimit()).isZero();
            assertThat(spec.getActiveDeadlineSeconds()).isBetween(90L, 90L + 24 * 3600);
            assertThat(spec.getTtlSecondsAfterFinished()).isPositive();
            assertThat(spec.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(spec.getTemplate().getSpec().getServiceAccountName()).isEqualTo("perfgate-worker");
            assertThat(spec.getTemplate().getSpec().getContainers()).hasSize(1);
            var container = spec.getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).isEqualTo(IMAGE);
            Map<String, Quantity> expected = Map.of("cpu", new Quantity("2"), "memory", new Quantity("1536Mi"));
            assertThat(container.getResources().getRequests()).isEqualTo(expected);
            assertThat(container.getResources().getLimits()).isEqualTo(expected);

            List<String> args = container.getArgs();
            assertThat(args).contains("-D" + PartRun.PART_PROPERTY + "=2", "-D" + PartRun.TARGET_PROPERTY + "=http://10.0.0.5:8080");
            assertThat(args.subList(args.size() - 4, args.size())).containsExactly(LoadTestWorker.class.getName(),
                    KubernetesWorkersTest.class.getName(), "browseCatalog", "");
            String start = args.stream().filter(arg -> arg.startsWith("-D" + PartRun.START_PROPERTY + "=")).findFirst().orElseThrow()
                    .substring(("-D" + PartRun.START_PROPERTY + "=").length());
            assertThat(Instant.parse(start)).isCloseTo(expectedStart, within(5, ChronoUnit.SECONDS));
        }
    }

    @Test
    void readsEachPartFromItsPodsLogInPartOrder() throws Exception {
        try (KubernetesWorkers workers = KubernetesWorkers.start(launch, LEAD, client, SETTINGS)) {
            // The pods end in the reverse order of their parts, with other output around their results.
            for (int i = 1; i >= 0; i--) {
                String name = pod(workers, i, "Succeeded", null);
                servesLog(name, "[perfgate] " + TEST_ID + ": part " + (i + 1) + " of 2\n" + printed(i) + "[perfgate] done\n");
            }

            Instant start = workers.begin(Duration.ofMinutes(2));
            List<LoadTestResult> parts = workers.awaitParts(Duration.ofSeconds(10));

            assertThat(start).isBefore(Instant.now().plusMillis(1));
            assertThat(parts).extracting(LoadTestResult::segment).containsExactly(new SegmentSummary(0, 2), new SegmentSummary(1, 2));
            for (int i = 0; i < 2; i++) {
                Path kept = ResultFiles.fileOf(PartRun.resultFolder(launch.folder(), i), TEST_ID);
                assertThat(ResultFiles.read(kept).segment()).isEqualTo(new SegmentSummary(i, 2));
                assertThat(launch.folder().resolve("worker-" + i + ".log")).content().contains("[perfgate] done");
            }
        }
    }

    @Test
    void aFailedPodFailsTheRunNamingItsWorkerAndQuotingItsLog() throws Exception {
        try (KubernetesWorkers workers = KubernetesWorkers.start(launch, LEAD, client, SETTINGS)) {
            pod(workers, 0, "Running", null);
            workers.begin(Duration.ofMinutes(2));
            String failed = pod(workers, 1, "Failed", 1);
            servesLog(failed, "[perfgate] starting\njava.lang.IllegalStateException: part 2/2 was ready 4 s after the shared start\n");

            assertThatThrownBy(() -> workers.awaitParts(Duration.ofSeconds(10))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("worker 2 of 2").hasMessageContaining("pod " + failed).hasMessageContaining("exit 1")
                    .hasMessageContaining("was ready 4 s after the shared start");
            assertThat(launch.folder().resolve("worker-1.log")).content().contains("was ready 4 s after");
        }
    }

    @Test
    void aPodThatFailsBeforeTheStartFailsTheWaitForIt() {
        try (KubernetesWorkers workers = KubernetesWorkers.start(launch, Duration.ofSeconds(30), client, SETTINGS)) {
            String failed = pod(workers, 0, "Failed", 127);
            servesLog(failed, "Error: Could not find or load main class dev.perfgate.junit.LoadTestWorker\n");
            long began = System.nanoTime();

            assertThatThrownBy(() -> workers.begin(Duration.ofMinutes(2))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("worker 1 of 2").hasMessageContaining("exit 127")
                    .hasMessageContaining("Could not find or load main class");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPodThatSucceedsWithoutItsResultFailsTheRun() throws Exception {
        try (KubernetesWorkers workers = KubernetesWorkers.start(launch, LEAD, client, SETTINGS)) {
            servesLog(pod(workers, 0, "Succeeded", null), printed(0));
            servesLog(pod(workers, 1, "Succeeded", null), "[perfgate] nothing to report\n");
            workers.begin(Duration.ofMinutes(2));

            assertThatThrownBy(() -> workers.awaitParts(Duration.ofSeconds(10))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("worker 2 of 2").hasMessageContaining("ended without printing its result")
                    .hasMessageContaining("nothing to report");
        }
    }

    @Test
    void aPodThatDoesNotEndInTimeFailsTheRunWithWhatKubernetesSaysOfIt() throws Exception {
        try (KubernetesWorkers workers = KubernetesWorkers.start(launch, LEAD, client, SETTINGS)) {
            servesLog(pod(workers, 0, "Succeeded", null), printed(0));
            pod(workers, 1, "Pending", null);
            workers.begin(Duration.ofMinutes(2));

            assertThatThrownBy(() -> workers.awaitParts(Duration.ofSeconds(1))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("worker 2 of 2").hasMessageContaining("did not end within 1 s")
                    .hasMessageContaining("Pending");
        }
    }

    @Test
    void closeDeletesTheJobAndItsPods() throws InterruptedException {
        KubernetesWorkers workers = KubernetesWorkers.start(launch, LEAD, client, SETTINGS);
        pod(workers, 0, "Running", null);
        pod(workers, 1, "Running", null);

        workers.close();

        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        String jobPath = "/apis/batch/v1/namespaces/" + NAMESPACE + "/jobs/" + workers.jobName();
        RecordedRequest delete = null;
        for (int i = server.getRequestCount(); i > 0 && delete == null; i--) {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            delete = "DELETE".equals(request.getMethod()) && request.getPath().startsWith(jobPath) ? request : null;
        }
        assertThat(delete).as("the Job's deletion").isNotNull();
        assertThat(delete.getUtf8Body()).as("so that a real cluster deletes the pods too").contains("\"propagationPolicy\":\"Background\"");
    }

    @Test
    void closeNeverThrows() {
        // No retries: against a server that is gone, the client would retry for some 20 s before it gives up.
        try (KubernetesClient impatient = server.createClient(builder -> builder.editOrNewConfig().withRequestRetryBackoffLimit(0)
                .endConfig())) {
            KubernetesWorkers workers = KubernetesWorkers.start(launch, LEAD, impatient, SETTINGS);
            server.destroy();

            workers.close();
        }
    }

    @Test
    void refusesAnImageThatIsNoReference() {
        System.setProperty(KubernetesJobSettings.IMAGE_PROPERTY, "shop load tests");

        assertThatThrownBy(() -> KubernetesWorkers.start(launch, LEAD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KubernetesJobSettings.IMAGE_PROPERTY).hasMessageContaining("'shop load tests'");
    }

    @Test
    void refusesAQuantityKubernetesWouldNot() {
        String saved = System.getProperty(KubernetesJobSettings.MEMORY_PROPERTY);
        System.setProperty(KubernetesJobSettings.IMAGE_PROPERTY, IMAGE);
        System.setProperty(KubernetesJobSettings.MEMORY_PROPERTY, "lots");
        try {
            assertThatThrownBy(KubernetesJobSettings::fromProperties).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(KubernetesJobSettings.MEMORY_PROPERTY).hasMessageContaining("'lots'");
        } finally {
            if (saved == null) {
                System.clearProperty(KubernetesJobSettings.MEMORY_PROPERTY);
            } else {
                System.setProperty(KubernetesJobSettings.MEMORY_PROPERTY, saved);
            }
        }
    }

    @Test
    void withoutFabric8sClientNamesTheDependencyToAdd() throws ReflectiveOperationException {
        ClassLoader withoutFabric8 = new WithoutFabric8(KubernetesWorkersTest.class.getClassLoader());
        Class<?> orchestrator = withoutFabric8.loadClass(Orchestrator.class.getName());
        Object kubernetes = Arrays.stream(orchestrator.getEnumConstants())
                .filter(constant -> ((Enum<?>) constant).name().equals(Orchestrator.KUBERNETES.name())).findFirst().orElseThrow();
        // Through the orchestrator, as a run gets there: reflection on KubernetesWorkers itself would load fabric8's types.
        Method start = orchestrator.getDeclaredMethod("start", withoutFabric8.loadClass(WorkerLaunch.class.getName()), Duration.class);
        start.setAccessible(true);

        assertThatThrownBy(() -> start.invoke(kubernetes, null, LEAD)).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<artifactId>kubernetes-client</artifactId><version>8.0.0</version>");
    }

    /** The extension's classes loaded anew, where fabric8's are missing, as on the classpath of a team that did not add it. */
    private static final class WithoutFabric8 extends ClassLoader {

        WithoutFabric8(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.fabric8.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith(KubernetesWorkers.class.getPackageName() + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @Test
    void namesTheJobForTheTestWithinWhatPodHostNamesAllow() {
        String name = KubernetesWorkers.jobName(launchOf("Very_Long.LoadTestClassName$Nested.aLoadTestMethodWithAVeryLongName[1]"));

        assertThat(name).startsWith("perfgate-very-long-loadtestclassname-nested-").matches("perfgate-[a-z0-9-]*-[a-z0-9]{5}")
                .doesNotContain("--").hasSizeLessThanOrEqualTo(59);
        assertThat(KubernetesWorkers.jobName(launchOf(".."))).matches("perfgate-[a-z0-9]{5}");
    }

    private WorkerLaunch launchOf(String testId) {
        return new WorkerLaunch(testId, launch.count(), launch.testClass(), launch.method(), launch.target(), launch.folder());
    }

    /** Creates the Job's pod of part {@code index} as Kubernetes would, in {@code phase}; returns its name. */
    private String pod(KubernetesWorkers workers, int index, String phase, Integer exitCode) {
        String name = workers.jobName() + "-" + index + "-x7k2p";
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .addToLabels(KubernetesWorkers.JOB_NAME_LABEL, workers.jobName())
                .addToLabels(KubernetesWorkers.COMPLETION_INDEX, String.valueOf(index))
                .addToAnnotations(KubernetesWorkers.COMPLETION_INDEX, String.valueOf(index)).endMetadata()
                .withNewSpec().addNewContainer().withName(KubernetesWorkers.CONTAINER).withImage(IMAGE).endContainer().endSpec()
                .withNewStatus().withPhase(phase).endStatus();
        if (exitCode != null) {
            pod.editStatus().addNewContainerStatus().withName(KubernetesWorkers.CONTAINER).withNewState().withNewTerminated()
                    .withExitCode(exitCode).withReason("Error").endTerminated().endState().endContainerStatus().endStatus();
        }
        client.pods().inNamespace(NAMESPACE).resource(pod.build()).create();
        return name;
    }

    /** Serves {@code text} as the log of pod {@code name}'s worker container, which the CRUD mode does not. */
    private void servesLog(String name, String text) {
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + name + "/log?pretty=false&container="
                + KubernetesWorkers.CONTAINER).andReturn(200, text).always();
    }

    /** What the worker of part {@code index} prints of its result. */
    private String printed(int index) throws IOException {
        Histogram latencies = new Histogram(LatencySummary.HIGHEST_TRACKABLE_MICROS, 3);
        for (int i = 0; i < 100; i++) {
            latencies.recordValue(900 + 37L * i * (index + 1));
        }
        OperationResult total = OperationResult.of(latencies, 100, 0, Map.of(), null, List.of(), 8);
        LoadTestResult part = new LoadTestResult(LoadTestResult.SCHEMA_VERSION, TEST_ID, ResultStatus.PASSED, null,
                "2026-12-05T10:00:00Z", null, null, null, total, Map.of("browse", total), null, null)
                .withSegment(new SegmentSummary(index, 2));
        Path file = ResultFiles.write(Files.createTempDirectory(temp, "worker"), part);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PartOutput.print(Files.readAllBytes(file), index, 2, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
