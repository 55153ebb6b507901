package lab.mlp.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.core.random.Permutations;
import lab.mlp.data.Dataset;
import lab.mlp.model.Batch;
import lab.mlp.model.Network;
import lab.mlp.optimizer.Optimizer;

/**
 * Gradient descent: full batch (the assignment's) or mini-batch, each step made by the config's
 * optimizer. Stops at once when the loss or the parameters stop being finite; {@link Divergence}
 * judges the result.
 */
public final class Trainer {
    /** Called at every recorded point; must be cheap. */
    public interface Listener {
        void recorded(CurvePoint point, int totalPasses);
    }

    private final TrainingConfig config;
    private final Listener listener;

    public Trainer(TrainingConfig config, Listener listener) {
        this.config = config;
        this.listener = listener == null ? (p, t) -> { } : listener;
    }

    public TrainingResult train(Network net, Dataset data) {
        if (data.numFeatures() != net.inputSize()) {
            throw new IllegalArgumentException("network input size " + net.inputSize() + " but dataset has "
                    + data.numFeatures() + " features");
        }
        if (data.numClasses() > net.outputSize()) {
            throw new IllegalArgumentException("network output size " + net.outputSize() + " but dataset has "
                    + data.numClasses() + " classes");
        }
        Steps steps = new Steps(config.optimizer().create(net.parameters()), net.parameters(), net.gradients());
        long start = System.nanoTime();
        List<CurvePoint> curve = new ArrayList<>(config.passes() / config.recordEvery() + 2);
        int diverged = config.fullBatch() ? fullBatch(net, data, curve, steps) : miniBatch(net, data, curve, steps);
        double seconds = (System.nanoTime() - start) / 1e9;
        CurvePoint last = curve.get(curve.size() - 1);
        CurvePoint best = Divergence.best(curve);
        String divergence = Divergence.judge(curve);
        return new TrainingResult(last.loss(), last.accuracy(), seconds, divergence != null, divergence, diverged,
                diverged >= 0 ? diverged : config.passes(), best.loss(), best.pass(), List.copyOf(curve));
    }

    /** Returns the pass at which the loss stopped being finite, or -1. */
    private int fullBatch(Network net, Dataset data, List<CurvePoint> curve, Steps steps) {
        Batch batch = net.batch();
        if (batch.capacity() < data.size()) {
            throw new IllegalArgumentException("full-batch training needs capacity " + data.size());
        }
        batch.load(data, null, 0, data.size());
        double scale = config.gradient().factor(data.size());
        for (int pass = 0; pass < config.passes(); pass++) {
            net.forward();
            boolean record = pass % config.recordEvery() == 0;
            // A NaN anywhere reaches every logit within one pass; checking one is enough per pass.
            if (record || !Double.isFinite(net.logits()[0])) {
                CurvePoint point = record(net, data, pass, curve);
                if (!Double.isFinite(point.loss())) {
                    return pass;
                }
            }
            net.backward(scale, config.regLambda());
            steps.step();
        }
        net.forward();
        CurvePoint last = record(net, data, config.passes(), curve);
        return Double.isFinite(last.loss()) ? -1 : config.passes();
    }

    private int miniBatch(Network net, Dataset data, List<CurvePoint> curve, Steps steps) {
        Batch batch = net.batch();
        int n = data.size();
        int size = Math.min(config.batchSize(), batch.capacity());
        int[] order = Permutations.identity(n);
        Random random = new Random(config.shuffleSeed());
        for (int epoch = 0; epoch < config.passes(); epoch++) {
            if (epoch % config.recordEvery() == 0 && !Double.isFinite(evaluate(net, data, epoch, curve).loss())) {
                return epoch;
            }
            Permutations.shuffle(order, random);
            for (int from = 0; from < n; from += size) {
                int count = Math.min(size, n - from);
                batch.load(data, order, from, count);
                net.forward();
                if (!Double.isFinite(net.logits()[0])) {
                    evaluate(net, data, epoch, curve);
                    return epoch;
                }
                net.backward(config.gradient().factor(count), config.regLambda());
                steps.step();
            }
        }
        CurvePoint last = evaluate(net, data, config.passes(), curve);
        return Double.isFinite(last.loss()) ? -1 : config.passes();
    }

    /** One run's optimizer and the network's live arrays, fetched once (parameters() may build a list). */
    private static final class Steps {
        private final Optimizer optimizer;
        private final List<double[]> params;
        private final List<double[]> grads;
        private long t;

        Steps(Optimizer optimizer, List<double[]> params, List<double[]> grads) {
            this.optimizer = optimizer;
            this.params = params;
            this.grads = grads;
        }

        void step() {
            optimizer.step(params, grads, ++t);
        }
    }

    /** Loss and accuracy on the whole dataset, in chunks of the batch capacity. */
    private CurvePoint evaluate(Network net, Dataset data, int pass, List<CurvePoint> curve) {
        Batch batch = net.batch();
        double crossEntropy = 0;
        int correct = 0;
        for (int from = 0; from < data.size(); from += batch.capacity()) {
            int count = Math.min(batch.capacity(), data.size() - from);
            batch.load(data, null, from, count);
            net.forward();
            crossEntropy += net.totalCrossEntropy();
            correct += net.correct();
        }
        return add(pass, data, crossEntropy, correct, net, curve);
    }

    /** Records the loaded full batch's loss: the forward pass has just run. */
    private CurvePoint record(Network net, Dataset data, int pass, List<CurvePoint> curve) {
        return add(pass, data, net.totalCrossEntropy(), net.correct(), net, curve);
    }

    private CurvePoint add(int pass, Dataset data, double crossEntropy, int correct, Network net, List<CurvePoint> curve) {
        double loss = (crossEntropy + config.regLambda() / 2 * net.sumOfSquaredWeights()) / data.size();
        if (!net.parametersFinite()) {
            loss = Double.NaN;
        }
        CurvePoint point = new CurvePoint(pass, loss, (double) correct / data.size());
        curve.add(point);
        listener.recorded(point, config.passes());
        return point;
    }
}
