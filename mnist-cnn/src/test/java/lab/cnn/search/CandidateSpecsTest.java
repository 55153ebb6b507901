package lab.cnn.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.IdxDataset;
import lab.cnn.model.CnnActivation;
import lab.cnn.model.UpdaterKind;
import lab.core.config.ExperimentSpec;
import lab.core.config.ExperimentsFile;
import org.junit.jupiter.api.Test;

/** A candidate is the base through CnnExperiment's builder: sampled keys changed, the rest kept. */
class CandidateSpecsTest {
    private static final Map<String, Class<? extends ExperimentSpec>> KINDS =
            Map.of("cnn", CnnExperiment.class, "search", CnnSearch.class);

    private final ExperimentsFile file = ExperimentsFile.parse("experiments.yaml", """
            experiments:
              base:
                kind: cnn
                description: leaky, momentum, on a directory
                dataset: {type: idx, path: d, classes: 26}
                activation: leakyrelu
                leaky_alpha: 0.2
                updater: momentum
                momentum: 0.5
                epochs: 3
                seed: 9
              s:
                kind: search
                base: base
                iterations: 20
                max_candidates: 3
                train_images: 1000
                parameters:
                  learning_rate: {min: 1.0e-4, max: 1.0e-2, scale: log}
            """, KINDS);

    @Test
    void sampledKeysChangeAndTheRestIsTheBases() {
        CnnExperiment base = (CnnExperiment) file.get("base");
        CnnExperiment c = CandidateSpecs.derive(base, (CnnSearch) file.get("s"),
                Map.of("learning_rate", 0.003, "activation", CnnActivation.RELU, "updater", UpdaterKind.ADAM));
        assertEquals(0.003, c.learningRate());
        assertEquals(CnnActivation.RELU, c.activation());
        assertEquals(UpdaterKind.ADAM, c.updater());
        assertEquals(0.01, c.leakyAlpha()); // leaky_alpha 0.2 applied to leakyrelu only: back to the default
        assertEquals(0.9, c.momentum());
        assertEquals(20L, c.iterations());
        assertNull(c.epochs());
        assertEquals(1000, c.trainImages());
        assertEquals(CandidateSpecs.EVALUATE_AT_END, c.evalEvery());
        assertEquals(0, c.monitorEvery());
        assertEquals(new IdxDataset("d", 26), c.dataset());
        assertEquals(9L, c.seed());
        assertEquals(base.description(), c.description());
    }

    @Test
    void noSampledKeysKeepsTheBasesOwnSettings() {
        CnnExperiment base = (CnnExperiment) file.get("base");
        CnnExperiment c = CandidateSpecs.derive(base, (CnnSearch) file.get("s"), Map.of());
        assertEquals(0.2, c.leakyAlpha());
        assertEquals(0.5, c.momentum());
        assertEquals(base.toBuilder().iterations(20L).trainImages(1000).evalEvery(CandidateSpecs.EVALUATE_AT_END)
                .monitorEvery(0).build(), c);
    }
}
