package org.nd4j.nativeblas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

/** The shim DL4J's BaseMKLDNNHelper asks never fails silently: one WARN naming the cause, once. */
class Nd4jCpuShimTest {

    /** A stand-in for the bindings whose native call fails, as a broken libnd4j load would. */
    public static final class ThrowingEnvironment {
        public static ThrowingEnvironment getInstance() {
            return new ThrowingEnvironment();
        }

        public boolean isUseONEDNN() {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        }
    }

    /** A stand-in whose getInstance() itself fails. */
    public static final class BrokenInit {
        public static BrokenInit getInstance() {
            throw new ExceptionInInitializerError("libnd4jcpu.so: cannot open shared object file");
        }

        public boolean isUseONEDNN() {
            return true;
        }
    }

    @Test
    void aMissingDelegateClassIsOneWarning() {
        List<ILoggingEvent> warnings = warningsOf(() -> {
            Nd4jCpu.Environment env = new Nd4jCpu.Environment("org.nd4j.nowhere.Nd4jCpu$Environment");
            assertFalse(env.isUseMKLDNN());
            assertFalse(env.isUseMKLDNN());
            assertTrue(env.failure().contains("ClassNotFoundException"), env.failure());
            return env;
        });
        assertEquals(1, warnings.size(), "one WARN, however often DL4J asks");
        String text = warnings.get(0).getFormattedMessage();
        assertTrue(text.contains("oneDNN layer helpers OFF"), text);
        assertTrue(text.contains("cannot reach org.nd4j.nowhere.Nd4jCpu$Environment.isUseONEDNN()"), text);
        assertTrue(text.contains("ClassNotFoundException"), text);
    }

    @Test
    void aFailingNativeCallIsOneWarningNamingTheError() {
        List<ILoggingEvent> warnings = warningsOf(() -> {
            Nd4jCpu.Environment env = new Nd4jCpu.Environment(ThrowingEnvironment.class.getName());
            assertNull(env.failure(), "the lookup itself works");
            for (int i = 0; i < 3; i++) {
                assertFalse(env.isUseMKLDNN(), "a failure answers 'off'");
            }
            return env;
        });
        assertEquals(1, warnings.size());
        String text = warnings.get(0).getFormattedMessage();
        assertTrue(text.contains("isUseONEDNN() threw: java.lang.UnsatisfiedLinkError: no jnind4jcpu"), text);
        assertEquals(Level.WARN, warnings.get(0).getLevel());
    }

    @Test
    void aFailingGetInstanceIsOneWarning() {
        List<ILoggingEvent> warnings = warningsOf(() -> {
            Nd4jCpu.Environment env = new Nd4jCpu.Environment(BrokenInit.class.getName());
            assertFalse(env.isUseMKLDNN());
            return env;
        });
        assertEquals(1, warnings.size());
        String text = warnings.get(0).getFormattedMessage();
        assertTrue(text.contains("getInstance() threw: java.lang.ExceptionInInitializerError: libnd4jcpu.so"), text);
    }

    @Test
    void theRealDelegateAnswersWithoutWarnings() {
        Nd4j.create(1); // loads the backend
        List<ILoggingEvent> warnings = warningsOf(() -> {
            Nd4jCpu.Environment env = new Nd4jCpu.Environment(Nd4jCpu.DELEGATE_CLASS);
            assertTrue(env.isUseMKLDNN(), "the test JVM runs a oneDNN build");
            assertNull(env.failure());
            return env;
        });
        assertEquals(List.of(), warnings);
        assertNull(Nd4jCpu.Environment.getInstance().failure());
    }

    private static List<ILoggingEvent> warningsOf(Supplier<?> action) {
        Logger logger = (Logger) LoggerFactory.getLogger(Nd4jCpu.class);
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
