package lab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import lab.cnn.experiment.UiBrowse;
import lab.cnn.monitor.SavedRunsBrowser;
import lab.cnn.search.CnnSearch;
import lab.cnn.search.CnnSearchRunner;
import lab.core.RunContext;
import lab.core.UserError;
import lab.core.config.ExperimentSpec;
import lab.mlp.experiment.MlpBench;
import lab.mlp.experiment.MlpBenchRunner;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.experiment.MlpGallery;
import lab.mlp.experiment.MlpGalleryRunner;
import lab.mlp.experiment.MlpRunner;
import lab.mlp.search.MlpSearch;
import lab.mlp.search.MlpSearchRunner;

/** Every {@code kind:} of experiments.yaml: the record it binds to and the runner that runs it. */
final class Kinds {
    private Kinds() {
    }

    static Map<String, Class<? extends ExperimentSpec>> all() {
        Map<String, Class<? extends ExperimentSpec>> kinds = new LinkedHashMap<>();
        kinds.put("mlp", MlpExperiment.class);
        kinds.put("mlp-gallery", MlpGallery.class);
        kinds.put("mlp-bench", MlpBench.class);
        kinds.put("cnn", CnnExperiment.class);
        kinds.put("data", DataCheck.class);
        kinds.put("cnn-bench", CnnBench.class);
        kinds.put("cnn-suite", CnnSuite.class);
        kinds.put("cnn-report", CnnReport.class);
        kinds.put("ui", UiBrowse.class);
        kinds.put("search", CnnSearch.class);
        kinds.put("mlp-search", MlpSearch.class);
        kinds.put("predict", Predict.class);
        kinds.put("digit-examples", DigitExamples.class);
        return kinds;
    }

    static void run(String name, ExperimentSpec spec, RunContext ctx) {
        run(name, spec, ctx, List.of());
    }

    /** Only kind: predict takes arguments of its own; for any other kind they are a usage mistake. */
    static void checkArguments(String name, ExperimentSpec spec, List<String> args) {
        if (!args.isEmpty() && !(spec instanceof Predict)) {
            throw UserError.usage("unknown option or argument for " + name + ": " + String.join(" ", args)
                    + " (only kind: predict takes arguments of its own; see --help)");
        }
    }

    static void run(String name, ExperimentSpec spec, RunContext ctx, List<String> args) {
        checkArguments(name, spec, args);
        if (spec instanceof Predict predict) {
            PredictRunner.run(name, predict, PredictArgs.parse(name, args), ctx, System.out, System.err);
        } else if (spec instanceof DigitExamples examples) {
            DigitExamplesRunner.run(name, examples, ctx);
        } else if (spec instanceof MlpExperiment mlp) {
            MlpRunner.run(name, mlp, ctx);
        } else if (spec instanceof MlpGallery gallery) {
            MlpGalleryRunner.run(name, gallery, ctx);
        } else if (spec instanceof MlpBench bench) {
            MlpBenchRunner.run(name, bench, ctx, System.out);
        } else if (spec instanceof CnnExperiment cnn) {
            CnnRunner.run(name, cnn, ctx);
        } else if (spec instanceof CnnReport report) {
            CnnReportRunner.run(name, report, ctx);
        } else if (spec instanceof UiBrowse) {
            SavedRunsBrowser.serve(ctx.runsDir());
        } else if (spec instanceof CnnSuite suite) {
            CnnSuiteRunner.run(name, suite, ctx);
        } else if (spec instanceof CnnBench bench) {
            CnnBenchRunner.run(name, bench, ctx, System.out);
        } else if (spec instanceof MlpSearch search) {
            MlpSearchRunner.run(name, search, ctx);
        } else if (spec instanceof CnnSearch search) {
            CnnSearchRunner.run(name, search, ctx);
        } else if (spec instanceof DataCheck data) {
            DataCheckRunner.run(name, data, ctx);
        } else {
            throw new IllegalStateException("no runner for " + spec.getClass().getName());
        }
    }
}
