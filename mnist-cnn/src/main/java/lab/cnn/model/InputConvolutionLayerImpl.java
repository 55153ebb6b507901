package lab.cnn.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runtime layer of {@link InputConvolutionLayer}: DL4J's {@link ConvolutionLayer} (forward pass,
 * oneDNN helper, parameters, CacheMode) with a backprop that computes the weight and bias
 * gradients only, and returns {@code null} as the gradient with respect to the input.
 *
 * <p>Backprop, for NCHW [mb, iC, h, w] input (NHWC is permuted first, as DL4J does), K =
 * iC*kH*kW, P = oH*oW, N = mb*P:
 * <ol>
 *   <li>z = the pre-activation from DL4J's own {@code preOutput4d(true, true)}: the cached one
 *       under a CacheMode (DeepMnistNetwork sets DEVICE), else the forward again (oneDNN helper,
 *       or im2col + gemm), exactly as DL4J's backprop gets it; delta = activation.backprop(z,
 *       epsilon), DL4J's call;</li>
 *   <li>plain path (no helper: oneDNN off, non-float, or a helper that failed): the forward's
 *       im2col [N, K] comes with z, and dL/dW is DL4J's own gemm im2col^T x delta2d^T into the
 *       gradient view "W" ([oC, iC, kH, kW], 'c'); dL/db = delta2d summed over N: DL4J's plain
 *       backprop minus its w2d x delta2d and col2im;</li>
 *   <li>helper path: the helper's forward built no im2col, so {@link #im2col} builds [mb, K, P]
 *       from kH*kW strided copies; dL/dW = sum over the batch of delta[b] [oC, P] x col[b]^T (one
 *       batched matmul, [mb, oC, K], then a sum into view "W"); dL/db = delta [mb*oC, P] x ones
 *       (a gemv) summed over the batch into view "b". This replaces the helper's libnd4j
 *       {@code conv2d_bp}, i.e. oneDNN {@code convolution backward_data} (the unused input
 *       gradient) and {@code backward_weights} with their layout reorders.</li>
 * </ol>
 * For Deep-MNIST's conv1 (batch 50, 1 thread) that took conv1's backprop from 12.1 to 6.1 ms on
 * the AVX-512 oneDNN build and from 17.2 to 7.6 ms on the AVX2 one (oneDNN's AVX2
 * backward_weights alone is ~9 ms for 1 input channel), and the weight gradient came out closer
 * to a double-precision computation (3.6e-7 against 7.6e-6 of the largest magnitude).
 */
public class InputConvolutionLayerImpl extends ConvolutionLayer {

    public InputConvolutionLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer lc = layerConf();
        INDArray weights = getParamWithNoise("W", true, workspaceMgr);
        INDArray input = this.input.castTo(dataType);
        if (epsilon.dataType() != dataType) {
            epsilon = epsilon.castTo(dataType);
        }
        boolean nchw = lc.getCnn2dDataFormat() == CNN2DFormat.NCHW;
        if (!nchw) {
            input = input.permute(0, 3, 1, 2);
            epsilon = epsilon.permute(0, 3, 1, 2);
        }
        long miniBatch = input.size(0);
        int inH = (int) input.size(2);
        int inW = (int) input.size(3);
        long outDepth = weights.size(0);
        long inDepth = weights.size(1);
        int kH = (int) weights.size(2);
        int kW = (int) weights.size(3);
        int[] dilation = lc.getDilation();
        int[] kernel = lc.getKernelSize();
        int[] strides = lc.getStride();
        int[] pad;
        int[] outSize;
        if (convolutionMode == ConvolutionMode.Same) {
            outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, null, convolutionMode, dilation,
                    CNN2DFormat.NCHW);
            pad = ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {inH, inW}, kernel, strides, dilation);
        } else {
            pad = lc.getPadding();
            outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, pad, convolutionMode, dilation,
                    CNN2DFormat.NCHW);
        }
        int outH = outSize[0];
        int outW = outSize[1];

        IActivation afn = lc.getActivationFn();
        Pair<INDArray, INDArray> p = preOutput4d(true, true, workspaceMgr);
        INDArray z = p.getFirst();
        if (!nchw) {
            z = z.permute(0, 3, 1, 2);
        }
        INDArray delta = afn.backprop(z, epsilon).getFirst();

        INDArray weightGradView = gradientViews.get("W");
        INDArray biasGradView = lc.hasBias() ? gradientViews.get("b") : null;
        long k = inDepth * kH * kW;
        INDArray im2col2d = p.getSecond();
        if (im2col2d != null) {
            // Plain path: the forward just built im2col [N, K]; DL4J's own gemm. delta is usually
            // z's storage, an 'f' [N, oC] array, so the channel-major [oC, N] below is no copy.
            INDArray delta2d = delta.permute(1, 0, 2, 3).reshape('c', outDepth, miniBatch * outH * outW);
            INDArray weightGradView2df = Shape.newShapeNoCopy(weightGradView, new long[] {outDepth, k}, false)
                    .transpose();
            Nd4j.gemm(im2col2d, delta2d, weightGradView2df, true, true, 1.0, 0.0);
            if (biasGradView != null) {
                delta2d.sum(biasGradView, 1);
            }
        } else {
            // Helper path: im2col [mb, K, P] by kH*kW strided copies, then per example
            // delta[b] [oC, P] x col[b]^T [P, K] (one batched matmul) and the sum over the batch.
            long spatial = (long) outH * outW;
            INDArray col = im2col(input, workspaceMgr, miniBatch, inDepth, inH, inW, kH, kW, outH, outW, strides,
                    pad, dilation);
            INDArray delta3d = delta.reshape('c', miniBatch, outDepth, spatial);
            INDArray perExample = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                    new long[] {miniBatch, outDepth, k}, 'c');
            Nd4j.matmul(delta3d, col.reshape('c', miniBatch, k, spatial), perExample, false, true, false);
            perExample.sum(Shape.newShapeNoCopy(weightGradView, new long[] {outDepth, k}, false), 0);
            if (biasGradView != null) {
                // per (example, channel) sums as one gemv with a ones vector, then over the batch:
                // 0.5 ms here against 0.7 for delta.sum(0, 2, 3)
                INDArray ones = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                        new long[] {spatial, 1}, 'c').assign(1);
                INDArray perChannel = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                        new long[] {miniBatch * outDepth, 1}, 'c');
                Nd4j.gemm(delta3d.reshape('c', miniBatch * outDepth, spatial), ones, perChannel, false, false, 1.0,
                        0.0);
                perChannel.reshape('c', miniBatch, outDepth).sum(biasGradView, 0);
            }
        }

        DefaultGradient gradient = new DefaultGradient();
        if (biasGradView != null) {
            gradient.setGradientFor("b", biasGradView);
        }
        gradient.setGradientFor("W", weightGradView, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }

    /**
     * [mb, iC, kH, kW, oH, oW], 'c': element (b, c, i, j, y, x) = input (b, c, y*sH + i*dH - padTop,
     * x*sW + j*dW - padLeft), 0 outside the input. Built as kH*kW strided copies of a zero-padded
     * input, each a plain assign: for conv1 (batch 50) 1.1 ms where libnd4j's im2col op took
     * 11-15 ms.
     */
    static INDArray im2col(INDArray input, LayerWorkspaceMgr mgr, long mb, long inDepth, int inH, int inW,
            int kH, int kW, int outH, int outW, int[] strides, int[] pad, int[] dilation) {
        DataType type = input.dataType();
        // the rows and columns the kernel windows reach, from -padTop / -padLeft
        long spanH = (long) (outH - 1) * strides[0] + (long) (kH - 1) * dilation[0] + 1;
        long spanW = (long) (outW - 1) * strides[1] + (long) (kW - 1) * dilation[1] + 1;
        long rows = Math.min(inH, spanH - pad[0]);
        long cols = Math.min(inW, spanW - pad[1]);
        INDArray source;
        if (pad[0] == 0 && pad[1] == 0 && rows == spanH && cols == spanW) {
            source = input;
        } else {
            source = mgr.create(ArrayType.BP_WORKING_MEM, type, new long[] {mb, inDepth, spanH, spanW}, 'c');
            source.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(pad[0], pad[0] + rows),
                    NDArrayIndex.interval(pad[1], pad[1] + cols)).assign(input.get(NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.interval(0, rows), NDArrayIndex.interval(0, cols)));
        }
        INDArray col = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, type,
                new long[] {mb, inDepth, kH, kW, outH, outW}, 'c');
        for (int i = 0; i < kH; i++) {
            for (int j = 0; j < kW; j++) {
                long top = (long) i * dilation[0];
                long left = (long) j * dilation[1];
                col.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.point(j))
                        .assign(source.get(NDArrayIndex.all(), NDArrayIndex.all(),
                                NDArrayIndex.interval(top, strides[0], top + (long) (outH - 1) * strides[0] + 1, false),
                                NDArrayIndex.interval(left, strides[1], left + (long) (outW - 1) * strides[1] + 1,
                                        false)));
            }
        }
        return col;
    }
}
