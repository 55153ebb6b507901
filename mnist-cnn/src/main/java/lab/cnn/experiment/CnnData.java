package lab.cnn.experiment;

import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.ImageGeometry;
import lab.core.kind.RunContext;

/**
 * The three splits of a cnn experiment as DL4J iterators: training shuffled with the
 * experiment's seed, validation and test in file order.
 */
public record CnnData(String name, String source, ImageGeometry geometry, ImageDataSetIterator train,
               ImageDataSetIterator validation, ImageDataSetIterator test) {

    static CnnData load(String experiment, CnnExperiment spec, RunContext ctx) {
        CnnImages images = CnnImages.load(experiment, spec, ctx);
        return new CnnData(images.name(), images.source(), images.geometry(), images.train(spec), images.validation(),
                images.test());
    }

    int trainCount() {
        return train.numExamples();
    }

    int validationCount() {
        return validation.numExamples();
    }

    int testCount() {
        return test.numExamples();
    }
}
