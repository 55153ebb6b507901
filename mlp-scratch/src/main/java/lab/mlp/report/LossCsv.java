package lab.mlp.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab.core.io.AtomicFiles;
import lab.mlp.train.CurvePoint;

/** loss.csv: pass, loss, train accuracy at every recorded point. */
public final class LossCsv {
    private LossCsv() {
    }

    public static void write(List<CurvePoint> curve, Path file) {
        StringBuilder csv = new StringBuilder("pass,loss,train_accuracy\n");
        for (CurvePoint p : curve) {
            csv.append(String.format(Locale.ROOT, "%d,%.10g,%.6f%n", p.pass(), p.loss(), p.accuracy()));
        }
        AtomicFiles.writeString(file, csv.toString());
    }
}
