package lab.mlp.optimizer;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The {@code optimizer:} of an mlp experiment, e.g. {@code {type: adam, learning_rate: 0.01}}.
 * Each kind is a record in this package named by its {@code @JsonTypeName} (its YAML {@code type:});
 * the {@code permits} clause is the one place that lists them. See docs/mlp-optimizers.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface OptimizerSpec permits Sgd, Momentum, Adagrad, Adam {
    /** Step size; every kind has one (a record component, hence boxed). */
    Double learningRate();

    /** The same kind and settings with another learning rate (hyperparameter search varies it). */
    OptimizerSpec withLearningRate(double learningRate);

    /** A fresh optimizer, its state sized for {@code params} (the network's live arrays). */
    Optimizer create(List<double[]> params);

    /** Short text for titles and tables, e.g. "adam lr=0.01". */
    String describe();
}
