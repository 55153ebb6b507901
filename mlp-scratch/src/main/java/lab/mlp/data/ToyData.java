package lab.mlp.data;

import java.util.Random;

/**
 * The 2-D toy datasets, with scikit-learn's geometry and a seeded generator. Points are
 * shuffled (as scikit-learn does by default) so that mini-batches see both classes.
 */
public final class ToyData {
    private ToyData() {
    }

    /**
     * Two interleaving half circles: outer (cos t, sin t), inner (1 - cos t, 1 - sin t - 0.5),
     * t evenly spaced in [0, pi], plus Gaussian noise with standard deviation {@code noise}.
     */
    public static Dataset moons(int n, double noise, long seed) {
        requirePositive(n);
        int nOut = n / 2;
        int nIn = n - nOut;
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < nOut; i++) {
            double t = linspace(i, nOut, Math.PI);
            x[2 * i] = Math.cos(t);
            x[2 * i + 1] = Math.sin(t);
        }
        for (int i = 0; i < nIn; i++) {
            double t = linspace(i, nIn, Math.PI);
            x[2 * (nOut + i)] = 1 - Math.cos(t);
            x[2 * (nOut + i) + 1] = 1 - Math.sin(t) - 0.5;
            y[nOut + i] = 1;
        }
        Random random = new Random(seed);
        addNoise(x, noise, random);
        shuffle(x, y, 2, random);
        return Dataset.of(String.format("moons n=%d noise=%s seed=%d", n, fmt(noise), seed), 2, x, y);
    }

    /**
     * Two concentric circles (scikit-learn's make_circles): the outer of radius 1, the inner of
     * radius {@code factor}; angles evenly spaced without the end point.
     */
    public static Dataset circles(int n, double noise, double factor, long seed) {
        requirePositive(n);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be between 0 and 1, got " + factor);
        }
        int nOut = n / 2;
        int nIn = n - nOut;
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < nOut; i++) {
            double t = 2 * Math.PI * i / nOut;
            x[2 * i] = Math.cos(t);
            x[2 * i + 1] = Math.sin(t);
        }
        for (int i = 0; i < nIn; i++) {
            double t = 2 * Math.PI * i / nIn;
            x[2 * (nOut + i)] = factor * Math.cos(t);
            x[2 * (nOut + i) + 1] = factor * Math.sin(t);
            y[nOut + i] = 1;
        }
        Random random = new Random(seed);
        addNoise(x, noise, random);
        shuffle(x, y, 2, random);
        return Dataset.of(String.format("circles n=%d noise=%s factor=%s seed=%d", n, fmt(noise), fmt(factor), seed),
                2, x, y);
    }

    /**
     * Isotropic Gaussian clusters (scikit-learn's make_blobs): centres drawn uniformly from the
     * box [-10, 10]^2, {@code n} points split as evenly as possible, standard deviation {@code std}.
     */
    public static Dataset blobs(int n, int centers, double std, long seed) {
        return blobs(n, centers, std, seed, null);
    }

    /**
     * More points around the same centres: centres from {@code seed} as above, points from
     * {@code pointSeed} (null: the same generator goes on, which is {@link #blobs(int, int, double, long)}).
     * A new seed alone would move the centres, so this is how blobs get held-out points.
     */
    public static Dataset blobs(int n, int centers, double std, long seed, Long pointSeed) {
        requirePositive(n);
        if (centers < 1 || centers > n) {
            throw new IllegalArgumentException("centers must be between 1 and n, got " + centers);
        }
        Random random = new Random(seed);
        double[][] c = new double[centers][2];
        for (double[] center : c) {
            center[0] = -10 + 20 * random.nextDouble();
            center[1] = -10 + 20 * random.nextDouble();
        }
        if (pointSeed != null) {
            random = new Random(pointSeed);
        }
        double[] x = new double[2 * n];
        int[] y = new int[n];
        int i = 0;
        for (int k = 0; k < centers; k++) {
            int count = n / centers + (k < n % centers ? 1 : 0);
            for (int j = 0; j < count; j++, i++) {
                x[2 * i] = c[k][0] + std * random.nextGaussian();
                x[2 * i + 1] = c[k][1] + std * random.nextGaussian();
                y[i] = k;
            }
        }
        shuffle(x, y, 2, random);
        return Dataset.of(String.format("blobs n=%d centers=%d std=%s seed=%d", n, centers, fmt(std), seed)
                + (pointSeed == null ? "" : " points seed=" + pointSeed), 2, x, y);
    }

    /** numpy's linspace(0, end, count) at index i. */
    private static double linspace(int i, int count, double end) {
        return count == 1 ? 0 : end * i / (count - 1);
    }

    private static void addNoise(double[] x, double noise, Random random) {
        if (noise < 0) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] += noise * random.nextGaussian();
        }
    }

    private static void shuffle(double[] x, int[] y, int d, Random random) {
        for (int i = y.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int label = y[i];
            y[i] = y[j];
            y[j] = label;
            for (int f = 0; f < d; f++) {
                double v = x[i * d + f];
                x[i * d + f] = x[j * d + f];
                x[j * d + f] = v;
            }
        }
    }

    private static void requirePositive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, got " + n);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
