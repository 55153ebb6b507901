package lab.cnn.experiment;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import lab.cnn.backend.Backend;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.MnistData;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.report.Environment;
import lab.core.kind.RunContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * Runs {@code kind: cnn-bench}: the same measurement as the PyTorch reference
 * (shared/bench/torch_deep_mnist.py --bench): warm-up steps, then timed steps of
 * batch-fetch + forward + backward + update, on MNIST's training images in a seeded order.
 */
public final class CnnBenchRunner {
    private CnnBenchRunner() {
    }

    /** Prints the measurement; the last line is {@code images/second: N}. Returns N. */
    public static double run(String name, CnnBench bench, RunContext ctx, PrintStream out) {
        CnnExperiment spec = ctx.experiments().reference(bench.network(), CnnExperiment.class,
                List.of("experiments", name, "network"));
        int batch = bench.batchSize() != null ? bench.batchSize() : spec.batchSize();
        MnistData data = spec.dataset().load(spec.dataset().locate(bench.network(), ctx));
        ImageDataSetIterator train = ImageDataSetIterator.shuffled(data.train(), batch, data.numClasses(), spec.seed());
        if (!bench.onednn()) {
            Backend.setOneDnn(false);
        }
        MultiLayerNetwork net = DeepMnistNetwork.create(spec.networkSpec(), data.geometry());
        // No count given: measured on a copy of the network and a batch of its own (train is untouched).
        Backend.applyThreads(bench.threads(), Backend.probeStep(net,
                ImageDataSetIterator.inOrder(data.train(), batch, data.numClasses()).next()));
        out.printf(Locale.ROOT, "%s: %s (%s), batch %d, %d warm-up + %d timed iterations; load average %s%n", name,
                bench.network(), spec.shortConfig(), batch, bench.warmup(), bench.iterations(), loadAverage());
        java.util.Map<String, String> backend = Environment.backend(net);
        out.println("backend: " + backend);

        for (int i = 0; i < bench.warmup(); i++) {
            step(net, train);
        }
        long images = 0;
        long start = System.nanoTime();
        for (int i = 0; i < bench.iterations(); i++) {
            images += step(net, train);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = images / seconds;
        out.printf(Locale.ROOT, "%d iterations in %.2f s: %.1f ms/iteration, final loss %.4f; load average %s%n",
                bench.iterations(), seconds, 1000 * seconds / bench.iterations(), net.score(), loadAverage());
        String helpersAfter = Environment.backend(net).get("helpers");
        if (!helpersAfter.equals(backend.get("helpers"))) {
            out.println("helpers after the timed iterations: " + helpersAfter);
        }
        if (bench.phases()) {
            phases(net, train, bench.iterations(), out);
        }
        out.printf(Locale.ROOT, "images/second: %.1f%n", rate);
        return rate;
    }

    /**
     * Where a step's time goes: fetching the batch, the forward pass alone (training mode),
     * and forward + backward (gradients and score, no update); the update is the rest of fit().
     */
    private static void phases(MultiLayerNetwork net, ImageDataSetIterator train, int iterations, PrintStream out) {
        long fetch = 0;
        long forward = 0;
        long gradients = 0;
        long fit = 0;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            if (!train.hasNext()) {
                train.reset();
            }
            DataSet batch = train.next();
            long t1 = System.nanoTime();
            net.output(batch.getFeatures(), true);
            long t2 = System.nanoTime();
            net.setInput(batch.getFeatures());
            net.setLabels(batch.getLabels());
            net.computeGradientAndScore();
            long t3 = System.nanoTime();
            net.fit(batch);
            long t4 = System.nanoTime();
            fetch += t1 - t0;
            forward += t2 - t1;
            gradients += t3 - t2;
            fit += t4 - t3;
        }
        double n = iterations * 1e6;
        out.printf(Locale.ROOT, "phases per iteration: batch %.2f ms, forward %.1f ms, backward %.1f ms, update and "
                        + "the rest of fit() %.1f ms (fit() %.1f ms)%n", fetch / n, forward / n, (gradients - forward) / n,
                (fit - gradients) / n, fit / n);
    }

    private static int step(MultiLayerNetwork net, ImageDataSetIterator train) {
        if (!train.hasNext()) {
            train.reset();
        }
        DataSet batch = train.next();
        net.fit(batch);
        return batch.numExamples();
    }

    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
