package lab.mlp.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;
import lab.mlp.model.Activation;
import lab.mlp.optimizer.OptimizerSpec;
import lab.mlp.optimizer.Sgd;
import lab.mlp.train.GradientScale;
import lab.mlp.train.TrainingConfig;

/**
 * {@code kind: mlp}: one network trained on one dataset. Missing keys take the assignment's
 * defaults (moons 200 points noise 0.2, tanh, epsilon 0.01, reg_lambda 0.01, 20,000 full-batch
 * passes, summed gradient, seed 0).
 *
 * @param layers      all layer sizes, input first and classes last, e.g. [2, 3, 2]
 * @param network     three-layer (the assignment's code, exactly one hidden layer) or n-layer
 * @param gradient    sum (the assignment's: no 1/N) or mean
 * @param batchSize   0 = full batch (default); otherwise mini-batch SGD and passes count epochs
 * @param recordEvery loss/accuracy recorded every this many passes
 * @param epsilon     plain SGD's learning rate (the assignment's key); null when {@code optimizer} is given
 * @param optimizer   another update rule, e.g. {type: adam, learning_rate: 0.01}; null means SGD at
 *                    epsilon. Both are left out of the metrics.json echo when null, so runs that
 *                    do not use them echo exactly what they did before.
 * @param framesEvery a decision-boundary frame every this many passes, written as boundary.gif
 *                    (2-feature data only); 0 = none; default passes / 20
 */
public record MlpExperiment(String description, DatasetSpec dataset, List<Integer> layers, NetworkType network,
                            Activation activation, Double leakyAlpha, @JsonInclude(JsonInclude.Include.NON_NULL) Double epsilon,
                            Double regLambda, Integer passes, Long seed, GradientScale gradient, Integer batchSize,
                            Integer recordEvery, @JsonInclude(JsonInclude.Include.NON_NULL) OptimizerSpec optimizer,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer framesEvery)
        implements ExperimentSpec {

    public MlpExperiment {
        description = description == null ? "" : description;
        dataset = dataset == null ? DatasetSpec.defaultMoons() : dataset;
        layers = Check.nonEmpty("layers", layers);
        if (layers.size() < 2) {
            throw new InvalidValue("layers", "needs at least an input and an output size, e.g. [2, 3, 2]");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) <= 0) {
                throw new InvalidValue("layers", "sizes must be > 0, got " + layers.get(i) + " at position " + i);
            }
        }
        network = network == null ? NetworkType.N_LAYER : network;
        if (network == NetworkType.THREE_LAYER && layers.size() != 3) {
            throw new InvalidValue("network", "three-layer needs exactly 3 layer sizes, got " + layers);
        }
        activation = activation == null ? Activation.TANH : activation;
        if (leakyAlpha != null && activation != Activation.LEAKY_RELU) {
            throw new InvalidValue("leaky_alpha", "only applies to activation leaky-relu");
        }
        leakyAlpha = Check.nonNegative("leaky_alpha", leakyAlpha, Activation.DEFAULT_LEAKY_ALPHA);
        if (optimizer != null && epsilon != null) {
            throw new InvalidValue("epsilon", "is plain SGD's learning rate; with optimizer: set its learning_rate instead");
        }
        epsilon = optimizer != null ? null : Check.positive("epsilon", epsilon, 0.01);
        regLambda = Check.nonNegative("reg_lambda", regLambda, 0.01);
        passes = Check.positive("passes", passes, 20_000);
        seed = seed == null ? 0L : seed;
        gradient = gradient == null ? GradientScale.SUM : gradient;
        batchSize = batchSize == null ? 0 : batchSize;
        if (batchSize < 0) {
            throw new InvalidValue("batch_size", "must be >= 0 (0 = full batch), got " + batchSize);
        }
        recordEvery = Check.positive("record_every", recordEvery, batchSize == 0 ? 100 : 1);
        if (framesEvery != null && framesEvery < 0) {
            throw new InvalidValue("frames_every", "must be >= 0 (0 = no boundary.gif), got " + framesEvery);
        }
    }

    /** This experiment with other layer sizes on the given network type. */
    public MlpExperiment withLayers(List<Integer> newLayers, NetworkType newNetwork) {
        return new MlpExperiment(description, dataset, newLayers, newNetwork, activation, ownLeakyAlpha(activation),
                epsilon, regLambda, passes, seed, gradient, batchSize, recordEvery, optimizer, framesEvery);
    }

    /** This experiment with another activation (leaky_alpha kept only for leaky-relu). */
    public MlpExperiment withActivation(Activation newActivation) {
        return new MlpExperiment(description, dataset, layers, network, newActivation, ownLeakyAlpha(newActivation),
                epsilon, regLambda, passes, seed, gradient, batchSize, recordEvery, optimizer, framesEvery);
    }

    public MlpExperiment withRegLambda(double newRegLambda) {
        return new MlpExperiment(description, dataset, layers, network, activation, ownLeakyAlpha(activation),
                epsilon, newRegLambda, passes, seed, gradient, batchSize, recordEvery, optimizer, framesEvery);
    }

    public MlpExperiment withPasses(int newPasses) {
        return new MlpExperiment(description, dataset, layers, network, activation, ownLeakyAlpha(activation),
                epsilon, regLambda, newPasses, seed, gradient, batchSize, recordEvery, optimizer, framesEvery);
    }

    /** This experiment with its optimizer's learning rate changed (plain SGD's epsilon without optimizer:). */
    public MlpExperiment withLearningRate(double rate) {
        return new MlpExperiment(description, dataset, layers, network, activation, ownLeakyAlpha(activation),
                optimizer == null ? rate : null, regLambda, passes, seed, gradient, batchSize, recordEvery,
                optimizer == null ? null : optimizer.withLearningRate(rate), framesEvery);
    }

    public MlpExperiment withFramesEvery(Integer newFramesEvery) {
        return new MlpExperiment(description, dataset, layers, network, activation, ownLeakyAlpha(activation),
                epsilon, regLambda, passes, seed, gradient, batchSize, recordEvery, optimizer, newFramesEvery);
    }

    /** leaky_alpha only applies to leaky-relu: a copy with another activation must not carry it. */
    private Double ownLeakyAlpha(Activation forActivation) {
        return forActivation == Activation.LEAKY_RELU ? leakyAlpha : null;
    }

    /** Passes between boundary frames: frames_every, or 21 frames over the run when it is not set; 0 = none. */
    public int framesEveryOrDefault() {
        return framesEvery != null ? framesEvery : Math.max(1, passes / 20);
    }

    public int[] layerSizes() {
        return layers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The optimizer this run uses: the given one, or plain SGD at epsilon. */
    public OptimizerSpec effectiveOptimizer() {
        return optimizer != null ? optimizer : new Sgd(epsilon);
    }

    public TrainingConfig trainingConfig() {
        return new TrainingConfig(effectiveOptimizer(), regLambda, passes, gradient, batchSize, seed, recordEvery);
    }

    /** "tanh [2, 3, 2] eps=0.01 λ=0.01", or with an optimizer "tanh [2, 3, 2] adam lr=0.01 λ=0.01". */
    public String shortConfig() {
        String act = activation == Activation.LEAKY_RELU ? activation + "(" + leakyAlpha + ")" : activation.toString();
        String step = optimizer == null ? "eps=" + epsilon : optimizer.describe();
        return act + " " + layers + " " + step + " λ=" + regLambda
                + (batchSize > 0 ? " batch=" + batchSize : "") + (gradient == GradientScale.MEAN ? " mean-grad" : "");
    }
}
