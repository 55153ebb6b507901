package lab.cnn.search;

import java.util.Map;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.model.CnnActivation;
import lab.cnn.model.UpdaterKind;
import lab.cnn.model.WeightInitKind;

/**
 * A candidate of a cnn search as an ordinary cnn experiment: the base experiment, overridden by
 * the sampled parameters and by the search's training length and image counts. The seed stays
 * the base's for every candidate (same initial weights where shapes allow, same data order, same
 * dropout masks), so candidates differ only in the parameters. Keys of the base that a search
 * does not touch are copied as they are.
 */
final class CandidateSpecs {
    /** Candidates are evaluated once, on validation, when training ends. */
    static final long EVALUATE_AT_END = Long.MAX_VALUE;

    private CandidateSpecs() {
    }

    static CnnExperiment derive(CnnExperiment base, CnnSearch search, Map<String, Object> params) {
        CnnActivation activation = (CnnActivation) params.getOrDefault("activation", base.activation());
        UpdaterKind updater = (UpdaterKind) params.getOrDefault("updater", base.updater());
        WeightInitKind weightInit = (WeightInitKind) params.getOrDefault("weight_init", base.weightInit());
        double learningRate = number(params, "learning_rate", base.learningRate()).doubleValue();
        double dropoutKeep = number(params, "dropout_keep", base.dropoutKeep()).doubleValue();
        int fcWidth = number(params, "fc_width", base.fcWidth()).intValue();
        int batchSize = number(params, "batch_size", base.batchSize()).intValue();
        CnnExperiment.Builder candidate = base.toBuilder()
                // the builder drops leaky_alpha, maxout_pieces and momentum where they no longer apply
                .activation(activation)
                .updater(updater)
                .weightInit(weightInit)
                .learningRate(learningRate)
                .dropoutKeep(dropoutKeep)
                .fcWidth(fcWidth)
                .batchSize(batchSize)
                .evalEvery(EVALUATE_AT_END)
                .trainImages(or(search.trainImages(), base.trainImages()))
                .validationImages(or(search.validationImages(), base.validationImages()))
                .testImages(or(search.testImages(), base.testImages()))
                .monitorEvery(0);
        if (search.iterations() != null) {
            candidate.iterations(search.iterations());
        } else if (search.epochs() != null) {
            candidate.epochs(search.epochs());
        }
        return candidate.build();
    }

    private static Number number(Map<String, Object> params, String key, Number fallback) {
        Object v = params.get(key);
        return v == null ? fallback : (Number) v;
    }

    private static Integer or(Integer value, Integer fallback) {
        return value != null ? value : fallback;
    }
}
