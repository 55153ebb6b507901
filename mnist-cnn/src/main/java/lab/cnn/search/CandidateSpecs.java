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
 * dropout masks), so candidates differ only in the parameters.
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
        Double epochs;
        Long iterations;
        if (search.iterations() != null) {
            epochs = null;
            iterations = search.iterations();
        } else if (search.epochs() != null) {
            epochs = search.epochs();
            iterations = null;
        } else {
            epochs = base.epochs();
            iterations = base.iterations();
        }
        return new CnnExperiment(base.description(), base.dataset(), activation,
                activation == CnnActivation.LEAKYRELU ? base.leakyAlpha() : null,
                activation == CnnActivation.MAXOUT ? base.maxoutPieces() : null,
                updater, learningRate, updater == UpdaterKind.MOMENTUM ? base.momentum() : null, batchSize, weightInit,
                dropoutKeep, fcWidth, base.seed(), epochs, iterations, EVALUATE_AT_END, base.lossEvery(),
                or(search.trainImages(), base.trainImages()), or(search.validationImages(), base.validationImages()),
                or(search.testImages(), base.testImages()), 0);
    }

    private static Number number(Map<String, Object> params, String key, Number fallback) {
        Object v = params.get(key);
        return v == null ? fallback : (Number) v;
    }

    private static Integer or(Integer value, Integer fallback) {
        return value != null ? value : fallback;
    }
}
