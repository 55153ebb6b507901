package lab.cnn.report;

import java.util.List;

/**
 * A group of experiments the index compares in one overlay chart and one list of observations.
 *
 * @param title   section heading in the index
 * @param slug    the chart is {@code <results>/cnn/compare-SLUG.png}
 * @param members experiment names, in the order of the legend
 */
public record Comparison(String title, String slug, List<String> members) {
    /** Groups with fewer members that have results than this are skipped. */
    public static final int MIN_MEMBERS = 2;

    /**
     * The index's groups: the four runs of the report, the optimizers with ReLU, the activations,
     * and Xavier against truncated-normal initialisation.
     */
    public static final List<Comparison> ALL = List.of(
            new Comparison("Report's four", "reports-four",
                    List.of("adam-relu", "adagrad-relu", "adagrad-leakyrelu", "adagrad-tanh")),
            new Comparison("Optimizers", "optimizers",
                    List.of("adam-relu", "adagrad-relu", "sgd-relu", "momentum-relu")),
            new Comparison("Activations", "activations",
                    List.of("adam-relu", "adam-sigmoid", "adam-maxout", "adagrad-leakyrelu", "adagrad-tanh")),
            new Comparison("Initialisation", "initialisation", List.of("adam-relu", "adam-relu-truncnormal")));

    public String chartFile() {
        return "compare-" + slug + ".png";
    }
}
