package lab.cnn.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import lab.core.UserError;
import lab.core.config.ExperimentsFile;
import lab.core.io.Json;
import org.junit.jupiter.api.Test;

/** {@code distributed:} as read from YAML: each mode's defaults, and one line for each mistake. */
class DistributedTest {
    private static Distributed read(String distributed) {
        ExperimentsFile file = ExperimentsFile.parse("experiments.yaml",
                "experiments:\n  x:\n    kind: cnn\n    distributed: " + distributed + "\n",
                Map.of("cnn", CnnExperiment.class));
        return ((CnnExperiment) file.get("x")).distributed();
    }

    private static String error(String distributed) {
        return assertThrows(UserError.class, () -> read(distributed)).getMessage();
    }

    @Test
    void parameterAveragingIsTheDefaultModeAndItsConfigIsAsBefore() {
        Distributed d = read("{}");
        assertEquals(new Distributed(Distributed.Mode.PARAMETER_AVERAGING, 2, 5, 2, null), d);
        JsonNode json = Json.mapper().valueToTree(d);
        assertEquals(List.of("mode", "workers", "averaging_frequency", "prefetch"), fieldNames(json),
                "no threshold key: fingerprints of parameter-averaging runs stay as they were");
    }

    @Test
    void gradientSharingHasAThresholdAndNoAveragingFrequency() {
        Distributed d = read("{mode: gradient-sharing, workers: 3}");
        assertEquals(new Distributed(Distributed.Mode.GRADIENT_SHARING, 3, null, 2, Distributed.DEFAULT_THRESHOLD), d);
        assertEquals(1e-4, d.threshold());
        assertEquals(List.of("mode", "workers", "prefetch", "threshold"), fieldNames(Json.mapper().valueToTree(d)));
        assertEquals(1e-3, read("{mode: gradient-sharing, threshold: 1.0e-3}").threshold());
        assertEquals("gradient-sharing", Json.mapper().valueToTree(d).get("mode").asText());
        assertNull(read("{mode: gradient-sharing, prefetch: 0}").averagingFrequency());
    }

    @Test
    void aBadValueIsOneLineNamingTheKeyTheValueAndWhatIsAllowed() {
        for (String bad : List.of("0", "1", "-1.0e-3", "1.5")) {
            String message = error("{mode: gradient-sharing, threshold: " + bad + "}");
            assertTrue(message.contains("threshold: must be > 0 and < 1") && message.contains("got " + Double.valueOf(bad)),
                    message);
            assertEquals(1, message.lines().count(), message);
        }
        assertTrue(error("{mode: gradient-sharing, workers: 0}").contains("workers: must be >= 1, got 0"));
        assertTrue(error("{mode: gradient-sharing, prefetch: -1}").contains("prefetch: must be >= 0, got -1"));
        assertTrue(error("{mode: ring}").contains("mode: unknown value 'ring' (allowed: parameter-averaging, "
                + "gradient-sharing)"));
    }

    @Test
    void aKeyOfTheOtherModeIsRefused() {
        String averaging = error("{mode: gradient-sharing, averaging_frequency: 5}");
        assertTrue(averaging.contains("averaging_frequency: only applies with mode parameter-averaging"), averaging);
        String threshold = error("{mode: parameter-averaging, threshold: 1.0e-3}");
        assertTrue(threshold.contains("threshold: only applies with mode gradient-sharing"), threshold);
        assertTrue(error("{threshold: 1.0e-3}").contains("threshold: only applies with mode gradient-sharing"));
        assertTrue(error("{mode: gradient-sharing, thresold: 1.0e-3}").contains("thresold"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
