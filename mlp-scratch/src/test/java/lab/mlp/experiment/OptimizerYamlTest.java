package lab.mlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import lab.core.UserError;
import lab.core.config.ExperimentsFile;
import lab.mlp.optimizer.Adagrad;
import lab.mlp.optimizer.Adam;
import lab.mlp.optimizer.Momentum;
import lab.mlp.optimizer.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code optimizer:} key of an mlp experiment: binding, defaults, and one-line errors with file:line:col. */
class OptimizerYamlTest {

    /** An mlp experiment {@code a} with {@code line} as its fifth line (column 5). */
    private static MlpExperiment bind(String line) {
        return (MlpExperiment) ExperimentsFile.parse("experiments.yaml", yaml(line), Map.of("mlp", MlpExperiment.class)).get("a");
    }

    private static String yaml(String... lines) {
        StringBuilder sb = new StringBuilder("experiments:\n  a:\n    kind: mlp\n    layers: [2, 3, 2]\n");
        for (String line : lines) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    private static String error(String... lines) {
        return assertThrows(UserError.class, () -> ExperimentsFile.parse("experiments.yaml", yaml(lines),
                Map.of("mlp", MlpExperiment.class))).getMessage();
    }

    @Test
    void everyKindBinds() {
        assertEquals(new Adam(0.01, 0.9, 0.999, 1e-8),
                bind("optimizer: {type: adam, learning_rate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8}").optimizer());
        assertEquals(new Momentum(0.01, 0.9, true),
                bind("optimizer: {type: momentum, learning_rate: 0.01, momentum: 0.9, nesterov: true}").optimizer());
        assertEquals(new Adagrad(0.1, 1e-8), bind("optimizer: {type: adagrad, learning_rate: 0.1}").optimizer());
        assertEquals(new Sgd(0.05), bind("optimizer: {type: sgd, learning_rate: 0.05}").optimizer());
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8), bind("optimizer: {type: adam}").optimizer());
    }

    @Test
    void withoutOptimizerEpsilonIsPlainSgdAsBefore() {
        MlpExperiment plain = bind("epsilon: 0.05");
        assertNull(plain.optimizer());
        assertEquals(new Sgd(0.05), plain.trainingConfig().optimizer());
        assertEquals("tanh [2, 3, 2] eps=0.05 λ=0.01", plain.shortConfig());
        MlpExperiment adam = bind("optimizer: {type: adam, learning_rate: 0.01}");
        assertNull(adam.epsilon());
        assertEquals("tanh [2, 3, 2] adam lr=0.01 λ=0.01", adam.shortConfig());
    }

    @Test
    void blockStyleBinds() {
        MlpExperiment spec = (MlpExperiment) ExperimentsFile.parse("experiments.yaml",
                yaml("optimizer:", "  type: momentum", "  learning_rate: 0.002"), Map.of("mlp", MlpExperiment.class)).get("a");
        assertEquals(new Momentum(0.002, 0.9, false), spec.optimizer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "optimizer: {type: rmsprop}|experiments.yaml:5:17: type: unknown value 'rmsprop' (allowed: sgd, momentum, adagrad, adam)",
        "optimizer: {learning_rate: 0.1}|experiments.yaml:5:5: type: is required (one of: sgd, momentum, adagrad, adam)",
        "optimizer: {type: adam, learning_rate: -0.1}|experiments.yaml:5:29: learning_rate: must be a finite number > 0, got -0.1",
        "optimizer: {type: sgd, learning_rate: 0}|experiments.yaml:5:28: learning_rate: must be a finite number > 0, got 0.0",
        "optimizer: {type: adam, beta1: 1.0}|experiments.yaml:5:29: beta1: must be >= 0 and < 1, got 1.0",
        "optimizer: {type: adam, beta2: -0.5}|experiments.yaml:5:29: beta2: must be >= 0 and < 1, got -0.5",
        "optimizer: {type: adam, epsilon: 0}|experiments.yaml:5:29: epsilon: must be a finite number > 0, got 0.0",
        "optimizer: {type: momentum, momentum: 1.5}|experiments.yaml:5:33: momentum: must be >= 0 and < 1, got 1.5",
        "optimizer: {type: adagrad, lr: 0.1}|experiments.yaml:5:32: lr: unknown key (allowed for type adagrad: epsilon, learning_rate)",
        "frames_every: -1|experiments.yaml:5:5: frames_every: must be >= 0 (0 = no boundary.gif), got -1",
        "optimizer: adam|experiments.yaml:5:5: optimizer: expected a mapping with a 'type' key (one of: sgd, momentum, adagrad, adam)",
    })
    void badValuesAreOneLineErrorsAtTheKey(String line, String expected) {
        assertEquals(expected, error(line));
    }

    @Test
    void epsilonAndOptimizerTogetherIsAnError() {
        assertEquals("experiments.yaml:5:5: epsilon: is plain SGD's learning rate; with optimizer: set its learning_rate instead",
                error("epsilon: 0.1", "optimizer: {type: adam}"));
    }
}
