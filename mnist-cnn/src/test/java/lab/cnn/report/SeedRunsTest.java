package lab.cnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.CnnSuite;
import lab.core.config.InvalidValue;
import org.junit.jupiter.api.Test;

class SeedRunsTest {
    @Test
    void theExperimentsOwnSeedKeepsItsNameOtherSeedsAreSuffixed() {
        assertEquals("adam-relu", SeedRuns.runName("adam-relu", 0, 0));
        assertEquals("adam-relu-seed2", SeedRuns.runName("adam-relu", 0, 2));
        assertEquals("adam-relu-seed0", SeedRuns.runName("adam-relu", 5, 0));
        assertEquals("adam-relu", SeedRuns.experimentOf("adam-relu-seed2"));
        assertEquals("adam-relu", SeedRuns.experimentOf("adam-relu"));
        assertEquals("x-seed", SeedRuns.experimentOf("x-seed"));
        assertEquals(2, SeedRuns.seedOf("adam-relu", "adam-relu-seed2"));
        assertEquals(-1, SeedRuns.seedOf("adam", "adam-relu-seed2"));
    }

    @Test
    void aSuiteRefusesRepeatedOrNegativeSeeds() {
        assertEquals(List.of(), new CnnSuite(null, List.of("a"), null).seeds());
        assertThrows(InvalidValue.class, () -> new CnnSuite(null, List.of("a"), List.of(0L, 1L, 0L)));
        assertThrows(InvalidValue.class, () -> new CnnSuite(null, List.of("a"), List.of(-1L)));
    }

    @Test
    void withSeedChangesOnlyTheSeed() {
        CnnExperiment base = new CnnExperiment(null, null, null, null, null, null, null, null, null, null, null, null,
                null, 3.0, null, null, null, null, null, null, null, null, null, null, null);
        CnnExperiment other = base.withSeed(7);
        assertEquals(7L, other.seed());
        assertEquals(base, other.withSeed(0));
    }
}
