package lab.cnn.model.pool;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The loops of 2x2 / stride-2 max pooling over c-order NCHW float data held in direct buffers
 * (ND4J's off-heap arrays). Each window's gradient goes to its first largest value in row-major
 * order, as libnd4j's own pooling does; a window's four input gradients are all written (the one
 * maximum gets the gradient, the rest zero), so the gradient array needs no clearing first.
 */
final class MaxPool2x2Kernels {
    /** Below this many output values per plane batch, threads cost more than they save. */
    private static final int PARALLEL_MIN = 1 << 15;

    private MaxPool2x2Kernels() {
    }

    /** out[p][i][j] = max of in[p][2i..2i+1][2j..2j+1], for planes = mb x channels. */
    static void forward(FloatBuffer in, FloatBuffer out, int planes, int height, int width, int threads) {
        int outH = height / 2;
        int outW = width / 2;
        planes(planes, outH * outW, threads, p -> {
            int inPlane = p * height * width;
            int outAt = p * outH * outW;
            for (int i = 0; i < outH; i++) {
                int top = inPlane + 2 * i * width;
                int bottom = top + width;
                for (int j = 0; j < outW; j++, outAt++) {
                    float a = in.get(top + 2 * j);
                    float b = in.get(top + 2 * j + 1);
                    float c = in.get(bottom + 2 * j);
                    float d = in.get(bottom + 2 * j + 1);
                    out.put(outAt, Math.max(Math.max(a, b), Math.max(c, d)));
                }
            }
        });
    }

    /** gradIn gets each window's gradient at its first maximum, zero elsewhere. */
    static void backward(FloatBuffer in, FloatBuffer gradOut, FloatBuffer gradIn, int planes, int height, int width,
                         int threads) {
        int outH = height / 2;
        int outW = width / 2;
        planes(planes, outH * outW, threads, p -> {
            int inPlane = p * height * width;
            int outAt = p * outH * outW;
            for (int i = 0; i < outH; i++) {
                int top = inPlane + 2 * i * width;
                int bottom = top + width;
                for (int j = 0; j < outW; j++, outAt++) {
                    int ia = top + 2 * j;
                    int ic = bottom + 2 * j;
                    float a = in.get(ia);
                    float b = in.get(ia + 1);
                    float c = in.get(ic);
                    float d = in.get(ic + 1);
                    float g = gradOut.get(outAt);
                    // first maximum in row-major order: a, b, c, d
                    int k = 0;
                    float m = a;
                    if (b > m) {
                        k = 1;
                        m = b;
                    }
                    if (c > m) {
                        k = 2;
                        m = c;
                    }
                    if (d > m) {
                        k = 3;
                    }
                    gradIn.put(ia, k == 0 ? g : 0f);
                    gradIn.put(ia + 1, k == 1 ? g : 0f);
                    gradIn.put(ic, k == 2 ? g : 0f);
                    gradIn.put(ic + 1, k == 3 ? g : 0f);
                }
            }
        });
    }

    /** {@link #forward(FloatBuffer, FloatBuffer, int, int, int, int)} in double precision (gradient checks). */
    static void forward(DoubleBuffer in, DoubleBuffer out, int planes, int height, int width, int threads) {
        int outH = height / 2;
        int outW = width / 2;
        planes(planes, outH * outW, threads, p -> {
            int inPlane = p * height * width;
            int outAt = p * outH * outW;
            for (int i = 0; i < outH; i++) {
                int top = inPlane + 2 * i * width;
                int bottom = top + width;
                for (int j = 0; j < outW; j++, outAt++) {
                    double a = in.get(top + 2 * j);
                    double b = in.get(top + 2 * j + 1);
                    double c = in.get(bottom + 2 * j);
                    double d = in.get(bottom + 2 * j + 1);
                    out.put(outAt, Math.max(Math.max(a, b), Math.max(c, d)));
                }
            }
        });
    }

    /** The backward pass in double precision (gradient checks). */
    static void backward(DoubleBuffer in, DoubleBuffer gradOut, DoubleBuffer gradIn, int planes, int height, int width,
                         int threads) {
        int outH = height / 2;
        int outW = width / 2;
        planes(planes, outH * outW, threads, p -> {
            int inPlane = p * height * width;
            int outAt = p * outH * outW;
            for (int i = 0; i < outH; i++) {
                int top = inPlane + 2 * i * width;
                int bottom = top + width;
                for (int j = 0; j < outW; j++, outAt++) {
                    int ia = top + 2 * j;
                    int ic = bottom + 2 * j;
                    double a = in.get(ia);
                    double b = in.get(ia + 1);
                    double c = in.get(ic);
                    double d = in.get(ic + 1);
                    double g = gradOut.get(outAt);
                    // first maximum in row-major order: a, b, c, d
                    int k = 0;
                    double m = a;
                    if (b > m) {
                        k = 1;
                        m = b;
                    }
                    if (c > m) {
                        k = 2;
                        m = c;
                    }
                    if (d > m) {
                        k = 3;
                    }
                    gradIn.put(ia, k == 0 ? g : 0d);
                    gradIn.put(ia + 1, k == 1 ? g : 0d);
                    gradIn.put(ic, k == 2 ? g : 0d);
                    gradIn.put(ic + 1, k == 3 ? g : 0d);
                }
            }
        });
    }

    private interface PlaneLoop {
        void run(int plane);
    }

    /** Runs the planes in order on one thread, or split into contiguous ranges on several. */
    private static void planes(int planes, int perPlane, int threads, PlaneLoop loop) {
        if (threads <= 1 || (long) planes * perPlane < PARALLEL_MIN) {
            for (int p = 0; p < planes; p++) {
                loop.run(p);
            }
            return;
        }
        int chunks = Math.min(threads, planes);
        IntStream.range(0, chunks).parallel().forEach(t -> {
            int from = (int) ((long) planes * t / chunks);
            int to = (int) ((long) planes * (t + 1) / chunks);
            for (int p = from; p < to; p++) {
                loop.run(p);
            }
        });
    }
}
