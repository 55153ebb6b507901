package lab.cnn.monitor;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Forwards to DL4J's UI stats listener until its file is gone: on Ctrl-C, MapDB's own shutdown
 * hook closes the file while the training loop finishes its step and saves a checkpoint, and the
 * listener's next write would end the run with a stack trace ("DB was closed") instead.
 */
final class StopSafeListener implements TrainingListener {
    private final TrainingListener delegate;
    private volatile boolean closed;

    StopSafeListener(TrainingListener delegate) {
        this.delegate = delegate;
    }

    private void guarded(Runnable call) {
        if (closed) {
            return;
        }
        try {
            call.run();
        } catch (IllegalAccessError e) { // MapDB's DB.checkNotClosed
            closed = true;
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        guarded(() -> delegate.iterationDone(model, iteration, epoch));
    }

    @Override
    public void onEpochStart(Model model) {
        guarded(() -> delegate.onEpochStart(model));
    }

    @Override
    public void onEpochEnd(Model model) {
        guarded(() -> delegate.onEpochEnd(model));
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        guarded(() -> delegate.onForwardPass(model, activations));
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        guarded(() -> delegate.onForwardPass(model, activations));
    }

    @Override
    public void onGradientCalculation(Model model) {
        guarded(() -> delegate.onGradientCalculation(model));
    }

    @Override
    public void onBackwardPass(Model model) {
        guarded(() -> delegate.onBackwardPass(model));
    }
}
