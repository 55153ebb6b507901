package lab.cnn;

import java.util.List;
import lab.cnn.experiment.CnnBench;
import lab.cnn.experiment.CnnBenchRunner;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.CnnReport;
import lab.cnn.experiment.CnnReportRunner;
import lab.cnn.experiment.CnnRunner;
import lab.cnn.experiment.CnnSuite;
import lab.cnn.experiment.CnnSuiteRunner;
import lab.cnn.experiment.DataCheck;
import lab.cnn.experiment.DataCheckRunner;
import lab.cnn.experiment.DigitExamples;
import lab.cnn.experiment.DigitExamplesRunner;
import lab.cnn.experiment.Predict;
import lab.cnn.experiment.PredictRunner;
import lab.cnn.experiment.TensorBoardBrowse;
import lab.cnn.experiment.UiBrowse;
import lab.cnn.monitor.SavedRunsBrowser;
import lab.cnn.monitor.TensorBoardServer;
import lab.cnn.search.CnnSearch;
import lab.cnn.search.CnnSearchRunner;
import lab.core.kind.ExperimentKind;
import lab.core.kind.KindProvider;

/** The experiment kinds of mnist-cnn (registered in META-INF/services/lab.core.kind.KindProvider). */
public final class CnnKinds implements KindProvider {
    @Override
    public List<ExperimentKind<?>> kinds() {
        return List.of(
                ExperimentKind.of("cnn", CnnExperiment.class, CnnRunner::run),
                ExperimentKind.of("data", DataCheck.class, DataCheckRunner::run),
                ExperimentKind.of("cnn-bench", CnnBench.class,
                        (name, bench, ctx) -> CnnBenchRunner.run(name, bench, ctx, System.out)),
                ExperimentKind.of("cnn-suite", CnnSuite.class, CnnSuiteRunner::run),
                ExperimentKind.of("cnn-report", CnnReport.class, CnnReportRunner::run),
                ExperimentKind.of("ui", UiBrowse.class, (name, ui, ctx) -> SavedRunsBrowser.serve(ctx.runsDir())),
                ExperimentKind.of("tensorboard", TensorBoardBrowse.class,
                        (name, tb, ctx) -> TensorBoardServer.serve(ctx.runsDir(), tb.host(), tb.port())),
                ExperimentKind.of("search", CnnSearch.class, CnnSearchRunner::run),
                ExperimentKind.withArguments("predict", Predict.class, PredictRunner::run),
                ExperimentKind.of("digit-examples", DigitExamples.class, DigitExamplesRunner::run));
    }
}
