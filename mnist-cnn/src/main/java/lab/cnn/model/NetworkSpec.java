package lab.cnn.model;

/**
 * Everything that shapes the Deep-MNIST network and its optimiser: the cnn experiment's
 * settings minus data and schedule.
 *
 * @param activation   function after each conv and the fc layer
 * @param leakyAlpha   slope of leakyrelu for x < 0
 * @param maxoutPieces k of maxout: each maxout layer keeps the largest of k linear units
 * @param weightInit   initial weights (and biases, for truncnormal)
 * @param updater      optimiser
 * @param learningRate its step size
 * @param momentum     Nesterov momentum (updater momentum only)
 * @param dropoutKeep  probability of keeping an fc unit during training (TF's keep_prob)
 * @param fcWidth      units of the fully connected layer (1024 in the assignment)
 * @param seed         weight initialisation and dropout masks
 */
public record NetworkSpec(CnnActivation activation, double leakyAlpha, int maxoutPieces, WeightInitKind weightInit,
                          UpdaterKind updater, double learningRate, double momentum, double dropoutKeep, int fcWidth,
                          long seed) {

    /** The assignment's baseline: ReLU, Xavier, Adam 1e-4, keep 0.5, fc 1024. */
    public static NetworkSpec baseline(long seed) {
        return new NetworkSpec(CnnActivation.RELU, 0.01, 2, WeightInitKind.XAVIER, UpdaterKind.ADAM, 1e-4, 0.9, 0.5,
                1024, seed);
    }

    // Copies with one setting changed: call sites name what they change instead of passing ten values by position.

    public NetworkSpec withActivation(CnnActivation activation) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withLeakyAlpha(double leakyAlpha) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withMaxoutPieces(int maxoutPieces) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withWeightInit(WeightInitKind weightInit) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withUpdater(UpdaterKind updater) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withLearningRate(double learningRate) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withMomentum(double momentum) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withDropoutKeep(double dropoutKeep) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withFcWidth(int fcWidth) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    public NetworkSpec withSeed(long seed) {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }
}
