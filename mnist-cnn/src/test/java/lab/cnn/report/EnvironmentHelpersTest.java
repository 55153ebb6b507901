package lab.cnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lab.cnn.backend.Backend;
import lab.cnn.backend.LayerHelpers;
import lab.cnn.backend.NativeVariant;
import lab.cnn.backend.SmallConvNet;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Environment reports what ran: the loaded build, and per layer the helper it holds now. */
class EnvironmentHelpersTest {
    @AfterEach
    void restore() {
        Backend.setOneDnn(true);
    }

    private static Map<String, String> expect(String convPool) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("conv1", convPool);
        m.put("pool1", convPool);
        m.put("conv2", convPool);
        m.put("pool2", convPool);
        m.put("fc1", "none");
        m.put("fc1-maxout", "java");
        m.put("output", "none");
        return m;
    }

    @Test
    void oneDnnOnGivesOneDnnHelpersOnConvAndPool() {
        MultiLayerNetwork net = SmallConvNet.create();
        List<ILoggingEvent> warnings = warningsOf(() -> Environment.helpers(net));
        assertEquals(expect("onednn"), Environment.helpers(net));
        assertEquals(List.of(), warnings);

        Map<String, String> backend = Environment.backend(net);
        assertEquals("linux-x86_64" + System.getProperty(NativeVariant.EXTENSION_PROPERTY), backend.get("native_build"));
        assertEquals(null, backend.get("native_library"), "no machine paths in results");
        assertEquals("true", backend.get("dl4j_helpers"));
        assertEquals("true", backend.get("onednn"));
        assertEquals("true", backend.get("helpers_requested"));
        assertEquals("conv1=onednn, pool1=onednn, conv2=onednn, pool2=onednn, fc1=none, fc1-maxout=java, output=none",
                backend.get("helpers"));
        for (String key : new String[] {"omp_threads", "cpu_model", "cpu_flags", "cpu_cores", "physical_cores", "java",
            "deeplearning4j"}) {
            assertTrue(backend.containsKey(key), key + " in " + backend);
        }
        assertEquals("1.0.0-M2.1", backend.get("deeplearning4j"));
        assertEquals("1.0.0-M2.1", Environment.versions().get("deeplearning4j"));
    }

    @Test
    void oneDnnOffGivesNone() {
        Backend.setOneDnn(false);
        MultiLayerNetwork net = SmallConvNet.create();
        List<ILoggingEvent> warnings = warningsOf(() -> Environment.helpers(net));
        assertEquals(expect("none"), Environment.helpers(net));
        assertEquals(List.of(), warnings, "helpers were not requested: nothing to warn about");
        Map<String, String> backend = Environment.backend(net);
        assertEquals("false", backend.get("dl4j_helpers"));
        assertEquals("false", backend.get("helpers_requested"));
        assertEquals("false", backend.get("onednn"));
    }

    @Test
    void aLayerWithoutItsHelperIsOneWarningWithTheReason() {
        Backend.setOneDnn(false);
        MultiLayerNetwork net = SmallConvNet.create(); // helpers are chosen now: none
        Backend.setOneDnn(true);
        List<ILoggingEvent> warnings = warningsOf(() -> Environment.helpers(net));
        assertEquals(4, warnings.size(), "conv1, pool1, conv2, pool2: " + warnings);
        String first = warnings.get(0).getFormattedMessage();
        assertTrue(first.startsWith("layer conv1 (ConvolutionLayer) runs WITHOUT its oneDNN helper"), first);
        assertTrue(first.contains("created while helpers were off"), first);
        assertTrue(warnings.get(1).getFormattedMessage().startsWith("layer pool1 (SubsamplingLayer)"));
        assertEquals(List.of(), warningsOf(() -> Environment.helpers(net)), "once per layer and reason");
    }

    @Test
    void aHelperThatFellBackIsNoneWithTheReason() throws ReflectiveOperationException {
        MultiLayerNetwork net = SmallConvNet.create();
        ConvolutionLayer conv2 = (ConvolutionLayer) net.getLayer("conv2");
        Field fails = ConvolutionLayer.class.getDeclaredField("helperCountFail");
        fails.setAccessible(true);
        fails.setInt(conv2, 1); // what DL4J does after the helper threw once
        List<ILoggingEvent> warnings = warningsOf(() -> Environment.helpers(net));
        assertEquals("none", Environment.helpers(net).get("conv2"));
        assertEquals("onednn", Environment.helpers(net).get("conv1"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).getFormattedMessage().contains("the helper threw 1 time(s) during training"));
    }

    private static List<ILoggingEvent> warningsOf(Supplier<?> action) {
        Logger logger = (Logger) LoggerFactory.getLogger(LayerHelpers.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.get();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }
}
