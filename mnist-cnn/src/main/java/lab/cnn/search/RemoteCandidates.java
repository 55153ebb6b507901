package lab.cnn.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.CnnImages;
import lab.core.kind.RunContext;
import lab.core.engine.RemoteContext;
import lab.core.kind.KindRegistry;
import lab.core.search.CandidateOutcome;
import lab.core.search.RemoteTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A cnn search's candidate trained where an engine runs it: the search is bound again from the
 * experiments file, the images loaded once per JVM, and the candidate trained by
 * {@link CnnSearchRunner#train} as locally. The network comes back saved (with its updater, as
 * best-model.zip keeps it), so the driver can test and save the winner.
 *
 * @param context the run's settings
 * @param search  the search's name in the experiments file
 */
record RemoteCandidates(RemoteContext context, String search) implements RemoteTrainer {
    private static final long serialVersionUID = 1L;

    /** What a JVM loaded for the search it last ran: one at a time, so images of old searches can go. */
    private record Loaded(RemoteCandidates key, CnnExperiment base, CnnSearch spec, CnnImages data) {
    }

    private static Loaded loaded;

    @Override
    public RemoteOutcome train(int index, Map<String, Object> params) {
        Loaded l = load();
        CandidateOutcome outcome = CnnSearchRunner.train(search, index, l.base(), l.spec(), params, l.data());
        return outcome.ok() ? RemoteOutcome.scored(outcome.score(), save((MultiLayerNetwork) outcome.model()))
                : RemoteOutcome.failed(outcome.failure());
    }

    private Loaded load() {
        synchronized (RemoteCandidates.class) {
            if (loaded == null || !loaded.key().equals(this)) {
                loaded = null; // let the old images go before the new ones load
                RunContext ctx = context.open(KindRegistry.discover().specTypes(), null);
                CnnSearch spec = ctx.experiments().reference(search, CnnSearch.class, List.of("experiments", search));
                CnnExperiment base = ctx.experiments().reference(spec.base(), CnnExperiment.class,
                        List.of("experiments", search, "base"));
                CnnImages data = CnnImages.load(spec.base(), CandidateSpecs.derive(base, spec, Map.of()), ctx);
                loaded = new Loaded(this, base, spec, data);
            }
            return loaded;
        }
    }

    private static byte[] save(MultiLayerNetwork net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(net, bytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static MultiLayerNetwork restore(byte[] saved) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(saved), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
