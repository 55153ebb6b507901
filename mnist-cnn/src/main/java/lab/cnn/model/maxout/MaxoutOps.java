package lab.cnn.model.maxout;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The array math of maxout on axis 1 of any array [mb, units*k, ...]: a c-order view
 * [mb, units, k, ...] whose k slices are combined elementwise. ND4J's reduce-max backprop over
 * the middle axis took ~1.2 s for a [50, 64, 28, 28] input here; these elementwise ops ~30 ms.
 */
final class MaxoutOps {

    private MaxoutOps() {
    }

    /** Shape of the maxout output: axis 1 divided by k. */
    static long[] outputShape(long[] inShape, int k) {
        if (inShape.length < 2 || inShape[1] % k != 0) {
            throw new IllegalArgumentException("maxout with k=" + k
                    + " needs axis 1 divisible by k; got input shape " + Arrays.toString(inShape));
        }
        long[] out = inShape.clone();
        out[1] = inShape[1] / k;
        return out;
    }

    /** Writes the group maxima of {@code in} into {@code out} (shape {@link #outputShape}). */
    static INDArray forward(INDArray in, int k, INDArray out) {
        INDArray grouped = grouped(in, k);
        out.assign(piece(grouped, 0));
        for (int j = 1; j < k; j++) {
            Nd4j.exec(new Max(out, piece(grouped, j), out));
        }
        return out;
    }

    /**
     * Writes dL/dIn into {@code gradIn} (c-order, shape of {@code in}): each group's incoming
     * gradient goes to its first maximal piece, every other piece gets zero.
     */
    static INDArray backward(INDArray in, INDArray epsOut, int k, INDArray gradIn) {
        INDArray grouped = grouped(in, k);
        INDArray maxima = forward(in, k, Nd4j.createUninitialized(in.dataType(),
                outputShape(in.shape(), k), 'c'));
        INDArray gradGrouped = gradIn.reshape('c', true, groupedShape(in.shape(), k));
        // "unrouted" still holds the gradient of every group whose max has not been met yet;
        // subtracting what a piece took leaves exact zeros, so later ties get nothing.
        INDArray unrouted = epsOut.dup('c');
        for (int j = 0; j < k; j++) {
            INDArray isMax = piece(grouped, j).eq(maxima).castTo(in.dataType());
            INDArray taken = piece(gradGrouped, j);
            unrouted.mul(isMax, taken);
            unrouted.subi(taken);
        }
        return gradIn;
    }

    private static INDArray grouped(INDArray in, int k) {
        return in.reshape('c', groupedShape(in.shape(), k));
    }

    /** [mb, units*k, rest...] -> [mb, units, k, rest...]. */
    private static long[] groupedShape(long[] inShape, int k) {
        long[] out = outputShape(inShape, k);
        long[] g = new long[inShape.length + 1];
        g[0] = out[0];
        g[1] = out[1];
        g[2] = k;
        System.arraycopy(inShape, 2, g, 3, inShape.length - 2);
        return g;
    }

    /** View of piece j of every group: shape [mb, units, rest...]. */
    private static INDArray piece(INDArray grouped, int j) {
        INDArrayIndex[] idx = new INDArrayIndex[grouped.rank()];
        Arrays.fill(idx, NDArrayIndex.all());
        idx[2] = NDArrayIndex.point(j);
        return grouped.get(idx);
    }
}
