package lab.core.search;

/**
 * What training one candidate gave: its score (validation accuracy) and the trained model, or why
 * it failed (diverged, threw).
 *
 * @param model whatever the trainer wants back for the winner (a network); may be null
 */
public record CandidateOutcome(double score, String failure, Object model) {

    public static CandidateOutcome scored(double score, Object model) {
        return new CandidateOutcome(score, null, model);
    }

    public static CandidateOutcome failed(String reason) {
        return new CandidateOutcome(Double.NaN, reason, null);
    }

    public boolean ok() {
        return failure == null;
    }
}
