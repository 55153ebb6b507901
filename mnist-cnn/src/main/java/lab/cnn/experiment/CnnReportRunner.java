package lab.cnn.experiment;

import lab.cnn.report.CnnReports;
import lab.core.kind.RunContext;

/** Runs {@code kind: cnn-report}: every listed experiment's charts and report, then the index. */
public final class CnnReportRunner {
    private CnnReportRunner() {
    }

    public static void run(String name, CnnReport report, RunContext ctx) {
        ctx.experiments().references(name, "runs", report.runs(), CnnExperiment.class);
        CnnReports.writeAll(ctx.resultsDir(), ctx.runsDir(), report.runs(), "mvn -q compile exec:java -Dexp=" + name,
                report.train());
    }
}
