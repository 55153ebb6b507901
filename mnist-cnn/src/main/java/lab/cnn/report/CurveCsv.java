package lab.cnn.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
import lab.core.io.AtomicFiles;

/** loss.csv and eval.csv of a cnn run. */
public final class CurveCsv {
    private CurveCsv() {
    }

    public static void writeLoss(List<LossPoint> points, Path file) {
        StringBuilder csv = new StringBuilder("iteration,epoch,loss\n");
        for (LossPoint p : points) {
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.6g%n", p.iteration(), p.epoch(), p.loss()));
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    public static void writeEval(List<EvalPoint> points, Path file) {
        StringBuilder csv = new StringBuilder("iteration,epoch,val_accuracy,test_accuracy,val_error,test_error,train_seconds\n");
        for (EvalPoint p : points) {
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.6f,%.6f,%.6f,%.6f,%.3f%n", p.iteration(), p.epoch(),
                    p.valAccuracy(), p.testAccuracy(), p.valError(), p.testError(), p.trainSeconds()));
        }
        AtomicFiles.writeString(file, csv.toString());
    }
}
