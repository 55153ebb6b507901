package lab.cnn.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import lab.cnn.model.CnnActivation;
import lab.cnn.model.UpdaterKind;
import lab.cnn.model.WeightInitKind;
import lab.core.config.Check;
import lab.core.config.InvalidValue;
import lab.core.search.Dimension;
import lab.core.search.IntRange;
import lab.core.search.NumberRange;

/**
 * {@code parameters:} of a cnn search: the cnn keys a search can vary. Numbers take a range
 * ({@code {min, max, scale: linear|log}}) or {@code {values: [...]}}; the others a list of choices.
 * Keys left out keep the base experiment's value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CnnSearchParameters(NumberRange learningRate, List<CnnActivation> activation, List<UpdaterKind> updater,
                                  List<WeightInitKind> weightInit, NumberRange dropoutKeep, IntRange fcWidth,
                                  IntRange batchSize) {

    public CnnSearchParameters {
        activation = activation == null ? null : Check.nonEmpty("activation", activation);
        updater = updater == null ? null : Check.nonEmpty("updater", updater);
        weightInit = weightInit == null ? null : Check.nonEmpty("weight_init", weightInit);
        if (learningRate != null && !(learningRate.lowest() > 0)) {
            throw new InvalidValue("learning_rate", "values must be > 0, got " + learningRate.lowest());
        }
        if (dropoutKeep != null && !(dropoutKeep.lowest() > 0 && dropoutKeep.highest() <= 1)) {
            throw new InvalidValue("dropout_keep", "values must be in (0, 1], got " + dropoutKeep.lowest() + " to "
                    + dropoutKeep.highest());
        }
        if (fcWidth != null && fcWidth.lowest() < 1) {
            throw new InvalidValue("fc_width", "values must be >= 1, got " + fcWidth.lowest());
        }
        if (batchSize != null && batchSize.lowest() < 1) {
            throw new InvalidValue("batch_size", "values must be >= 1, got " + batchSize.lowest());
        }
        if (learningRate == null && activation == null && updater == null && weightInit == null && dropoutKeep == null
                && fcWidth == null && batchSize == null) {
            throw new InvalidValue("learning_rate", "give at least one parameter to vary (learning_rate, activation, "
                    + "updater, weight_init, dropout_keep, fc_width, batch_size)");
        }
    }

    /** The varied parameters, named by their cnn keys, in this record's order. */
    public List<Dimension> dimensions() {
        List<Dimension> dims = new ArrayList<>();
        if (learningRate != null) {
            dims.add(Dimension.of("learning_rate", learningRate));
        }
        if (activation != null) {
            dims.add(Dimension.choice("activation", activation));
        }
        if (updater != null) {
            dims.add(Dimension.choice("updater", updater));
        }
        if (weightInit != null) {
            dims.add(Dimension.choice("weight_init", weightInit));
        }
        if (dropoutKeep != null) {
            dims.add(Dimension.of("dropout_keep", dropoutKeep));
        }
        if (fcWidth != null) {
            dims.add(Dimension.of("fc_width", fcWidth));
        }
        if (batchSize != null) {
            dims.add(Dimension.of("batch_size", batchSize));
        }
        return dims;
    }
}
