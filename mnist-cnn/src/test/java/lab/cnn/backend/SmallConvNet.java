package lab.cnn.backend;

import lab.cnn.model.SeededDropout;
import lab.cnn.model.maxout.MaxoutLayer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small network of DL4J's own conv and pool layers (which take oneDNN helpers), a dense layer
 * with the project's seeded dropout, a custom (Java) maxout layer and a softmax output, on 28x28
 * images: independent of DeepMnistNetwork's current layer choices.
 */
public final class SmallConvNet {
    private SmallConvNet() {
    }

    /** Layer names, in order. */
    public static final String[] NAMES = {"conv1", "pool1", "conv2", "pool2", "fc1", "fc1-maxout", "output"};

    public static MultiLayerNetwork create() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(8).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).name("conv1").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .name("pool1").build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(8).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).name("conv2").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .name("pool2").build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.IDENTITY)
                        .dropOut(new SeededDropout(0.5, 7)).name("fc1").build())
                .layer(new MaxoutLayer.Builder(2).name("fc1-maxout").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).name("output").build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** {@code n} images of seeded noise with one-hot labels. */
    public static DataSet batch(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] pixels = new float[n * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        float[] labels = new float[n * 10];
        for (int r = 0; r < n; r++) {
            labels[r * 10 + random.nextInt(10)] = 1f;
        }
        return new DataSet(Nd4j.create(pixels, new long[] {n, 784}, 'c'), Nd4j.create(labels, new long[] {n, 10}, 'c'));
    }
}
