package lab.mlp.train;

import lab.mlp.data.Dataset;
import lab.mlp.model.Network;

/**
 * The state of training after {@code pass} passes, for a {@link PassListener}.
 *
 * @param loss     the curve's loss (mean cross-entropy plus the L2 term over N) at this pass
 * @param accuracy training accuracy at this pass
 * @param network  the network being trained: read its parameters or run it forward, never step it
 * @param data     the training data
 */
public record PassEvent(int pass, int totalPasses, double loss, double accuracy, Network network, Dataset data) {
}
