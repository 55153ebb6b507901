package lab.cnn.experiment;

import lab.core.config.Check;
import lab.core.config.ExperimentSpec;

/**
 * {@code kind: predict}: the top guesses of a trained cnn for pictures and IDX files given on the
 * command line ({@code -Dexec.args="--model runs/NAME/model.zip FILE..."}).
 *
 * @param model the cnn experiment whose {@code <runs>/NAME/model.zip} is used without {@code --model}
 * @param top   how many guesses each image gets
 */
public record Predict(String description, String model, Integer top) implements ExperimentSpec {
    public Predict {
        description = description == null ? "" : description;
        model = model == null ? "adam-relu" : model;
        top = Check.positive("top", top, 3);
    }
}
