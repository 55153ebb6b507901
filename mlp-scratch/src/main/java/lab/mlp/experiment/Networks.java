package lab.mlp.experiment;

import lab.mlp.model.Network;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.model.ThreeLayerNetwork;

/** Builds the network an {@link MlpExperiment} describes, with buffers for {@code capacity} samples. */
public final class Networks {
    private Networks() {
    }

    public static Network create(MlpExperiment spec, int capacity) {
        int[] sizes = spec.layerSizes();
        return switch (spec.network()) {
            case THREE_LAYER -> new ThreeLayerNetwork(sizes[0], sizes[1], sizes[2], spec.activation(),
                    spec.leakyAlpha(), capacity, spec.seed());
            case N_LAYER -> new NLayerNetwork(sizes, spec.activation(), spec.leakyAlpha(), capacity, spec.seed());
        };
    }

    /** Samples per forward pass: the whole dataset for full batch, else the mini-batch size. */
    public static int capacity(MlpExperiment spec, int datasetSize) {
        return spec.batchSize() == 0 ? datasetSize : Math.min(spec.batchSize(), datasetSize);
    }
}
