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
    private final List<PassListener> passListeners;

    public Trainer(TrainingConfig config, Listener listener) {
        this(config, listener, List.of());
    }

    /** @param passListeners see {@link PassListener}; none costs one int compare per pass */
    public Trainer(TrainingConfig config, Listener listener, List<PassListener> passListeners) {
        this.config = config;
        this.listener = listener == null ? (p, t) -> { } : listener;
        for (PassListener l : passListeners) {
            if (l.every() <= 0) {
                throw new IllegalArgumentException("PassListener.every() must be > 0, got " + l.every());
            }
        }
        this.passListeners = List.copyOf(passListeners);
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
        Watch watch = new Watch(passListeners, config.passes());
        long start = System.nanoTime();
        List<CurvePoint> curve = new ArrayList<>(config.passes() / config.recordEvery() + 2);
        int diverged = config.fullBatch() ? fullBatch(net, data, curve, steps, watch)
                : miniBatch(net, data, curve, steps, watch);
        double seconds = (System.nanoTime() - start - watch.nanos) / 1e9;
        CurvePoint last = curve.get(curve.size() - 1);
        CurvePoint best = Divergence.best(curve);
        String divergence = Divergence.judge(curve);
        return new TrainingResult(last.loss(), last.accuracy(), seconds, divergence != null, divergence, diverged,
                diverged >= 0 ? diverged : config.passes(), best.loss(), best.pass(), Instability.judge(curve),
                List.copyOf(curve));
    }

    /** Returns the pass at which the loss stopped being finite, or -1. */
    private int fullBatch(Network net, Dataset data, List<CurvePoint> curve, Steps steps, Watch watch) {
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
            CurvePoint point = null;
            if (record || !Double.isFinite(net.logits()[0])) {
                point = record(net, data, pass, curve);
                if (!Double.isFinite(point.loss())) {
                    return pass;
                }
            }
            if (pass == watch.next) {
                watch.fireAndRestore(pass, point != null ? point : measure(net, data, pass), net, data);
            }
            net.backward(scale, config.regLambda());
            steps.step();
        }
        net.forward();
        CurvePoint last = record(net, data, config.passes(), curve);
        if (!Double.isFinite(last.loss())) {
            return config.passes();
        }
        watch.fire(config.passes(), last, net, data);
        return -1;
    }

    private int miniBatch(Network net, Dataset data, List<CurvePoint> curve, Steps steps, Watch watch) {
        Batch batch = net.batch();
        int n = data.size();
        int size = Math.min(config.batchSize(), batch.capacity());
        int[] order = Permutations.identity(n);
        Random random = new Random(config.shuffleSeed());
        for (int epoch = 0; epoch < config.passes(); epoch++) {
            CurvePoint point = null;
            if (epoch % config.recordEvery() == 0) {
                point = evaluate(net, data, epoch, curve);
                if (!Double.isFinite(point.loss())) {
                    return epoch;
                }
            }
            if (epoch == watch.next) {
                // Every mini-batch loads its own samples, so nothing needs restoring afterwards.
                watch.fire(epoch, point != null ? point : measureAll(net, data, epoch), net, data);
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
        if (!Double.isFinite(last.loss())) {
            return config.passes();
        }
        watch.fire(config.passes(), last, net, data);
        return -1;
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

    /** Loss and accuracy on the whole dataset, recorded on the curve. */
    private CurvePoint evaluate(Network net, Dataset data, int pass, List<CurvePoint> curve) {
        CurvePoint point = measureAll(net, data, pass);
        curve.add(point);
        listener.recorded(point, config.passes());
        return point;
    }

    /** Loss and accuracy on the whole dataset, in chunks of the batch capacity (not recorded). */
    private CurvePoint measureAll(Network net, Dataset data, int pass) {
        Score.Sums sums = Score.Sums.of(net, data);
        return point(pass, data, sums.crossEntropy(), sums.correct(), net);
    }

    /** Records the loaded full batch's loss: the forward pass has just run. */
    private CurvePoint record(Network net, Dataset data, int pass, List<CurvePoint> curve) {
        CurvePoint point = measure(net, data, pass);
        curve.add(point);
        listener.recorded(point, config.passes());
        return point;
    }

    /** The loaded full batch's loss, not recorded (reads the logits only). */
    private CurvePoint measure(Network net, Dataset data, int pass) {
        return point(pass, data, net.totalCrossEntropy(), net.correct(), net);
    }

    private CurvePoint point(int pass, Dataset data, double crossEntropy, int correct, Network net) {
        double loss = (crossEntropy + config.regLambda() / 2 * net.sumOfSquaredWeights()) / data.size();
        if (!net.parametersFinite()) {
            loss = Double.NaN;
        }
        return new CurvePoint(pass, loss, (double) correct / data.size());
    }

    /**
     * The pass listeners of one run: the next pass any of them wants ({@code next}, compared once
     * per pass) and the time they took, which is left out of train_seconds.
     */
    private static final class Watch {
        private final List<PassListener> listeners;
        private final int total;
        int next;
        long nanos;

        Watch(List<PassListener> listeners, int total) {
            this.listeners = listeners;
            this.total = total;
            this.next = listeners.isEmpty() ? -1 : 0;
        }

        void fire(int pass, CurvePoint point, Network net, Dataset data) {
            if (listeners.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            PassEvent event = new PassEvent(pass, total, point.loss(), point.accuracy(), net, data);
            int following = Integer.MAX_VALUE;
            for (PassListener l : listeners) {
                if (pass % l.every() == 0 || pass == total) {
                    l.onPass(event);
                }
                following = Math.min(following, (pass / l.every() + 1) * l.every());
            }
            next = following;
            nanos += System.nanoTime() - start;
        }

        /**
         * For full batch, where the data stays loaded across passes: the listener may have used
         * the batch, so the data is reloaded and this pass's forward redone (same bits).
         */
        void fireAndRestore(int pass, CurvePoint point, Network net, Dataset data) {
            fire(pass, point, net, data);
            long start = System.nanoTime();
            net.batch().load(data, null, 0, data.size());
            net.forward();
            nanos += System.nanoTime() - start;
        }
    }
}
