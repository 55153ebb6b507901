package lab.cnn.search;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import lab.core.search.CandidateOutcome;
import lab.core.search.CandidateRecord;
import lab.core.search.Params;
import lab.core.tensorboard.EventFiles;
import lab.core.tensorboard.EventWriter;

/**
 * A search's TensorBoard log ({@code runs/SEARCH/tensorboard/}, started afresh by every search):
 * each scored candidate's validation error as one scalar under its own name
 * ({@code candidates/07 learning_rate=0.0029 activation=relu}, step = candidate number), and all
 * of them under {@value #ALL} (step = candidate number). Candidates may finish on several threads.
 * The HParams dashboard is not written: it needs the hparams plugin's own protobufs.
 */
final class SearchTensorBoard implements AutoCloseable {
    static final String ALL = "search/validation_error";

    private final EventWriter writer;

    SearchTensorBoard(Path logDir) {
        EventFiles.deleteAll(logDir);
        this.writer = EventWriter.open(logDir);
        writer.sessionStart(0);
        writer.flush();
    }

    static String tag(int index, Map<String, Object> params) {
        return String.format(Locale.ROOT, "candidates/%02d %s", index + 1, Params.describe(params));
    }

    /** Failed candidates (diverged) have no score and write nothing. */
    void candidate(int index, Map<String, Object> params, CandidateOutcome outcome) {
        if (!outcome.ok()) {
            return;
        }
        double error = 1 - outcome.score();
        writer.scalar(tag(index, params), index + 1, error);
        writer.scalar(ALL, index + 1, error);
        writer.flush();
    }

    /** A candidate scored elsewhere (a Spark task): the same scalars from its record. */
    void candidate(CandidateRecord record) {
        if (record.ok()) {
            candidate(record.index(), record.params(), CandidateOutcome.scored(record.score(), null));
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
