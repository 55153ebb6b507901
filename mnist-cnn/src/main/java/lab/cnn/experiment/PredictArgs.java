package lab.cnn.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.core.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of {@code kind: predict}, parsed with picocli like the program's own options. */
@Command(name = "predict")
final class PredictArgs {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "a model.zip, or a cnn experiment's name (its runs/NAME/model.zip); default: the spec's")
    String model;

    @Option(names = "--labels", paramLabel = "FILE", description = "labels of the IDX images (default: the file beside them)")
    Path labels;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "-1",
            description = "predict only the first N images of each IDX file (default: all)")
    int limit;

    @Parameters(paramLabel = "FILE", description = "pictures (PNG, JPEG, ...) and IDX image files")
    List<Path> files = new ArrayList<>();

    static PredictRequest parse(String name, List<String> args) {
        PredictArgs parsed = new PredictArgs();
        try {
            new CommandLine(parsed).parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw UserError.usage(name + ": " + e.getMessage()
                    + " (usage: --model MODEL [--limit N] [--labels FILE] FILE...)");
        }
        if (parsed.limit < -1) {
            throw UserError.usage(name + ": --limit must be >= 0, got " + parsed.limit);
        }
        return new PredictRequest(parsed.model, parsed.files, parsed.labels, parsed.limit);
    }
}
