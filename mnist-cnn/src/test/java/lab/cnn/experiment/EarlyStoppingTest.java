package lab.cnn.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import lab.core.UserError;
import lab.core.config.ExperimentsFile;
import lab.core.io.Json;
import org.junit.jupiter.api.Test;

/** {@code early_stopping:} as read from YAML: its default, its one-line mistakes, its JSON echo. */
class EarlyStoppingTest {
    private static CnnExperiment read(String keys) {
        ExperimentsFile file = ExperimentsFile.parse("experiments.yaml",
                "experiments:\n  x:\n    kind: cnn\n" + keys, Map.of("cnn", CnnExperiment.class));
        return (CnnExperiment) file.get("x");
    }

    private static String error(String keys) {
        String message = assertThrows(UserError.class, () -> read(keys)).getMessage();
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    @Test
    void patienceDefaultsToThreeAndAbsentMeansNone() {
        assertEquals(new EarlyStopping(3), read("    early_stopping: {}\n").earlyStopping());
        assertEquals(5, read("    early_stopping: {patience: 5}\n").earlyStopping().patience());
        CnnExperiment plain = read("    epochs: 2\n");
        assertNull(plain.earlyStopping());
        assertTrue(!Json.mapper().valueToTree(plain).has("early_stopping"),
                "absent from the config echo, so runs without it keep their fingerprints");
    }

    @Test
    void mistakesAreOneLineNamingTheKey() {
        assertTrue(error("    early_stopping: {patience: 0}\n").contains("patience: must be >= 1"));
        assertTrue(error("    early_stopping: {patience: 2}\n    distributed: {}\n")
                .contains("early_stopping: only applies without distributed"));
        assertTrue(error("    early_stopping: {patiense: 2}\n").contains("patiense"));
    }
}
