package lab.cnn.experiment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.cnn.predict.DigitInputs;
import lab.cnn.predict.DigitModel;
import lab.cnn.predict.PredictionPrinter;
import lab.cnn.predict.Ranked;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.config.ExperimentSpec;

/**
 * Runs {@code kind: predict}: the model first (a wrong model path is one line and nothing else),
 * then every file; a file that cannot be used gets one line on {@code err} and the others go on.
 * Exit code 1 (a {@link UserError} after all output) when any file failed.
 */
public final class PredictRunner {
    private PredictRunner() {
    }

    /** {@code kind: predict}: the files and options come as the experiment's own arguments. */
    public static void run(String name, Predict spec, RunContext ctx) {
        run(name, spec, PredictArgs.parse(name, ctx.arguments()), ctx, System.out, System.err);
    }

    public static void run(String name, Predict spec, PredictRequest request, RunContext ctx, PrintStream out,
                           PrintStream err) {
        if (request.files().isEmpty()) {
            throw UserError.usage(name + ": no pictures or IDX files given (-Dexec.args=\"--model runs/"
                    + spec.model() + "/model.zip FILE...\")");
        }
        Model model = resolveModel(request.model() == null ? spec.model() : request.model(), ctx);
        DigitModel digits = DigitModel.load(model.path(), model.howToMake());

        List<DigitInputs.Input> inputs = new ArrayList<>();
        int failed = 0;
        for (Path file : request.files()) {
            DigitInputs.Input input = DigitInputs.read(file, request.labels(), request.limit());
            if (input instanceof DigitInputs.Failed f) {
                err.println("error: " + f.path() + ": " + f.reason());
                failed++;
            } else {
                inputs.add(input);
            }
        }
        PredictionPrinter printer = new PredictionPrinter(spec.top());
        List<float[]> pictures = inputs.stream().filter(i -> i instanceof DigitInputs.Picture)
                .map(i -> ((DigitInputs.Picture) i).pixels()).toList();
        List<float[]> pictureProbs = digits.probabilities(pictures); // one batch for all pictures
        int picture = 0;
        for (DigitInputs.Input input : inputs) {
            if (input instanceof DigitInputs.Picture p) {
                printer.add(p.path().toString(), pictureProbs.get(picture++), -1);
            } else if (input instanceof DigitInputs.IdxSet set) {
                List<float[]> probs = digits.probabilities(set.images());
                int correct = 0;
                for (int i = 0; i < probs.size(); i++) {
                    int label = set.labels() == null ? -1 : set.labels()[i] & 0xFF;
                    correct += Ranked.top(probs.get(i), 1).get(0).digit() == label ? 1 : 0;
                    printer.add(set.path() + "[" + i + "]", probs.get(i), label);
                }
                printer.note(PredictionPrinter.summary(set, correct));
            }
        }
        printer.print(out);
        if (failed > 0) {
            throw UserError.runtime(failed + " of " + request.files().size() + " files could not be used (see above)");
        }
    }

    /** A model file and the one-line advice on how to make it. */
    record Model(Path path, String howToMake) {
    }

    /**
     * {@code value} is a path, or a cnn experiment's name (its {@code <runs>/NAME/model.zip});
     * a path of the form {@code .../NAME/model.zip} with NAME a cnn experiment names the command
     * that writes it.
     */
    static Model resolveModel(String value, RunContext ctx) {
        Path path = Path.of(value);
        boolean isExperiment = ctx.experiments().names().contains(value)
                && ctx.experiments().get(value) instanceof CnnExperiment;
        if (isExperiment && !Files.exists(path)) {
            path = ctx.runsDir().resolve(value).resolve("model.zip");
        }
        Path dir = path.toAbsolutePath().getParent();
        String maker = dir == null || dir.getFileName() == null ? null : dir.getFileName().toString();
        if (maker != null && ctx.experiments().names().contains(maker)) {
            ExperimentSpec spec = ctx.experiments().get(maker);
            if (spec instanceof CnnExperiment) {
                return new Model(path, "the cnn experiment " + maker + " makes it: mvn -q compile exec:java -Dexp="
                        + maker);
            }
        }
        return new Model(path, "a cnn run writes <runs>/NAME/model.zip, e.g. mvn -q compile exec:java -Dexp=adam-relu "
                + "writes runs/adam-relu/model.zip");
    }
}
