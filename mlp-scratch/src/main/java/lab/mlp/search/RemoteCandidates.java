package lab.mlp.search;

import java.util.List;
import java.util.Map;
import lab.core.kind.RunContext;
import lab.core.engine.RemoteContext;
import lab.core.kind.KindRegistry;
import lab.core.search.CandidateOutcome;
import lab.core.search.RemoteTrainer;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.model.Network;
import lab.mlp.train.JitWarmup;
import lab.mlp.train.Score;

/**
 * An mlp search's candidate trained where an engine runs it: the search bound again from the
 * experiments file, its three draws made once per JVM (the same seeded draws as the driver's),
 * trained by {@link MlpSearchRunner#train} as locally. A candidate also measures its test
 * accuracy (a fraction of a millisecond here), which the driver reads for the winner only: the
 * network itself is not sent back.
 */
record RemoteCandidates(RemoteContext context, String search) implements RemoteTrainer {
    private static final long serialVersionUID = 1L;

    private record Loaded(RemoteCandidates key, MlpExperiment base, int passes, SearchSplits data) {
    }

    private static Loaded loaded;

    @Override
    public RemoteOutcome train(int index, Map<String, Object> params) {
        Loaded l = load();
        CandidateOutcome outcome = MlpSearchRunner.train(
                MlpSearchRunner.candidate(l.base(), l.passes(), params, l.data().train()), l.data());
        return outcome.ok()
                ? RemoteOutcome.scored(outcome.score(), Score.of((Network) outcome.model(), l.data().test()).accuracy())
                : RemoteOutcome.failed(outcome.failure());
    }

    private Loaded load() {
        synchronized (RemoteCandidates.class) {
            if (loaded == null || !loaded.key().equals(this)) {
                RunContext ctx = context.open(KindRegistry.discover().specTypes(), null);
                MlpSearch spec = ctx.experiments().reference(search, MlpSearch.class, List.of("experiments", search));
                MlpExperiment base = ctx.experiments().reference(spec.base(), MlpExperiment.class,
                        List.of("experiments", search, "base"));
                JitWarmup.ensure();
                loaded = new Loaded(this, base, spec.passes() != null ? spec.passes() : base.passes(),
                        SearchSplits.of(spec.base(), base.dataset(), ctx));
            }
            return loaded;
        }
    }
}
