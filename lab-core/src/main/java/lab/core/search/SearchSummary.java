package lab.core.search;

import java.util.List;
import java.util.Map;

/**
 * summary.json of a search: what was searched and how, and the winner. Written last, so its
 * presence means the search finished.
 *
 * @param score      what the candidates were ranked by
 * @param planned    candidates the budget allowed
 * @param candidates candidates trained (failed ones included)
 * @param model      where the winner's model was saved (git-ignored), or null
 * @param setup      data and training settings shared by every candidate
 */
public record SearchSummary(String name, String kind, String description, String command, String base, String score,
                            SearchPlan plan, List<String> parameters, int planned, int candidates, int failed,
                            double seconds, Winner winner, String model, Map<String, Object> setup) {

    /** The best candidate: the only one evaluated on the test set. */
    public record Winner(int candidate, Map<String, Object> parameters, double validationAccuracy,
                         double testAccuracy, double seconds) {
    }
}
