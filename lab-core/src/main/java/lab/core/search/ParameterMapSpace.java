package lab.core.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * The search space as Arbiter sees it: one candidate is a map from parameter name to value, each
 * value taken from its dimension's leaf space. Arbiter's generators number the leaves and hand
 * each a number in [0, 1]; this class only collects them.
 */
final class ParameterMapSpace implements ParameterSpace<Map<String, Object>> {
    private final Map<String, ParameterSpace<?>> spaces = new LinkedHashMap<>();

    ParameterMapSpace(List<Dimension> dimensions) {
        for (Dimension d : dimensions) {
            if (spaces.put(d.name(), d.space()) != null) {
                throw new IllegalArgumentException("parameter " + d.name() + " given twice");
            }
        }
    }

    @Override
    public Map<String, Object> getValue(double[] parameterValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        spaces.forEach((name, space) -> values.put(name, space.getValue(parameterValues)));
        return values;
    }

    @Override
    public int numParameters() {
        return collectLeaves().stream().mapToInt(ParameterSpace::numParameters).sum();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ParameterSpace> collectLeaves() {
        List<ParameterSpace> leaves = new ArrayList<>();
        for (ParameterSpace<?> space : spaces.values()) {
            if (space.isLeaf()) {
                leaves.add(space);
            } else {
                leaves.addAll(space.collectLeaves());
            }
        }
        return leaves;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, ParameterSpace> getNestedSpaces() {
        return new LinkedHashMap<>(spaces);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("not a leaf: Arbiter numbers the leaves of a map space");
    }
}
