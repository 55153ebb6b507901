package lab.cnn.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code kind: cnn-suite}: each listed experiment in turn, with a line of progress between
 * them. Re-running an interrupted suite continues it: members finished on this machine with the
 * same configuration are skipped, the interrupted one resumes from its checkpoint
 * ({@code -Dresume=false} retrains them all).
 */
public final class CnnSuiteRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CnnSuiteRunner.class);

    private CnnSuiteRunner() {
    }

    public static List<CnnOutcome> run(String name, CnnSuite suite, RunContext ctx) {
        List<CnnExperiment> specs = ctx.experiments().references(name, "runs", suite.runs(), CnnExperiment.class);
        List<CnnOutcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < specs.size(); i++) {
            String member = suite.runs().get(i);
            if (ctx.resume() && CnnRunner.finishedBefore(member, specs.get(i), ctx)) {
                LOG.info("{}: [{}/{}] {}: finished before with this configuration (its metrics.json and model.zip "
                        + "are there); skipped (-Dresume=false retrains it)", name, i + 1, specs.size(), member);
                continue;
            }
            LOG.info("{}: [{}/{}] {}", name, i + 1, specs.size(), member);
            outcomes.add(CnnRunner.run(member, specs.get(i), ctx));
            LOG.info(String.format(Locale.ROOT, "%s: %d of %d done in %.1f min", name, i + 1, specs.size(),
                    (System.nanoTime() - start) / 60e9));
        }
        return outcomes;
    }
}
