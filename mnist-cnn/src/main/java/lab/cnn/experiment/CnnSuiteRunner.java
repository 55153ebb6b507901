package lab.cnn.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code kind: cnn-suite}: each listed experiment in turn, with a line of progress between them. */
public final class CnnSuiteRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CnnSuiteRunner.class);

    private CnnSuiteRunner() {
    }

    public static List<CnnOutcome> run(String name, CnnSuite suite, RunContext ctx) {
        List<CnnExperiment> specs = ctx.experiments().references(name, "runs", suite.runs(), CnnExperiment.class);
        List<CnnOutcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < specs.size(); i++) {
            LOG.info("{}: [{}/{}] {}", name, i + 1, specs.size(), suite.runs().get(i));
            outcomes.add(CnnRunner.run(suite.runs().get(i), specs.get(i), ctx));
            LOG.info(String.format(Locale.ROOT, "%s: %d of %d done in %.1f min", name, i + 1, specs.size(),
                    (System.nanoTime() - start) / 60e9));
        }
        return outcomes;
    }
}
