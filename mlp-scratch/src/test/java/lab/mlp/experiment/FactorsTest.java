package lab.mlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import lab.core.config.ExperimentsFile;
import org.junit.jupiter.api.Test;

/** What a group of runs varies and holds fixed; hidden width and depth count as two factors. */
class FactorsTest {
    static final ExperimentsFile FILE = ExperimentsFile.parse("e.yaml", """
            experiments:
              tanh: {kind: mlp, network: three-layer, layers: [2, 3, 2]}
              leaky: {kind: mlp, network: three-layer, layers: [2, 3, 2], activation: leaky-relu}
              leaky5: {kind: mlp, layers: [2, 5, 2], activation: leaky-relu}
              w3l5: {kind: mlp, network: n-layer, layers: [2, 3, 3, 3, 2]}
              w5l5: {kind: mlp, layers: [2, 5, 5, 5, 2]}
            """, Map.of("mlp", MlpExperiment.class));

    static List<MlpExperiment> runs(String... names) {
        return List.of(names).stream().map(n -> (MlpExperiment) FILE.get(n)).toList();
    }

    @Test
    void oneFactor() {
        Factors.Split split = Factors.split(runs("tanh", "leaky"));
        assertEquals(List.of("activation (tanh, leaky-relu(0.01))"), split.varies());
        assertEquals("dataset moons n=200 noise=0.2 seed=0, network three-layer, hidden width 3, hidden layers 1, "
                + "update sgd lr=0.01, reg_lambda 0.01, passes 20000, batch full, gradient sum, seed 0", split.fixed());
    }

    @Test
    void mixedFactorsAreNamed() {
        assertEquals(List.of("network (three-layer, n-layer)", "hidden width (3, 5)"),
                Factors.split(runs("leaky", "leaky5")).varies());
        assertEquals(List.of("hidden width (3, 5)"), Factors.split(runs("w3l5", "w5l5")).varies());
        assertEquals(List.of("hidden width (5, 3)", "hidden layers (1, 3)"), Factors.split(runs("leaky5", "w3l5")).varies()
                .subList(1, 3));
    }
}
