package lab.mlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.train.GradientScale;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingConfig;
import lab.mlp.train.TrainingResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The n-layer network with one hidden layer is the three-layer network, bit for bit. */
class NetworkEquivalenceTest {
    private static final TrainingConfig CONFIG = new TrainingConfig(0.01, 0.01, 1_000, GradientScale.SUM, 0, 0, 100);

    @ParameterizedTest
    @EnumSource(Activation.class)
    void oneHiddenLayerNLayerEqualsThreeLayerExactly(Activation f) {
        Dataset data = ToyData.moons(203, 0.2, 0);
        Network three = new ThreeLayerNetwork(2, 7, 2, f, 0.01, data.size(), 17);
        Network n = new NLayerNetwork(new int[] {2, 7, 2}, f, 0.01, data.size(), 17);
        assertParametersEqual(three.parameters(), n.parameters());

        TrainingResult a = new Trainer(CONFIG, null).train(three, data);
        TrainingResult b = new Trainer(CONFIG, null).train(n, data);

        assertEquals(a.curve(), b.curve());
        assertEquals(a.finalLoss(), b.finalLoss(), 0.0);
        assertParametersEqual(three.parameters(), n.parameters());
        assertParametersEqual(three.gradients(), n.gradients());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void sameSeedSameResultOtherSeedOtherResult(Activation f) {
        Dataset data = ToyData.moons(64, 0.2, 0);
        int[] sizes = {2, 6, 5, 2};
        TrainingResult first = new Trainer(CONFIG, null).train(new NLayerNetwork(sizes, f, 0.01, 64, 3), data);
        TrainingResult again = new Trainer(CONFIG, null).train(new NLayerNetwork(sizes, f, 0.01, 64, 3), data);
        TrainingResult other = new Trainer(CONFIG, null).train(new NLayerNetwork(sizes, f, 0.01, 64, 4), data);
        assertEquals(first.curve(), again.curve());
        assertNotEquals(first.curve(), other.curve());
    }

    private static void assertParametersEqual(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0.0, "parameter array " + i);
        }
    }
}
