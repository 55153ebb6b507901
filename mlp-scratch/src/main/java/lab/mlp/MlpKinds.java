package lab.mlp;

import java.util.List;
import lab.core.kind.ExperimentKind;
import lab.core.kind.KindProvider;
import lab.mlp.experiment.MlpBench;
import lab.mlp.experiment.MlpBenchRunner;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.experiment.MlpGallery;
import lab.mlp.experiment.MlpGalleryRunner;
import lab.mlp.experiment.MlpRunner;
import lab.mlp.search.MlpSearch;
import lab.mlp.search.MlpSearchRunner;

/** The experiment kinds of mlp-scratch (registered in META-INF/services/lab.core.kind.KindProvider). */
public final class MlpKinds implements KindProvider {
    @Override
    public List<ExperimentKind<?>> kinds() {
        return List.of(
                ExperimentKind.of("mlp", MlpExperiment.class, MlpRunner::run),
                ExperimentKind.of("mlp-gallery", MlpGallery.class, MlpGalleryRunner::run),
                ExperimentKind.of("mlp-bench", MlpBench.class,
                        (name, bench, ctx) -> MlpBenchRunner.run(name, bench, ctx, System.out)),
                ExperimentKind.of("mlp-search", MlpSearch.class, MlpSearchRunner::run));
    }
}
