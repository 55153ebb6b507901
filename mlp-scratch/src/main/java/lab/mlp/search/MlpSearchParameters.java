package lab.mlp.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import lab.core.config.Check;
import lab.core.config.InvalidValue;
import lab.core.search.Dimension;
import lab.core.search.IntRange;
import lab.core.search.NumberRange;
import lab.mlp.model.Activation;

/**
 * {@code parameters:} of an mlp search. Numbers take a range ({@code {min, max, scale}}) or
 * {@code {values: [...]}}; activation a list of choices. Keys left out keep the base's value.
 *
 * @param hiddenWidth  units of every hidden layer
 * @param hiddenLayers number of hidden layers (the net is input, hidden_layers x hidden_width, classes)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MlpSearchParameters(IntRange hiddenWidth, IntRange hiddenLayers, List<Activation> activation,
                                  NumberRange regLambda, NumberRange epsilon) {

    public MlpSearchParameters {
        activation = activation == null ? null : Check.nonEmpty("activation", activation);
        if (hiddenWidth != null && hiddenWidth.lowest() < 1) {
            throw new InvalidValue("hidden_width", "values must be >= 1, got " + hiddenWidth.lowest());
        }
        if (hiddenLayers != null && hiddenLayers.lowest() < 1) {
            throw new InvalidValue("hidden_layers", "values must be >= 1, got " + hiddenLayers.lowest());
        }
        if (regLambda != null && !(regLambda.lowest() >= 0)) {
            throw new InvalidValue("reg_lambda", "values must be >= 0, got " + regLambda.lowest());
        }
        if (epsilon != null && !(epsilon.lowest() > 0)) {
            throw new InvalidValue("epsilon", "values must be > 0, got " + epsilon.lowest());
        }
        if (hiddenWidth == null && hiddenLayers == null && activation == null && regLambda == null && epsilon == null) {
            throw new InvalidValue("hidden_width", "give at least one parameter to vary (hidden_width, hidden_layers, "
                    + "activation, reg_lambda, epsilon)");
        }
    }

    public List<Dimension> dimensions() {
        List<Dimension> dims = new ArrayList<>();
        if (hiddenWidth != null) {
            dims.add(Dimension.of("hidden_width", hiddenWidth));
        }
        if (hiddenLayers != null) {
            dims.add(Dimension.of("hidden_layers", hiddenLayers));
        }
        if (activation != null) {
            dims.add(Dimension.choice("activation", activation));
        }
        if (regLambda != null) {
            dims.add(Dimension.of("reg_lambda", regLambda));
        }
        if (epsilon != null) {
            dims.add(Dimension.of("epsilon", epsilon));
        }
        return dims;
    }
}
