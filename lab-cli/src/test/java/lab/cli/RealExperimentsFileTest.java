package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.core.config.ExperimentSpec;
import lab.core.config.ExperimentsFile;
import lab.mlp.experiment.CsvSpec;
import lab.mlp.experiment.Factors;
import lab.mlp.experiment.MlpBench;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.experiment.MlpGallery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's own experiments.yaml (surefire runs in lab-cli/, so it is one level up). */
class RealExperimentsFileTest {
    static final Path FILE = Path.of("..", "experiments.yaml").toAbsolutePath().normalize();
    static ExperimentsFile experiments;

    @BeforeAll
    static void load() {
        assertTrue(Files.isRegularFile(FILE), FILE + " missing");
        experiments = ExperimentsFile.load(FILE, Kinds.all());
    }

    static void assertAllMlp(String referrer, List<String> runs) {
        for (String run : runs) {
            assertTrue(experiments.names().contains(run), referrer + " refers to unknown experiment " + run);
            assertInstanceOf(MlpExperiment.class, experiments.get(run), referrer + ": " + run + " is not kind mlp");
        }
    }

    @Test
    void loadsWithExperiments() {
        assertFalse(experiments.names().isEmpty());
        assertEquals("experiments.yaml", experiments.fileName());
    }

    @Test
    void benchListsEighteenMlpRuns() {
        MlpBench bench = assertInstanceOf(MlpBench.class, experiments.get("mlp-bench"));
        assertEquals(18, bench.runs().size(), bench.runs().toString());
        assertAllMlp("mlp-bench", bench.runs());
    }

    @Test
    void galleryRefersOnlyToMlpExperiments() {
        MlpGallery gallery = assertInstanceOf(MlpGallery.class, experiments.get("mlp-gallery"));
        assertFalse(gallery.sections().isEmpty());
        for (MlpGallery.Section section : gallery.sections()) {
            assertAllMlp("mlp-gallery section '" + section.title() + "'", section.runs());
        }
    }

    @Test
    void everyGalleryComparisonVariesOneFactor() {
        MlpGallery gallery = (MlpGallery) experiments.get("mlp-gallery");
        for (MlpGallery.Section section : gallery.sections()) {
            if (section.comparison()) {
                Factors.Split split = Factors.split(section.runs().stream()
                        .map(r -> (MlpExperiment) experiments.get(r)).toList());
                assertEquals(1, split.varies().size(), section.title() + ": " + split.varies());
            }
        }
    }

    @Test
    void everyExperimentHasADescriptionAndCsvFilesExist() {
        for (var entry : experiments.all().entrySet()) {
            ExperimentSpec spec = entry.getValue();
            assertFalse(spec.description().isBlank(), entry.getKey() + " has no description");
            if (spec instanceof MlpExperiment mlp && mlp.dataset() instanceof CsvSpec csvSpec) {
                Path csv = FILE.getParent().resolve(csvSpec.path());
                assertTrue(Files.isRegularFile(csv), entry.getKey() + ": " + csv + " missing");
            }
        }
    }

    @Test
    void theExperimentsPageNamesEveryExperiment() throws java.io.IOException {
        String page = java.nio.file.Files.readString(FILE.getParent().resolve("docs").resolve("experiments.md"));
        for (String name : experiments.names()) {
            org.junit.jupiter.api.Assertions.assertTrue(page.contains("`" + name + "`"),
                    "docs/experiments.md does not list experiment " + name);
        }
    }
}
