package lab.cnn.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What the final test evaluation saw, image by image: the confusion matrix and every mistake
 * with the probability the network gave its wrong answer. Made during that evaluation (the same
 * forward passes DL4J's {@code evaluate} does), so nothing is evaluated twice and no random
 * number is drawn.
 *
 * @param accuracy  DL4J's {@link Evaluation#accuracy()} over the same outputs, as before
 * @param confusion counts, {@code [true][predicted]}
 * @param mistakes  the misclassified images, most confident first
 */
public record TestPredictions(double accuracy, long[][] confusion, List<Mistake> mistakes) {

    /**
     * One misclassified image.
     *
     * @param index       its index in the test split (= in the IDX test file: the split starts there)
     * @param probability the softmax output of the predicted class
     */
    public record Mistake(int index, int label, int predicted, double probability) {
    }

    /** Evaluates {@code net} on {@code data} (in order, from the start) and keeps each image's verdict. */
    public static TestPredictions evaluate(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        int classes = data.totalOutcomes();
        Evaluation evaluation = new Evaluation(classes);
        long[][] confusion = new long[classes][classes];
        List<Mistake> mistakes = new ArrayList<>();
        int index = 0;
        while (data.hasNext()) {
            DataSet batch = data.next();
            INDArray labels = batch.getLabels();
            INDArray output = net.output(batch.getFeatures(), false); // inference: dropout off, as evaluate()
            evaluation.eval(labels, output);
            float[][] probs = output.toFloatMatrix();
            float[][] truth = labels.toFloatMatrix();
            for (int i = 0; i < probs.length; i++, index++) {
                int label = argMax(truth[i]);
                int predicted = argMax(probs[i]);
                confusion[label][predicted]++;
                if (predicted != label) {
                    mistakes.add(new Mistake(index, label, predicted, probs[i][predicted]));
                }
            }
        }
        mistakes.sort(Comparator.comparingDouble(Mistake::probability).reversed()
                .thenComparingInt(Mistake::index));
        return new TestPredictions(evaluation.accuracy(), confusion, List.copyOf(mistakes));
    }

    /** The first index of the largest value (ND4J's argMax breaks ties the same way). */
    static int argMax(float[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
