package lab.cnn.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.cnn.report.SeedRuns;
import lab.core.kind.RunContext;
import lab.core.engine.Engine;
import lab.core.engine.TaskEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code kind: cnn-suite}: each listed experiment in turn, with a line of progress between
 * them. Re-running an interrupted suite continues it: members finished on this machine with the
 * same configuration are skipped, the interrupted one resumes from its checkpoint
 * ({@code -Dresume=false} retrains them all). With {@code engine: spark} the members train as Spark
 * tasks ({@link RemoteMembers}) and the driver writes their files where a local run would.
 */
public final class CnnSuiteRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CnnSuiteRunner.class);

    private CnnSuiteRunner() {
    }

    /** One training of the suite: an experiment, or one seed of it (null: the experiment's own). */
    private record Member(String name, CnnExperiment spec, String experiment, Long seed) {
    }

    /** @return the members trained in this JVM (none when an engine trained them elsewhere: their files are the outcome) */
    public static List<CnnOutcome> run(String name, CnnSuite suite, RunContext ctx) {
        List<Member> specs = members(name, suite, ctx);
        Engine engine = Engine.chosen(suite.engine());
        if (engine != Engine.LOCAL) {
            List<RemoteMembers.Member> todo = new ArrayList<>();
            for (Member m : specs) {
                if (ctx.resume() && CnnRunner.finishedBefore(m.name(), m.spec(), ctx)) {
                    LOG.info("{}: {}: finished before with this configuration; skipped (-Dresume=false retrains it)",
                            name, m.name());
                } else {
                    todo.add(new RemoteMembers.Member(m.name(), m.experiment(), m.seed()));
                }
            }
            RemoteMembers.run(TaskEngines.get(engine, name), name, todo, ctx);
            return List.of();
        }
        List<CnnOutcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < specs.size(); i++) {
            String member = specs.get(i).name();
            CnnExperiment spec = specs.get(i).spec();
            if (ctx.resume() && CnnRunner.finishedBefore(member, spec, ctx)) {
                LOG.info("{}: [{}/{}] {}: finished before with this configuration (its metrics.json and model.zip "
                        + "are there); skipped (-Dresume=false retrains it)", name, i + 1, specs.size(), member);
                continue;
            }
            LOG.info("{}: [{}/{}] {}", name, i + 1, specs.size(), member);
            outcomes.add(CnnRunner.run(member, spec, ctx, "mvn -q compile exec:java -Dexp=" + name));
            LOG.info(String.format(Locale.ROOT, "%s: %d of %d done in %.1f min", name, i + 1, specs.size(),
                    (System.nanoTime() - start) / 60e9));
        }
        return outcomes;
    }

    /** Seed by seed (every experiment's first seed before any second one), so a partial suite already compares. */
    private static List<Member> members(String name, CnnSuite suite, RunContext ctx) {
        List<CnnExperiment> specs = ctx.experiments().references(name, "runs", suite.runs(), CnnExperiment.class);
        List<Member> members = new ArrayList<>();
        if (suite.seeds().isEmpty()) {
            for (int i = 0; i < specs.size(); i++) {
                members.add(new Member(suite.runs().get(i), specs.get(i), suite.runs().get(i), null));
            }
            return members;
        }
        for (long seed : suite.seeds()) {
            for (int i = 0; i < specs.size(); i++) {
                CnnExperiment spec = specs.get(i);
                members.add(new Member(SeedRuns.runName(suite.runs().get(i), spec.seed(), seed), spec.withSeed(seed),
                        suite.runs().get(i), seed));
            }
        }
        return members;
    }
}
