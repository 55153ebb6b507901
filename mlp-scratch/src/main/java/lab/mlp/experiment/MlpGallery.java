package lab.mlp.experiment;

import java.util.List;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;

/**
 * {@code kind: mlp-gallery}: runs groups of mlp experiments and writes
 * {@code <results>/mlp/README.md} with every picture, a table and the observations.
 */
public record MlpGallery(String description, String title, List<Section> sections) implements ExperimentSpec {

    /**
     * One group of runs compared side by side.
     *
     * @param ordered true when the runs are listed in increasing order of the one setting they
     *                vary (hidden size, reg_lambda...): the report then describes the trend
     * @param note    text shown above the observations: how to read the numbers, never the numbers
     * @param lossOverlay file name (under results/mlp/) of a chart with every run's loss curve on
     *                one axis, e.g. optimizers-loss.png; none if absent
     * @param comparison true (default): the runs differ in exactly one setting ({@link Factors}),
     *                checked before training, and the observations compare them; false: a showcase
     *                of runs differing in several, shown but not ranked
     */
    public record Section(String title, List<String> runs, Boolean ordered, String note, String lossOverlay,
                          Boolean comparison) {
        public Section {
            comparison = comparison == null || comparison;
            title = Check.required("title", title);
            note = note == null ? "" : note.strip();
            runs = Check.nonEmpty("runs", runs);
            ordered = ordered != null && ordered;
            if (lossOverlay != null && !lossOverlay.matches("[A-Za-z0-9._-]+\\.png")) {
                throw new InvalidValue("loss_overlay", "must be a file name ending in .png (no directories), got '"
                        + lossOverlay + "'");
            }
        }
    }

    public MlpGallery {
        description = description == null ? "" : description;
        title = title == null ? "mlp-scratch gallery" : title;
        sections = Check.nonEmpty("sections", sections);
    }
}
