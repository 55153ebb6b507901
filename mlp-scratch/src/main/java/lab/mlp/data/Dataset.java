package lab.mlp.data;

import java.util.Arrays;

/**
 * Labelled points: {@code features} is row-major [sample][feature], labels are 0..classes-1.
 *
 * @param name short description for titles and metrics (e.g. "moons n=200 noise=0.2 seed=0")
 * @param classNames original label of each class index (CSV labels may be any integers)
 */
public record Dataset(String name, int size, int numFeatures, int numClasses, double[] features, int[] labels,
                      int[] classNames) {

    public Dataset {
        if (size <= 0) {
            throw new IllegalArgumentException("dataset is empty");
        }
        if (features.length != size * numFeatures || labels.length != size) {
            throw new IllegalArgumentException("features/labels do not match size " + size);
        }
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (numClasses - 1));
            }
        }
    }

    /** Labels already 0..classes-1; class names are the indices. */
    public static Dataset of(String name, int numFeatures, double[] features, int[] labels) {
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        int[] names = new int[classes];
        Arrays.setAll(names, i -> i);
        return new Dataset(name, labels.length, numFeatures, classes, features, labels, names);
    }

    public double feature(int sample, int feature) {
        return features[sample * numFeatures + feature];
    }

    /** Smallest and largest value of one feature. */
    public double[] range(int feature) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < size; s++) {
            double v = feature(s, feature);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }
}
