package lab.cnn.experiment;

import java.util.Locale;
import lab.core.config.InvalidValue;

/**
 * {@code distributed:} of a cnn experiment: data-parallel training on Spark (lab-spark). Each of
 * {@code workers} trains a copy of the network on its share of every epoch's mini-batches; every
 * {@code averaging_frequency} mini-batches per worker the driver averages the copies' parameters
 * (and updater state) and sends the mean back.
 *
 * @param mode               parameter-averaging (gradient-sharing is not implemented yet)
 * @param workers            copies trained at once (default 2); at most the Spark cores used
 * @param averagingFrequency mini-batches each worker fits between two averagings (default 5)
 * @param prefetch           mini-batches a worker loads ahead (default 2)
 */
public record Distributed(Mode mode, Integer workers, Integer averagingFrequency, Integer prefetch) {
    public enum Mode {
        PARAMETER_AVERAGING, GRADIENT_SHARING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Distributed {
        mode = mode == null ? Mode.PARAMETER_AVERAGING : mode;
        if (mode == Mode.GRADIENT_SHARING) {
            throw new InvalidValue("mode", "gradient-sharing is not implemented yet (allowed: parameter-averaging)");
        }
        workers = atLeastOne("workers", workers, 2);
        averagingFrequency = atLeastOne("averaging_frequency", averagingFrequency, 5);
        prefetch = prefetch == null ? 2 : prefetch;
        if (prefetch < 0) {
            throw new InvalidValue("prefetch", "must be >= 0, got " + prefetch);
        }
    }

    private static int atLeastOne(String key, Integer value, int otherwise) {
        if (value != null && value < 1) {
            throw new InvalidValue(key, "must be >= 1, got " + value);
        }
        return value == null ? otherwise : value;
    }
}
