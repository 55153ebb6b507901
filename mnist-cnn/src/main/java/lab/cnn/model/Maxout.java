package lab.cnn.model;

import lab.cnn.model.maxout.MaxoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/** The maxout layer that follows a widened conv or fc layer. */
final class Maxout {
    private Maxout() {
    }

    static Layer layer(int pieces, String name) {
        return new MaxoutLayer.Builder(pieces).name(name).build();
    }
}
