package lab.cnn.experiment;

import lab.core.config.InvalidValue;

/**
 * {@code early_stopping: {patience: N}}: training stops after N evaluations in a row without a
 * lower validation error than the best so far. The run then ends where it stopped (final metrics,
 * confusion matrix and model are those of that iteration, not of the best one); the report's
 * "best epoch" and "test at best" columns give the best.
 *
 * @param patience evaluations without improvement before stopping, at least 1 (default 3)
 */
public record EarlyStopping(Integer patience) {
    public EarlyStopping {
        patience = patience == null ? 3 : patience;
        if (patience < 1) {
            throw new InvalidValue("patience", "must be >= 1 (evaluations without a lower validation error), got "
                    + patience);
        }
    }
}
