package lab.mlp.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lab.core.kind.RunContext;
import lab.mlp.data.Dataset;
import lab.mlp.model.Kernels;
import lab.mlp.model.Network;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingResult;

/**
 * Times a sweep of mlp experiments: training only (datasets are built before the clock starts,
 * nothing is written). Configurations run in parallel, longest first, on a fixed pool of threads.
 * With {@code -Dmlp.bench.export=FILE}, after the timed sweeps the runs' points, initial weights
 * and results are written to FILE for the numpy reference ({@link MlpBenchExport}).
 */
public final class MlpBenchRunner {
    private record Job(String name, MlpExperiment spec, Dataset data, long cost) {
    }

    private record Timed(Job job, TrainingResult result) {
    }

    private MlpBenchRunner() {
    }

    /** Runs the bench; the last line printed is {@code sweep seconds: X}. Returns X. */
    public static double run(String name, MlpBench bench, RunContext ctx, PrintStream out) {
        List<MlpExperiment> specs = ctx.experiments().references(name, "runs", bench.runs(), MlpExperiment.class);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String run = bench.runs().get(i);
            Dataset data = MlpRunner.loadChecked(run, specs.get(i), ctx);
            jobs.add(new Job(run, specs.get(i), data, cost(specs.get(i), data)));
        }
        // Longest first: the last job to start is a short one, so both cores finish together.
        jobs.sort(Comparator.comparingLong(Job::cost).reversed());
        out.printf(Locale.ROOT, "%s: %d configurations on %d threads (%d cores, %d-lane vectors), %d warm-up + %d timed sweeps%n",
                name, jobs.size(), bench.threads(), Runtime.getRuntime().availableProcessors(), Kernels.LANES,
                bench.warmup(), bench.rounds());

        ExecutorService pool = Executors.newFixedThreadPool(bench.threads());
        try {
            for (int w = 0; w < bench.warmup(); w++) {
                out.printf(Locale.ROOT, "warm-up sweep %d: %.3f s (JIT compiling)%n", w + 1, sweep(pool, jobs, null));
            }
            double[] seconds = new double[bench.rounds()];
            List<Timed> last = new ArrayList<>();
            for (int r = 0; r < bench.rounds(); r++) {
                last.clear();
                seconds[r] = sweep(pool, jobs, last);
                out.printf(Locale.ROOT, "timed sweep %d: %.3f s%n", r + 1, seconds[r]);
            }
            last.sort(Comparator.comparing(t -> bench.runs().indexOf(t.job().name())));
            for (Timed t : last) {
                TrainingResult res = t.result();
                out.printf(Locale.ROOT, "  %-22s %-34s loss %.4f acc %.3f %6.3f s%s (final loss %s)%n", t.job().name(),
                        t.job().spec().shortConfig(), res.finalLoss(), res.trainAccuracy(), res.seconds(),
                        res.diverged() ? " diverged" : "", res.finalLoss());
            }
            String export = System.getProperty(MlpBenchExport.PROPERTY, "");
            if (!export.isBlank()) {
                Path file = Path.of(export).toAbsolutePath();
                MlpBenchExport.write(file, name, last.stream()
                        .map(t -> MlpBenchExport.run(t.job().name(), t.job().spec(), t.job().data(), t.result())).toList());
                out.printf(Locale.ROOT, "inputs and results written to %s%n", file);
            }
            double median = median(seconds);
            out.printf(Locale.ROOT, "sweep seconds: %.3f%n", median);
            return median;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double sweep(ExecutorService pool, List<Job> jobs, List<Timed> results) {
        long start = System.nanoTime();
        List<Future<Timed>> futures = new ArrayList<>();
        for (Job job : jobs) {
            futures.add(pool.submit(() -> {
                Network net = Networks.create(job.spec(), Networks.capacity(job.spec(), job.data().size()));
                return new Timed(job, new Trainer(job.spec().trainingConfig(), null).train(net, job.data()));
            }));
        }
        for (Future<Timed> f : futures) {
            try {
                Timed t = f.get();
                if (results != null) {
                    results.add(t);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bench interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Multiply-adds per run, roughly: three per weight per sample per pass. */
    static long cost(MlpExperiment spec, Dataset data) {
        int[] sizes = spec.layerSizes();
        long weights = 0;
        long units = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            weights += (long) sizes[l] * sizes[l + 1];
            units += sizes[l + 1];
        }
        return (3 * weights + 8 * units) * data.size() * spec.passes();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
