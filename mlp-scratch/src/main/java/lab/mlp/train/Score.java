package lab.mlp.train;

import lab.mlp.data.Dataset;
import lab.mlp.model.Batch;
import lab.mlp.model.Network;

/**
 * How a trained network does on a set of points: mean cross-entropy (no L2 term, so training
 * and test values compare like for like) and accuracy, with the accuracy's binomial standard
 * error sqrt(p (1 - p) / n): the noise of an accuracy measured on n points.
 */
public record Score(double crossEntropy, double accuracy, int size) {

    /** Runs the network over {@code data} in chunks of its batch capacity; changes no parameter. */
    public static Score of(Network net, Dataset data) {
        Sums sums = Sums.of(net, data);
        return new Score(sums.crossEntropy() / data.size(), (double) sums.correct() / data.size(), data.size());
    }

    /** Summed cross-entropy and correct count over {@code data} (the trainer adds its L2 term to the sum). */
    record Sums(double crossEntropy, int correct) {
        static Sums of(Network net, Dataset data) {
            Batch batch = net.batch();
            double crossEntropy = 0;
            int correct = 0;
            for (int from = 0; from < data.size(); from += batch.capacity()) {
                int count = Math.min(batch.capacity(), data.size() - from);
                batch.load(data, null, from, count);
                net.forward();
                crossEntropy += net.totalCrossEntropy();
                correct += net.correct();
            }
            return new Sums(crossEntropy, correct);
        }
    }

    public double standardError() {
        return Math.sqrt(accuracy * (1 - accuracy) / size);
    }
}
