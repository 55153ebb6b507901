package lab.mlp.train;

import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.model.Activation;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.model.ThreeLayerNetwork;

/**
 * Trains throwaway networks until the JIT has compiled the kernels. Vector API code runs
 * hundreds of times slower interpreted, so without this the first run of a JVM would time the
 * compiler, not the network, and its seconds could not be compared with the others.
 */
public final class JitWarmup {
    private static final int PASSES = 5_000;
    private static volatile boolean done;

    private JitWarmup() {
    }

    /** Runs once per JVM; returns the seconds it took (0 if already warm). */
    public static synchronized double ensure() {
        if (done) {
            return 0;
        }
        long start = System.nanoTime();
        Dataset data = ToyData.moons(64, 0.2, 1);
        TrainingConfig config = new TrainingConfig(0.01, 0.01, PASSES, GradientScale.SUM, 0, 0, PASSES);
        for (Activation f : Activation.values()) {
            new Trainer(config, null).train(new NLayerNetwork(new int[] {2, 6, 5, 2}, f, 0.01, data.size(), 0), data);
            new Trainer(config, null).train(new ThreeLayerNetwork(2, 5, 2, f, 0.01, data.size(), 0), data);
        }
        done = true;
        return (System.nanoTime() - start) / 1e9;
    }
}
