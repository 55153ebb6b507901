package lab.cnn.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * A network configuration with layer 0 turned into DL4J's {@link ConvolutionLayer} or into an
 * {@link InputConvolutionLayer}, and its flat-input preprocessor into the matching one, every
 * other setting (weight init and its seed, activation, updater, names...) copied through DL4J's
 * own JSON. Works whichever of the two {@code DeepMnistNetwork} builds layer 0 with.
 */
final class FirstLayerSwap {
    private FirstLayerSwap() {
    }

    static MultiLayerConfiguration withDl4jLayer(MultiLayerConfiguration conf) {
        return swap(conf, ConvolutionLayer.class.getName(), FeedForwardToCnnPreProcessor.class.getName());
    }

    static MultiLayerConfiguration withInputLayer(MultiLayerConfiguration conf) {
        return swap(conf, InputConvolutionLayer.class.getName(), InputConvolutionPreProcessor.class.getName());
    }

    private static MultiLayerConfiguration swap(MultiLayerConfiguration conf, String layerClass, String preClass) {
        if (!(conf.getConf(0).getLayer() instanceof ConvolutionLayer)) {
            throw new IllegalArgumentException("layer 0 is not a convolution: " + conf.getConf(0).getLayer());
        }
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(conf.toJson());
            ObjectNode layer = (ObjectNode) root.get("confs").get(0).get("layer");
            layer.put("@class", layerClass);
            if (root.has("inputPreProcessors") && root.get("inputPreProcessors").has("0")) {
                ObjectNode pre = (ObjectNode) root.get("inputPreProcessors").get("0");
                if (pre.get("@class").asText().endsWith("FeedForwardToCnnPreProcessor")
                        || pre.get("@class").asText().equals(InputConvolutionPreProcessor.class.getName())) {
                    pre.put("@class", preClass);
                }
            }
            MultiLayerConfiguration swapped = MultiLayerConfiguration.fromJson(mapper.writeValueAsString(root));
            if (!swapped.getConf(0).getLayer().getClass().getName().equals(layerClass)) {
                throw new IllegalStateException("swap failed: " + swapped.getConf(0).getLayer().getClass());
            }
            return swapped;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
