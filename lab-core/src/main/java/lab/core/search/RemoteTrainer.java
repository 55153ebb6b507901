package lab.core.search;

import java.io.Serializable;
import java.util.Map;

/**
 * Trains one candidate in whatever JVM an engine runs it: it travels serialised with the search's
 * settings only, and loads its data where it runs (cached per JVM).
 */
@FunctionalInterface
public interface RemoteTrainer extends Serializable {
    RemoteOutcome train(int index, Map<String, Object> params);

    /**
     * A candidate's outcome that can travel back to the driver.
     *
     * @param model what the driver needs of the winner (a saved network, a test score); may be null
     */
    record RemoteOutcome(double score, String failure, Serializable model) implements Serializable {
        private static final long serialVersionUID = 1L;

        public static RemoteOutcome scored(double score, Serializable model) {
            return new RemoteOutcome(score, null, model);
        }

        public static RemoteOutcome failed(String reason) {
            return new RemoteOutcome(Double.NaN, reason, null);
        }

        public boolean ok() {
            return failure == null;
        }
    }
}
