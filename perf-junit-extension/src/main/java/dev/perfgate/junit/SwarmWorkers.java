package dev.perfgate.junit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;

import dev.perfgate.core.result.LoadTestResult;

/**
 * The workers of a distributed run as the tasks of one Docker swarm-mode service: one replica per part,
 * the part's index from the task's slot, on the {@link WorkerImage} of the test's classpath. Tasks use
 * their node's network, so they reach the application by the host named for them, as any client on that
 * node would. Each task prints its part's result ({@link PartOutput}); the coordinator reads it from the
 * task's log, through the engine's API, so no folder is shared between nodes. The service is removed in
 * {@link #close}, whatever happened.
 *
 * <p>On more than one node, every node must be able to run the worker image: push it to a registry they
 * pull from, or build it on each.
 *
 * <pre>{@code
 * try (Workers workers = SwarmWorkers.start(launch, Duration.ofSeconds(30))) {
 *     Instant start = workers.begin(Duration.ofMinutes(2));
 *     List<LoadTestResult> parts = workers.awaitParts(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
final class SwarmWorkers implements Workers {

    /** The label naming the load test of a worker service. */
    static final String TEST_ID_LABEL = "dev.perfgate.test-id";

    private static final Set<TaskState> FAILED = EnumSet.of(TaskState.FAILED, TaskState.REJECTED, TaskState.SHUTDOWN,
            TaskState.ORPHANED, TaskState.REMOVE);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Docker's longest service name. */
    private static final int MAX_NAME = 63;

    private final WorkerLaunch launch;
    private final DockerClient docker;
    private final String serviceId;
    private final String serviceName;
    private final Instant start;

    private SwarmWorkers(WorkerLaunch launch, DockerClient docker, String serviceId, String serviceName, Instant start) {
        this.launch = launch;
        this.docker = docker;
        this.serviceId = serviceId;
        this.serviceName = serviceName;
        this.start = start;
    }

    /**
     * Builds (or reuses) the worker image and creates the service of {@code launch}'s workers, which start
     * {@code startLead} after it is created.
     *
     * @throws IllegalStateException when the Docker engine is not a swarm manager, or the service cannot be created
     */
    static SwarmWorkers start(WorkerLaunch launch, Duration startLead) {
        DockerClient docker = DockerClientFactory.instance().client();
        requireManager(docker);
        launch.prepareFolder();
        String image = WorkerImage.forThisClasspath();
        String name = launch.resourceName(MAX_NAME);
        Instant start = Instant.now().plus(startLead);
        ServiceSpec spec = new ServiceSpec()
                .withName(name)
                .withLabels(Map.of(TEST_ID_LABEL, launch.testId()))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(launch.count())))
                .withTaskTemplate(new TaskSpec()
                        .withContainerSpec(new ContainerSpec().withImage(image).withArgs(launch.containerArguments(start))
                                .withEnv(List.of(PartRun.SLOT_VARIABLE + "={{.Task.Slot}}")))
                        // A part that ran again would start late and load twice: a failed task fails the run instead.
                        .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE))
                        .withNetworks(List.of(new NetworkAttachmentConfig().withTarget("host"))));
        try {
            String id = docker.createServiceCmd(spec).exec().getId();
            Console.say(launch.testId() + ": swarm service " + name + " (" + launch.count() + " tasks of " + image + "), starting at "
                    + start);
            return new SwarmWorkers(launch, docker, id, name, start);
        } catch (DockerException e) {
            throw new IllegalStateException("cannot create the swarm service of the workers (" + name + "): " + e.getMessage(), e);
        }
    }

    private static void requireManager(DockerClient docker) {
        SwarmInfo swarm = docker.infoCmd().exec().getSwarm();
        LocalNodeState state = swarm == null ? null : swarm.getLocalNodeState();
        if (state != LocalNodeState.ACTIVE || !Boolean.TRUE.equals(swarm.getControlAvailable())) {
            throw new IllegalStateException("-D" + LoadTest.ORCHESTRATOR_PROPERTY + "=swarm needs a Docker engine that is a swarm"
                    + " manager, but this one's swarm state is " + (state == null ? "unknown" : state.name().toLowerCase(Locale.ROOT))
                    + (state == LocalNodeState.ACTIVE ? " as a worker node" : "")
                    + "; start swarm mode with 'docker swarm init', or choose -D" + LoadTest.ORCHESTRATOR_PROPERTY + "=local");
        }
    }

    /** Waits for the start set in advance, failing early when a task failed or was not running at it. */
    @Override
    public Instant begin(Duration readyWait) throws InterruptedException {
        while (Instant.now().isBefore(start)) {
            requireNoneFailed();
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, Duration.between(Instant.now(), start).toMillis())));
        }
        Map<Integer, Task> tasks = tasksBySlot();
        for (int index = 0; index < launch.count(); index++) {
            Task task = tasks.get(index + 1);
            TaskState state = task == null ? null : task.getStatus().getState();
            if (state != TaskState.RUNNING && state != TaskState.COMPLETE) {
                throw failure(index, task, "was not running at the shared start (" + describe(task)
                        + "); give the workers more time: -D" + Distribution.START_LEAD_PROPERTY + "=<seconds>");
            }
        }
        return start;
    }

    @Override
    public List<LoadTestResult> awaitParts(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Task> tasks = tasksBySlot();
        while (!allComplete(tasks)) {
            requireNoneFailed(tasks);
            if (System.nanoTime() - deadline > 0) {
                int index = firstUnfinished(tasks);
                throw failure(index, tasks.get(index + 1), "did not end within " + timeout.toSeconds() + " s of the start ("
                        + describe(tasks.get(index + 1)) + ")");
            }
            Thread.sleep(POLL.toMillis());
            tasks = tasksBySlot();
        }
        List<LoadTestResult> parts = new ArrayList<>(launch.count());
        for (int index = 0; index < launch.count(); index++) {
            parts.add(partOf(index, tasks.get(index + 1)));
        }
        return parts;
    }

    private LoadTestResult partOf(int index, Task task) throws InterruptedException {
        List<String> log = log(task);
        try {
            return launch.keptPart(index, log);
        } catch (WorkerLaunch.PartNotPrinted e) {
            throw failure(index, task, log, e.getMessage());
        }
    }

    private static boolean allComplete(Map<Integer, Task> tasks) {
        return tasks.values().stream().allMatch(task -> task != null && task.getStatus().getState() == TaskState.COMPLETE);
    }

    private int firstUnfinished(Map<Integer, Task> tasks) {
        for (int index = 0; index < launch.count(); index++) {
            Task task = tasks.get(index + 1);
            if (task == null || task.getStatus().getState() != TaskState.COMPLETE) {
                return index;
            }
        }
        return 0;
    }

    private void requireNoneFailed() throws InterruptedException {
        requireNoneFailed(tasksBySlot());
    }

    private void requireNoneFailed(Map<Integer, Task> tasks) throws InterruptedException {
        for (Map.Entry<Integer, Task> entry : tasks.entrySet()) {
            Task task = entry.getValue();
            if (task != null && FAILED.contains(task.getStatus().getState())) {
                throw failure(entry.getKey() - 1, task, "failed (" + describe(task) + ")");
            }
        }
    }

    /**
     * The service's tasks by slot, one per slot: the newest, since a slot's task is replaced only when it
     * failed to be placed. The map holds every slot, with {@code null} for one not created yet.
     */
    private Map<Integer, Task> tasksBySlot() {
        Map<Integer, Task> tasks = new TreeMap<>();
        for (int slot = 1; slot <= launch.count(); slot++) {
            tasks.put(slot, null);
        }
        for (Task task : docker.listTasksCmd().withServiceFilter(serviceId).exec()) {
            Integer slot = task.getSlot();
            Task known = slot == null ? null : tasks.get(slot);
            if (slot != null && tasks.containsKey(slot) && (known == null || task.getCreatedAt().compareTo(known.getCreatedAt()) > 0)) {
                tasks.put(slot, task);
            }
        }
        return tasks;
    }

    private static String describe(Task task) {
        if (task == null) {
            return "no task yet";
        }
        StringBuilder text = new StringBuilder("task " + task.getId() + " " + task.getStatus().getState().name().toLowerCase(Locale.ROOT));
        if (task.getStatus().getContainerStatus() != null && task.getStatus().getContainerStatus().getExitCodeLong() != null) {
            text.append(", exit ").append(task.getStatus().getContainerStatus().getExitCodeLong());
        }
        if (task.getStatus().getErr() != null && !task.getStatus().getErr().isBlank()) {
            text.append(": ").append(task.getStatus().getErr());
        } else if (task.getStatus().getMessage() != null && !task.getStatus().getMessage().isBlank()) {
            text.append(": ").append(task.getStatus().getMessage());
        }
        return text.toString();
    }

    /** The task's whole log, also kept as {@code worker-<index>.log} beside the parts' results. */
    private List<String> log(Task task) throws InterruptedException {
        if (task == null) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        };
        try {
            docker.logTaskCmd(task.getId()).withStdout(true).withStderr(true).exec(callback).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (DockerException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
        launch.keepLog(task.getSlot() - 1, text.toString());
        return text.toString().lines().toList();
    }

    private AssertionError failure(int index, Task task, String what) throws InterruptedException {
        return failure(index, task, log(task), what);
    }

    private AssertionError failure(int index, Task task, List<String> log, String what) {
        List<String> shown = log.stream().filter(line -> !PartOutput.isResultLine(line)).toList();
        return new AssertionError(launch.nameOf(index) + " (swarm service " + serviceName + ", slot " + (index + 1) + ") " + what
                + "; its log (" + launch.logOf(index) + ") ends:\n" + LocalWorkers.tailOf(shown));
    }

    /** Removes the service, which stops and removes its tasks' containers. */
    @Override
    public void close() {
        try {
            docker.removeServiceCmd(serviceId).exec();
        } catch (NotFoundException e) {
            return;
        } catch (DockerException e) {
            Console.warn("cannot remove the workers' swarm service " + serviceName + ": " + e.getMessage()
                    + "; remove it with: docker service rm " + serviceName);
        }
    }
}
