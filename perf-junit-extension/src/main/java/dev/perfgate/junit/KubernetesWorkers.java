package dev.perfgate.junit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import dev.perfgate.core.result.LoadTestResult;

/**
 * The workers of a distributed run as the pods of a Kubernetes indexed Job, one per part: each pod runs
 * {@link LoadTestWorker} in the image {@value KubernetesJobSettings#IMAGE_PROPERTY} names (else the {@link WorkerImage}
 * built on the local Docker engine, for a cluster that runs on it), takes its part from
 * the completion index Kubernetes gives it, starts at an instant set in advance and prints its result to its
 * log ({@link PartOutput}), which the coordinator reads back: the pods share no folder with it. Every wait is
 * bounded; a pod that fails fails the run with its worker's name and the tail of its log; {@link #close}
 * deletes the Job and its pods, so nothing outlives the test.
 *
 * <pre>{@code
 * try (Workers workers = KubernetesWorkers.start(launch, Duration.ofSeconds(90))) {
 *     Instant start = workers.begin(Duration.ofMinutes(2));
 *     List<LoadTestResult> parts = workers.awaitParts(Duration.ofMinutes(10));
 * }
 * }</pre>
 *
 * <p>fabric8's client is an optional dependency: this class must load without it, so that {@link #requireClient}
 * can name it. It therefore catches {@link RuntimeException} where the client's own exception is meant: the
 * type a handler catches is loaded with the class.
 *
 * <p>The client reads the kubeconfig, or the service account when the test runs in a pod itself; the Job needs
 * the rights to create and delete Jobs and to list, read the logs of and delete pods in its namespace.
 */
final class KubernetesWorkers implements Workers {

    /** The workers' container. */
    static final String CONTAINER = "worker";
    /** Labels on the Job and its pods, so that a team can find and clean up what perfgate started. */
    static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "perfgate-worker",
            "app.kubernetes.io/managed-by", "perfgate");
    /** The label Kubernetes puts on a Job's pods, on every version that has indexed Jobs. */
    static final String JOB_NAME_LABEL = "job-name";
    /** The annotation (and, since Kubernetes 1.28, label) with a pod's completion index. */
    static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

    /**
     * Longest the Job may run after its start: Kubernetes ends its pods then, should the coordinator be gone
     * and not delete it. Longer than any run this orchestrator is meant for; the coordinator's own waits are
     * the run's.
     */
    static final Duration MAX_RUN = Duration.ofHours(1);
    /** How long Kubernetes keeps a finished Job that nobody deleted. */
    static final int TTL_AFTER_FINISHED_SECONDS = 600;
    /** Between two looks at the pods. */
    static final Duration POLL = Duration.ofMillis(500);

    /**
     * A Job's name becomes its pods' host names with {@code -<index>} added, which must stay a DNS label of 63
     * characters: 3 digits for indexes up to 999 ({@link dev.perfgate.core.engine.Segment#MAX_COUNT}).
     */
    private static final int MAX_NAME = 63 - 4;
    private static final String CLIENT_CLASS = "io.fabric8.kubernetes.client.KubernetesClientBuilder";

    /** Container states that will not pass by themselves: waiting longer only delays the failure. */
    private static final Set<String> STUCK_REASONS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    private final WorkerLaunch launch;
    private final KubernetesClient client;
    private final boolean ownsClient;
    private final String namespace;
    private final String jobName;
    private final Instant start;

    private KubernetesWorkers(WorkerLaunch launch, KubernetesClient client, boolean ownsClient, String namespace,
            String jobName, Instant start) {
        this.launch = launch;
        this.client = client;
        this.ownsClient = ownsClient;
        this.namespace = namespace;
        this.jobName = jobName;
        this.start = start;
    }

    /**
     * Creates the Job of {@code launch}'s workers with the client the kubeconfig (or the pod's service account)
     * gives and the {@code perfgate.kubernetes.*} settings; every part starts {@code startLead} from now.
     *
     * @throws IllegalArgumentException naming a missing or wrong setting, before anything is created
     */
    static KubernetesWorkers start(WorkerLaunch launch, Duration startLead) {
        requireClient();
        KubernetesJobSettings settings = KubernetesJobSettings.fromProperties();
        if (settings.image() == null) {
            settings = settings.withImage(WorkerImage.forThisClasspath());
            Console.say(launch.testId() + ": the workers run " + settings.image() + ", built on the local Docker engine; a cluster"
                    + " that does not run on this engine needs it pushed to a registry it pulls from, named with -D"
                    + KubernetesJobSettings.IMAGE_PROPERTY);
        }
        KubernetesClient client = new KubernetesClientBuilder().build();
        try {
            return start(launch, startLead, client, settings, true);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Fails unless fabric8's client is on the test classpath, naming the dependency to add: the extension leaves
     * it out, so that only the teams who choose this orchestrator carry it.
     */
    static void requireClient() {
        try {
            Class.forName(CLIENT_CLASS, false, KubernetesWorkers.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            String version = clientVersion();
            throw new IllegalStateException("workers started by kubernetes need fabric8's Kubernetes client on the test"
                    + " classpath, and " + CLIENT_CLASS + " is not there; add <dependency><groupId>io.fabric8</groupId>"
                    + "<artifactId>kubernetes-client</artifactId><version>" + version + "</version><scope>test</scope>"
                    + "</dependency> (the version perfgate is built with)", e);
        }
    }

    /** The fabric8 version perfgate is built with, from the resource Maven filters at build time. */
    private static String clientVersion() {
        Properties properties = new Properties();
        try (InputStream in = KubernetesWorkers.class.getResourceAsStream("perfgate-junit.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the default below
        }
        return properties.getProperty("fabric8.version", "8.0.0");
    }

    /** As {@link #start(WorkerLaunch, Duration)}, with {@code client}, which stays open. */
    static KubernetesWorkers start(WorkerLaunch launch, Duration startLead, KubernetesClient client, KubernetesJobSettings settings) {
        return start(launch, startLead, client, settings, false);
    }

    private static KubernetesWorkers start(WorkerLaunch launch, Duration startLead, KubernetesClient client,
            KubernetesJobSettings settings, boolean ownsClient) {
        launch.prepareFolder();
        String namespace = settings.namespaceOr(client.getNamespace());
        String name = jobName(launch);
        // Set last, right before the Job is created: the lead is the pods' time to be placed and start their JVM.
        Instant start = Instant.now().plus(startLead);
        Job job = job(launch, settings, name, start, startLead);
        try {
            client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot create the workers' Job " + name + " in namespace " + namespace + " ("
                    + client.getMasterUrl() + "): " + e.getMessage() + "; the kubeconfig's user needs the rights to create"
                    + " Jobs there, -D" + KubernetesJobSettings.NAMESPACE_PROPERTY + " chooses another namespace", e);
        }
        Console.say(launch.testId() + ": Job " + name + " in namespace " + namespace + ", " + launch.count() + " pods of "
                + settings.image() + ", starting at " + start);
        return new KubernetesWorkers(launch, client, ownsClient, namespace, name, start);
    }

    /** {@code perfgate-<test id, as a DNS label>-<5 random characters>}: runs of one test may overlap in a namespace. */
    static String jobName(WorkerLaunch launch) {
        return launch.resourceName(MAX_NAME);
    }

    private static Job job(WorkerLaunch launch, KubernetesJobSettings settings, String name, Instant start, Duration startLead) {
        // Each pod's index comes from JOB_COMPLETION_INDEX, which Kubernetes sets in it.
        ContainerBuilder container = new ContainerBuilder().withName(CONTAINER).withImage(settings.image())
                .withArgs(launch.containerArguments(start));
        if (settings.cpu() != null || settings.memory() != null) {
            // Limits equal to the requests: a worker that could burst past its share would measure the neighbours' load.
            Map<String, Quantity> resources = new HashMap<>();
            if (settings.cpu() != null) {
                resources.put("cpu", new Quantity(settings.cpu()));
            }
            if (settings.memory() != null) {
                resources.put("memory", new Quantity(settings.memory()));
            }
            container.withResources(new ResourceRequirementsBuilder().withRequests(resources).withLimits(resources).build());
        }
        return new JobBuilder()
                .withNewMetadata().withName(name).withLabels(LABELS).addToAnnotations("perfgate.dev/test-id", launch.testId())
                .endMetadata()
                .withNewSpec()
                    .withCompletionMode("Indexed")
                    .withCompletions(launch.count())
                    .withParallelism(launch.count())
                    // No retry: a part run again would start after the others, and its windows would not line up.
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(startLead.plus(MAX_RUN).toSeconds())
                    .withTtlSecondsAfterFinished(TTL_AFTER_FINISHED_SECONDS)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(LABELS).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withServiceAccountName(settings.serviceAccount())
                            .withContainers(container.build())
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** The Job's name. */
    String jobName() {
        return jobName;
    }

    /** The Job's namespace. */
    String namespace() {
        return namespace;
    }

    /**
     * Waits until the start set in advance, and returns it; fails early when a pod failed or cannot start. The
     * start bounds the wait, not {@code readyWait}: it is at most the start lead away.
     */
    @Override
    public Instant begin(Duration readyWait) throws InterruptedException {
        while (true) {
            requireNoneFailed(pods());
            Duration left = Duration.between(Instant.now(), start);
            if (left.isNegative() || left.isZero()) {
                return start;
            }
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left.toMillis())));
        }
    }

    /**
     * Waits until every part's pod succeeded, bounded by {@code timeout}, then reads each part's result
     * from its pod's log and keeps it, with the log, in the launch's folder.
     *
     * @throws AssertionError naming a worker whose pod failed, printed no result or did not end in time, with its
     *         log's tail
     */
    @Override
    public List<LoadTestResult> awaitParts(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Pod> succeeded;
        while (true) {
            List<Pod> pods = pods();
            requireNoneFailed(pods);
            succeeded = succeededByIndex(pods);
            if (succeeded.size() == launch.count()) {
                break;
            }
            requireJobNotFailed();
            if (System.nanoTime() - deadline > 0) {
                int late = firstUnfinished(succeeded);
                Pod pod = podOf(pods, late).orElse(null);
                throw failure(late, pod, "did not end within " + timeout.toSeconds() + " s of the start"
                        + (pod == null ? " (it has no pod: " + JOB_NAME_LABEL + "=" + jobName + ")" : " (" + describe(pod) + ")"));
            }
            Thread.sleep(POLL.toMillis());
        }
        List<LoadTestResult> parts = new ArrayList<>(launch.count());
        for (int i = 0; i < launch.count(); i++) {
            parts.add(partOf(i, succeeded.get(i)));
        }
        return parts;
    }

    private LoadTestResult partOf(int index, Pod pod) {
        List<String> lines = saveLog(index, pod);
        try {
            return launch.keptPart(index, lines);
        } catch (WorkerLaunch.PartNotPrinted e) {
            throw failure(index, pod, lines, e.getMessage());
        }
    }

    private List<Pod> pods() {
        return client.pods().inNamespace(namespace).withLabel(JOB_NAME_LABEL, jobName).list().getItems();
    }

    /** Fails on the first part whose pod failed or is stuck before its container could run. */
    private void requireNoneFailed(List<Pod> pods) {
        pods.stream().filter(pod -> indexOf(pod) >= 0).sorted(Comparator.comparingInt(KubernetesWorkers::indexOf))
                .forEach(pod -> {
                    if ("Failed".equals(phaseOf(pod))) {
                        throw failure(indexOf(pod), pod, "failed (" + describe(pod) + ")");
                    }
                    String stuck = stuckReason(pod);
                    if (stuck != null) {
                        throw failure(indexOf(pod), pod, "cannot start (" + stuck + "); can the cluster pull "
                                + imageOf(pod) + "? (" + KubernetesJobSettings.IMAGE_PROPERTY + ")");
                    }
                });
    }

    /** Fails when Kubernetes gave up on the Job although no pod of it failed: past its deadline, say. */
    private void requireJobNotFailed() {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
        if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
            return;
        }
        for (JobCondition condition : job.getStatus().getConditions()) {
            if ("Failed".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                throw new AssertionError("the workers' Job " + jobName + " in namespace " + namespace + " failed: "
                        + condition.getReason() + " " + Optional.ofNullable(condition.getMessage()).orElse("")
                        + "; the workers' logs are in " + launch.folder());
            }
        }
    }

    private Map<Integer, Pod> succeededByIndex(List<Pod> pods) {
        Map<Integer, Pod> succeeded = new HashMap<>();
        for (Pod pod : pods) {
            int index = indexOf(pod);
            if (index >= 0 && index < launch.count() && "Succeeded".equals(phaseOf(pod))) {
                succeeded.put(index, pod);
            }
        }
        return succeeded;
    }

    private int firstUnfinished(Map<Integer, Pod> succeeded) {
        for (int i = 0; i < launch.count(); i++) {
            if (!succeeded.containsKey(i)) {
                return i;
            }
        }
        return 0;
    }

    private static Optional<Pod> podOf(List<Pod> pods, int index) {
        return pods.stream().filter(pod -> indexOf(pod) == index).findFirst();
    }

    /** The pod's completion index, from its annotation or (newer clusters) its label; -1 when it has none. */
    static int indexOf(Pod pod) {
        String value = Optional.ofNullable(pod.getMetadata().getAnnotations()).map(a -> a.get(COMPLETION_INDEX))
                .or(() -> Optional.ofNullable(pod.getMetadata().getLabels()).map(l -> l.get(COMPLETION_INDEX))).orElse(null);
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String phaseOf(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

    private static Optional<ContainerStatus> workerStatus(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream().filter(status -> CONTAINER.equals(status.getName())).findFirst();
    }

    private static String stuckReason(Pod pod) {
        ContainerStateWaiting waiting = workerStatus(pod).map(ContainerStatus::getState).map(state -> state.getWaiting()).orElse(null);
        if (waiting == null || !STUCK_REASONS.contains(waiting.getReason())) {
            return null;
        }
        return waiting.getReason() + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage());
    }

    private static String imageOf(Pod pod) {
        return pod.getSpec() == null || pod.getSpec().getContainers() == null ? "the image"
                : pod.getSpec().getContainers().stream().filter(c -> CONTAINER.equals(c.getName())).map(c -> c.getImage())
                        .findFirst().orElse("the image");
    }

    /** What Kubernetes says of the pod: its phase, its container's end or wait, the reason it was not scheduled. */
    private static String describe(Pod pod) {
        StringBuilder text = new StringBuilder("pod ").append(phaseOf(pod));
        if (pod.getStatus() != null && pod.getStatus().getReason() != null) {
            text.append(", ").append(pod.getStatus().getReason());
            if (pod.getStatus().getMessage() != null) {
                text.append(": ").append(pod.getStatus().getMessage());
            }
        }
        workerStatus(pod).map(ContainerStatus::getState).ifPresent(state -> {
            ContainerStateTerminated ended = state.getTerminated();
            if (ended != null) {
                text.append(", container ").append(Optional.ofNullable(ended.getReason()).orElse("ended")).append(" (exit ")
                        .append(ended.getExitCode()).append(')');
                if (ended.getMessage() != null) {
                    text.append(": ").append(ended.getMessage());
                }
            } else if (state.getWaiting() != null) {
                text.append(", container waiting: ").append(state.getWaiting().getReason());
            }
        });
        if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
            for (PodCondition condition : pod.getStatus().getConditions()) {
                if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                    text.append(", not scheduled: ").append(condition.getMessage());
                }
            }
        }
        return text.toString();
    }

    private AssertionError failure(int index, Pod pod, String what) {
        return failure(index, pod, pod == null ? List.of() : saveLog(index, pod), what);
    }

    private AssertionError failure(int index, Pod pod, List<String> lines, String what) {
        String podName = pod == null ? "" : " (pod " + pod.getMetadata().getName() + " in namespace " + namespace + ")";
        return new AssertionError(launch.nameOf(index) + podName + " " + what + "; its log (" + launch.logOf(index) + ") ends:\n"
                + (lines.isEmpty() ? "(nothing)" : LocalWorkers.tailOf(lines)));
    }

    /** Reads the pod's log and keeps it in the launch's folder, as local workers' logs are kept. */
    private List<String> saveLog(int index, Pod pod) {
        String text;
        try {
            text = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).inContainer(CONTAINER).getLog();
        } catch (RuntimeException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
        if (text == null) {
            return List.of();
        }
        launch.keepLog(index, text);
        return text.lines().toList();
    }

    /**
     * Deletes the Job and its pods. Its pods are deleted by name too: Kubernetes' garbage collector deletes them
     * only later, and not at all where none runs. Never throws: the run's own outcome matters more.
     */
    @Override
    public void close() {
        try {
            client.batch().v1().jobs().inNamespace(namespace).withName(jobName).withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
            client.pods().inNamespace(namespace).withLabel(JOB_NAME_LABEL, jobName).delete();
        } catch (RuntimeException e) {
            Console.warn("cannot delete the workers' Job " + jobName + " in namespace " + namespace + ": " + e.getMessage()
                    + "; delete it yourself: kubectl delete job " + jobName + " -n " + namespace);
        } finally {
            if (ownsClient) {
                client.close();
            }
        }
    }
}
