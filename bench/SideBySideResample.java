import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;
import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.SideBySideComparator;
import dev.perfgate.core.compare.Verdict;
import dev.perfgate.core.result.ResultFiles;

/**
 * How often the side-by-side gate would fail runs made of measured instances, for a false-alarm rate finer
 * than 20 runs can show (0 of 20 bounds it at 14 % only). Each instance of a kept run (its reference and
 * candidate JVMs and their pairs of trials) goes into a pool; each synthetic run draws as many instances as the
 * runs had, at random with replacement, renumbers them and their pairs in the runs' layout, and is decided by
 * the same SideBySideComparator perf:check uses, gated as SideBySideVerdict gates (the sample app's settings). Drawing across runs keeps what differs between JVMs and between
 * pairs, and any bias of one side (it is in every instance); it loses what the instances of one run share
 * beyond that, so the real runs stay the first evidence and this the finer one.
 *
 *   java -cp <perf-gate classpath, with SideBySideVerdict> SideBySideResample RUNS SEED MIN_EFFECT_PERCENT METRICS RESULT.json...
 *
 * Prints the synthetic runs' verdicts and the spread of their p50 estimates.
 */
public class SideBySideResample {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        int runs = Integer.parseInt(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        GateSettings gate = SideBySideVerdict.sampleGate(Double.parseDouble(args[2]), Metric.parseList(args[3]));
        List<Path> files = Arrays.stream(args, 4, args.length).map(Path::of).toList();

        JsonNode template = MAPPER.readTree(files.get(0).toFile());
        List<List<JsonNode>> pool = new ArrayList<>();
        int instancesPerRun = 0;
        int pairsPerInstance = 0;
        for (Path file : files) {
            Map<Integer, List<JsonNode>> byInstance = new LinkedHashMap<>();
            for (JsonNode trial : MAPPER.readTree(file.toFile()).get("sideBySide").get("trials")) {
                byInstance.computeIfAbsent(trial.get("instance").asInt(), k -> new ArrayList<>()).add(trial);
            }
            instancesPerRun = Math.max(instancesPerRun, byInstance.size());
            for (List<JsonNode> trials : byInstance.values()) {
                pool.add(trials);
                pairsPerInstance = Math.max(pairsPerInstance, trials.size() / 2);
            }
        }

        Path folder = Files.createTempDirectory("perfgate-resample");
        Path file = ResultFiles.fileOf(folder, template.get("testId").asText());
        SideBySideComparator comparator = new SideBySideComparator(gate);
        int regressed = 0;
        double[] estimates = new double[runs];
        for (int run = 0; run < runs; run++) {
            ArrayNode trials = MAPPER.createArrayNode();
            for (int instance = 0; instance < instancesPerRun; instance++) {
                List<JsonNode> drawn = pool.get(random.nextInt(pool.size()));
                int firstPair = drawn.get(0).get("pair").asInt();
                for (JsonNode trial : drawn) {
                    ObjectNode copy = trial.deepCopy();
                    copy.put("instance", instance);
                    copy.put("pair", instance * pairsPerInstance + trial.get("pair").asInt() - firstPair);
                    trials.add(copy);
                }
            }
            ObjectNode synthetic = template.deepCopy();
            ((ObjectNode) synthetic.get("sideBySide")).set("trials", trials);
            MAPPER.writeValue(file.toFile(), synthetic);
            List<MetricComparison> rows = comparator.compare(ResultFiles.read(file));
            if (rows.stream().anyMatch(row -> row.verdict() == Verdict.REGRESSED)) {
                regressed++;
            }
            // The note opens with the Hodges-Lehmann estimate as the gate prints it, e.g. "+1.8 % [-0.6 %, +4.2 %], p=..."
            estimates[run] = rows.stream().filter(row -> row.metric() == Metric.P50_LATENCY).findFirst()
                    .map(row -> Double.parseDouble(row.note().substring(0, row.note().indexOf(" %")))).orElse(Double.NaN);
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(folder);

        Arrays.sort(estimates);
        double[] bounds = wilson(regressed, runs);
        System.out.printf(Locale.ROOT, "%d synthetic runs of %d instances, drawn from %d instances of %d runs: %d REGRESSED (%.2f %%;"
                + " one-sided 95 %% bounds %.2f %% to %.2f %%)%n", runs, instancesPerRun, pool.size(), files.size(), regressed,
                100.0 * regressed / runs, 100 * bounds[0], 100 * bounds[1]);
        System.out.printf(Locale.ROOT, "p50 change (candidate/reference - 1): 1st %.1f %%, 5th %.1f %%, median %.1f %%, 95th %.1f %%, 99th %.1f %%,"
                + " max %.1f %%%n", quantile(estimates, 0.01), quantile(estimates, 0.05), quantile(estimates, 0.5), quantile(estimates, 0.95),
                quantile(estimates, 0.99), estimates[estimates.length - 1]);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** The one-sided 95 % Wilson bounds of a rate seen {@code k} times in {@code n}: {lower, upper}. */
    private static double[] wilson(int k, int n) {
        double z = 1.645;
        double p = (double) k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
