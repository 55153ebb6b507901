package lab.mlp.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.mlp.model.Activation;

/**
 * The settings that make one mlp run differ from another, one name per factor a researcher
 * would vary (hidden width and depth apart, not "layers"), so a gallery section can say what it
 * varies and what it holds fixed, and refuse to compare runs that differ in more than one.
 * Description, record_every and frames_every change no number and are not factors.
 */
public final class Factors {

    /** @param varies each varying factor with its values in run order, e.g. "activation (tanh, relu)" */
    public record Split(List<String> varies, String fixed) {
    }

    private Factors() {
    }

    /** Factor name to value, in a fixed order. */
    public static Map<String, String> of(MlpExperiment e) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("dataset", e.dataset().describe());
        f.put("network", e.network().toString());
        f.put("activation", e.activation() == Activation.LEAKY_RELU
                ? e.activation() + "(" + e.leakyAlpha() + ")" : e.activation().toString());
        List<Integer> hidden = e.layers().subList(1, e.layers().size() - 1);
        f.put("hidden width", new LinkedHashSet<>(hidden).size() == 1 ? hidden.get(0).toString() : hidden.toString());
        f.put("hidden layers", Integer.toString(hidden.size()));
        f.put("update", e.effectiveOptimizer().describe());
        f.put("reg_lambda", e.regLambda().toString());
        f.put("passes", e.passes().toString());
        f.put("batch", e.batchSize() == 0 ? "full" : e.batchSize().toString());
        f.put("gradient", e.gradient().toString().toLowerCase(java.util.Locale.ROOT));
        f.put("seed", e.seed().toString());
        return f;
    }

    /** What differs between the runs (with its values) and what they share. */
    public static Split split(List<MlpExperiment> runs) {
        List<Map<String, String>> all = runs.stream().map(Factors::of).toList();
        List<String> varies = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String name : all.get(0).keySet()) {
            Set<String> values = new LinkedHashSet<>();
            all.forEach(f -> values.add(f.get(name)));
            if (values.size() == 1) {
                fixed.add(name + " " + values.iterator().next());
            } else {
                varies.add(name + " (" + String.join(", ", values) + ")");
            }
        }
        return new Split(varies, String.join(", ", fixed));
    }
}
