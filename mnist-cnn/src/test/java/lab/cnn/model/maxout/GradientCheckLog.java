package lab.cnn.model.maxout;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Runs a gradient check and reads back the "Largest relative error" that GradientCheckUtil only
 * logs, so tests can report it.
 */
final class GradientCheckLog {

    private static final Pattern LARGEST = Pattern.compile("Largest relative error = (\\S+)");

    private GradientCheckLog() {
    }

    record Result(boolean passed, double maxRelError) {
    }

    static Result check(GradientCheckUtil.MLNConfig config) {
        Logger logger = (Logger) LoggerFactory.getLogger(GradientCheckUtil.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level previous = logger.getLevel();
        boolean additive = logger.isAdditive();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
        try {
            boolean passed = GradientCheckUtil.checkGradients(config);
            return new Result(passed, largest(appender.list));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
            logger.setAdditive(additive);
        }
    }

    private static double largest(List<ILoggingEvent> events) {
        for (ILoggingEvent e : events) {
            Matcher m = LARGEST.matcher(e.getFormattedMessage());
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }
}
