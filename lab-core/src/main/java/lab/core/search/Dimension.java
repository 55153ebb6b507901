package lab.core.search;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

/**
 * One varied parameter of a search: its name (the experiment key it overrides), the Arbiter
 * parameter space its values come from, and how to draw it on a chart.
 *
 * @param categories the choices, in order, for a {@link Axis#CATEGORY} dimension; empty otherwise
 */
public record Dimension(String name, ParameterSpace<?> space, Axis axis, List<String> categories) {

    /** The x axis of the dimension's chart panel. */
    public enum Axis { LINEAR, LOG, CATEGORY }

    /**
     * A real range: {@link ContinuousParameterSpace} over a uniform or, for scale log, Arbiter's
     * {@link LogUniformDistribution} (so the grid is log-spaced too); a list of values: a
     * {@link DiscreteParameterSpace}.
     */
    public static Dimension of(String name, NumberRange range) {
        if (range.values() != null) {
            boolean wide = range.lowest() > 0 && range.highest() / range.lowest() >= 100;
            return new Dimension(name, new DiscreteParameterSpace<>(range.values()), wide ? Axis.LOG : Axis.LINEAR,
                    List.of());
        }
        if (range.scale() == Scale.LOG) {
            return new Dimension(name, new ContinuousParameterSpace(new LogUniformDistribution(range.min(),
                    range.max())), Axis.LOG, List.of());
        }
        return new Dimension(name, new ContinuousParameterSpace(range.min(), range.max()), Axis.LINEAR, List.of());
    }

    /** A whole-number range ({@link IntegerParameterSpace}, both ends included) or list of values. */
    public static Dimension of(String name, IntRange range) {
        if (range.values() != null) {
            return new Dimension(name, new DiscreteParameterSpace<>(range.values()), Axis.LINEAR, List.of());
        }
        return new Dimension(name, new IntegerParameterSpace(range.min(), range.max()), Axis.LINEAR, List.of());
    }

    /** A choice among {@code values} (enum constants, names): a {@link DiscreteParameterSpace}. */
    public static <T> Dimension choice(String name, List<T> values) {
        List<String> labels = new ArrayList<>();
        values.forEach(v -> labels.add(v.toString()));
        return new Dimension(name, new DiscreteParameterSpace<>(List.copyOf(values)), Axis.CATEGORY,
                List.copyOf(labels));
    }
}
