package lab.cnn.search;

import java.util.HashMap;
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
        Map<String, Object> with = new HashMap<>();
        with.put("activation", activation);
        // keys that apply to one activation or updater only must be absent otherwise
        with.put("leakyAlpha", activation == CnnActivation.LEAKYRELU ? base.leakyAlpha() : null);
        with.put("maxoutPieces", activation == CnnActivation.MAXOUT ? base.maxoutPieces() : null);
        with.put("updater", updater);
        with.put("momentum", updater == UpdaterKind.MOMENTUM ? base.momentum() : null);
        with.put("weightInit", weightInit);
        with.put("learningRate", learningRate);
        with.put("dropoutKeep", dropoutKeep);
        with.put("fcWidth", fcWidth);
        with.put("batchSize", batchSize);
        with.put("epochs", epochs);
        with.put("iterations", iterations);
        with.put("evalEvery", EVALUATE_AT_END);
        with.put("trainImages", or(search.trainImages(), base.trainImages()));
        with.put("validationImages", or(search.validationImages(), base.validationImages()));
        with.put("testImages", or(search.testImages(), base.testImages()));
        with.put("monitorEvery", 0);
        return RecordCopy.with(base, with);
    }

    private static Number number(Map<String, Object> params, String key, Number fallback) {
        Object v = params.get(key);
        return v == null ? fallback : (Number) v;
    }

    private static Integer or(Integer value, Integer fallback) {
        return value != null ? value : fallback;
    }
}
