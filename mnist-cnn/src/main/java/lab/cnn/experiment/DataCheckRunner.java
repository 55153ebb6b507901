package lab.cnn.experiment;

import java.nio.file.Path;
import lab.cnn.data.MnistData;
import lab.core.kind.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code kind: data}: locate or fetch, verify, load, and say what is there. */
public final class DataCheckRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DataCheckRunner.class);

    private DataCheckRunner() {
    }

    public static void run(String name, DataCheck spec, RunContext ctx) {
        Path dir = spec.dataset().locate(name, ctx);
        MnistData data = spec.dataset().load(dir);
        LOG.info("{}: {} is ready: {}", name, dir, data.describe());
    }
}
