package lab.cnn.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.cnn.data.IdxFile;
import lab.cnn.data.IdxFileSet;
import lab.cnn.data.IdxImages;
import lab.cnn.data.IdxPart;
import lab.cnn.predict.ExampleDigits;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code kind: digit-examples}: only the test images are read, nothing is trained. */
public final class DigitExamplesRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DigitExamplesRunner.class);

    private DigitExamplesRunner() {
    }

    public static List<Path> run(String name, DigitExamples spec, RunContext ctx) {
        Path out = ctx.experimentsDir().resolve(spec.dir()).normalize();
        AtomicFiles.requireWritableDirectory(out);
        Path data = spec.dataset().locate(name, ctx);
        IdxFileSet files = IdxFileSet.find(data);
        if (files.missing().contains(IdxPart.TEST_IMAGES) || files.missing().contains(IdxPart.TEST_LABELS)) {
            throw UserError.runtime(data + ": missing " + files.describeMissing() + " (the examples come from the test "
                    + "images and labels)");
        }
        IdxImages images = IdxFile.readImages(files.path(IdxPart.TEST_IMAGES));
        byte[] labels = IdxFile.readLabels(files.path(IdxPart.TEST_LABELS));
        List<Path> written = new ArrayList<>(ExampleDigits.writeTestDigits(images, labels, out));
        written.addAll(ExampleDigits.writeDrawn(out));
        LOG.info("{}: {} pictures -> {}", name, written.size(), out);
        return written;
    }
}
