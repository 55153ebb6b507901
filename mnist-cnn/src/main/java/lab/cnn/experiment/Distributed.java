package lab.cnn.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import lab.core.config.InvalidValue;

/**
 * {@code distributed:} of a cnn experiment: data-parallel training on Spark (lab-spark). Each
 * epoch's mini-batches are spread over {@code workers} copies of the network, which stay in step
 * in one of two ways:
 * <ul>
 *   <li>{@code parameter-averaging}: every {@code averaging_frequency} mini-batches per worker the
 *       driver averages the copies' parameters (and updater state) and sends the mean back;</li>
 *   <li>{@code gradient-sharing}: after every mini-batch each worker sends the entries of its update
 *       whose accumulated size reached {@code threshold} (sparse, threshold-encoded; the rest is
 *       kept as a residual for later) to the other workers, which apply them at once.</li>
 * </ul>
 * A key of the other mode is refused in one line. Left-out keys are written as absent, so a
 * parameter-averaging run's config (and fingerprint) is as it was before gradient sharing.
 *
 * @param mode               parameter-averaging (default) or gradient-sharing
 * @param workers            copies trained at once (default 2); at most the Spark cores used
 * @param averagingFrequency parameter-averaging: mini-batches each worker fits between two averagings (default 5)
 * @param prefetch           mini-batches a worker loads ahead (default 2)
 * @param threshold          gradient-sharing: the initial encoding threshold, adapted during training to keep
 *                           the updates sparse (default 1e-4, DL4J's; above 0 and below 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Distributed(Mode mode, Integer workers, Integer averagingFrequency, Integer prefetch, Double threshold) {
    /** DL4J 1.0.0-M2's initial threshold of its adaptive threshold algorithm. */
    public static final double DEFAULT_THRESHOLD = 1e-4;

    public enum Mode {
        PARAMETER_AVERAGING, GRADIENT_SHARING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Distributed {
        mode = mode == null ? Mode.PARAMETER_AVERAGING : mode;
        workers = atLeastOne("workers", workers, 2);
        prefetch = prefetch == null ? 2 : prefetch;
        if (prefetch < 0) {
            throw new InvalidValue("prefetch", "must be >= 0, got " + prefetch);
        }
        if (mode == Mode.PARAMETER_AVERAGING) {
            onlyFor(threshold, "threshold", Mode.GRADIENT_SHARING);
            averagingFrequency = atLeastOne("averaging_frequency", averagingFrequency, 5);
        } else {
            onlyFor(averagingFrequency, "averaging_frequency", Mode.PARAMETER_AVERAGING);
            threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
            if (!(threshold > 0 && threshold < 1)) {
                throw new InvalidValue("threshold", "must be > 0 and < 1 (an update size; default "
                        + DEFAULT_THRESHOLD + "), got " + threshold);
            }
        }
    }

    private static int atLeastOne(String key, Integer value, int otherwise) {
        if (value != null && value < 1) {
            throw new InvalidValue(key, "must be >= 1, got " + value);
        }
        return value == null ? otherwise : value;
    }

    private static void onlyFor(Object value, String key, Mode mode) {
        if (value != null) {
            throw new InvalidValue(key, "only applies with mode " + mode);
        }
    }
}
