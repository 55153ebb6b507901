package lab.cnn.report;

import java.util.List;

/**
 * A group of experiments the index compares in one overlay chart and one list of observations.
 * Members differ in one factor only; {@code held} says what is the same for all of them.
 *
 * @param title   section heading in the index
 * @param slug    the chart is {@code <results>/cnn/compare-SLUG.png}
 * @param varies  the one factor that differs
 * @param held    what every member shares
 * @param members experiment names, in the order of the legend
 */
public record Comparison(String title, String slug, String varies, String held, List<String> members) {
    /** Groups with fewer members that have results than this are skipped. */
    public static final int MIN_MEMBERS = 2;

    private static final String RUN = "batch 50, 3 epochs, dropout keep 0.5, fc 1024, seed 0 (and 1, 2 where run)";

    /**
     * The index's groups, each varying one factor: the activation under Adam 1e-4 and under
     * Adagrad 0.01 (the report's three), the optimizer with ReLU, the initialisation, the training length.
     */
    public static final List<Comparison> ALL = List.of(
            new Comparison("Activations under Adam", "activations-adam", "activation",
                    "Adam, learning rate 1e-4, Xavier init, " + RUN,
                    List.of("adam-relu", "adam-leakyrelu", "adam-tanh", "adam-sigmoid", "adam-maxout")),
            new Comparison("Activations under Adagrad", "activations-adagrad", "activation",
                    "Adagrad, learning rate 0.01, Xavier init, " + RUN,
                    List.of("adagrad-relu", "adagrad-leakyrelu", "adagrad-tanh")),
            new Comparison("Optimizers, each at the seed report's learning rate", "optimizers",
                    "optimizer, with its learning rate (Adam 1e-4, Adagrad 0.01, SGD 0.05, Nesterov momentum 0.9 at "
                            + "0.01: the rates of the seed report, not tuned here, so this compares those settings, "
                            + "not the optimizers at their best)",
                    "ReLU, Xavier init, " + RUN,
                    List.of("adam-relu", "adagrad-relu", "sgd-relu", "momentum-relu")),
            new Comparison("Initialisation", "initialisation",
                    "initialisation (Xavier, biases 0; truncated normal std 0.1, biases 0.1)",
                    "ReLU, Adam 1e-4, " + RUN, List.of("adam-relu", "adam-relu-truncnormal")),
            new Comparison("Training length", "length", "epochs (3 or 15)",
                    "ReLU, Adam 1e-4, Xavier init, batch 50, seed 0", List.of("adam-relu", "adam-relu-long")));

    public String chartFile() {
        return "compare-" + slug + ".png";
    }
}
