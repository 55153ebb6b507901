package lab.cnn.model.maxout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The maxout Deep-MNIST shape in FLOAT: conv5x5x64 -> maxout 2 -> pool -> conv5x5x128 -> maxout 2
 * -> pool -> fc2048 -> maxout 2 -> dropout 0.5 -> softmax 10. Timings are printed, not asserted.
 */
class MaxoutRealShapeTest {

    @BeforeEach
    void floatPrecision() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void oneFitOnARandomBatchGivesAFiniteScore() {
        MultiLayerNetwork net = net(true, 64, 128, 2048);
        INDArray[] batch = randomBatch(8);
        long start = System.nanoTime();
        net.fit(batch[0], batch[1]);
        System.out.printf("maxout net: first fit (batch 8) %.0f ms, score %.4f%n",
                (System.nanoTime() - start) / 1e6, net.score());
        assertTrue(Double.isFinite(net.score()), "score " + net.score());
        assertArrayEquals(new long[] {8, 10}, net.output(batch[0]).shape());
    }

    /**
     * Opt-in ({@code -Dmaxout.bench=true}). The nets take turns, one fit each per round, and the
     * median and minimum are printed, so load from other processes hits all of them alike.
     */
    @Test
    @EnabledIfSystemProperty(named = "maxout.bench", matches = "true")
    void timePerIterationVersusRelu() {
        String[] names = {"maxout 64/128/2048", "relu   64/128/2048", "relu   32/64/1024 "};
        for (int batch : new int[] {8, 50}) {
            MultiLayerNetwork[] nets = {net(true, 64, 128, 2048), net(false, 64, 128, 2048),
                net(false, 32, 64, 1024)};
            INDArray[] data = randomBatch(batch);
            int rounds = 15;
            double[][] ms = new double[nets.length][rounds];
            for (int r = -2; r < rounds; r++) { // two warm-up rounds
                for (int n = 0; n < nets.length; n++) {
                    long start = System.nanoTime();
                    nets[n].fit(data[0], data[1]);
                    if (r >= 0) {
                        ms[n][r] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            for (int n = 0; n < nets.length; n++) {
                Arrays.sort(ms[n]);
                double median = ms[n][rounds / 2];
                System.out.printf("%s batch %2d: median %6.1f ms/iter (%3.0f img/s), min %6.1f%n",
                        names[n], batch, median, batch * 1000 / median, ms[n][0]);
            }
        }
    }

    /**
     * With maxout, each conv/dense layer is linear and widths are pre-maxout (twice the units);
     * without it, ReLU is the layer activation.
     */
    static MultiLayerNetwork net(boolean maxout, int conv1, int conv2, int dense) {
        Activation act = maxout ? Activation.IDENTITY : Activation.RELU;
        var list = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-4))
                .convolutionMode(ConvolutionMode.Same)
                .list();
        list.layer(new ConvolutionLayer.Builder(5, 5).nOut(conv1).activation(act).build());
        if (maxout) {
            list.layer(new MaxoutLayer(2));
        }
        list.layer(maxPool());
        list.layer(new ConvolutionLayer.Builder(5, 5).nOut(conv2).activation(act).build());
        if (maxout) {
            list.layer(new MaxoutLayer(2));
        }
        list.layer(maxPool());
        list.layer(new DenseLayer.Builder().nOut(dense).activation(act).build());
        if (maxout) {
            list.layer(new MaxoutLayer(2));
        }
        list.layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .nOut(10).dropOut(0.5).build());
        MultiLayerNetwork net = new MultiLayerNetwork(
                list.setInputType(InputType.convolutionalFlat(28, 28, 1)).build());
        net.init();
        return net;
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).build();
    }

    private static INDArray[] randomBatch(int n) {
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 7) % 10, 1f);
        }
        return new INDArray[] {x, y};
    }
}
