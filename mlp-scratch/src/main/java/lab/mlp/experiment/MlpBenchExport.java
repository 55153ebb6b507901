package lab.mlp.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.core.io.Json;
import lab.mlp.data.Dataset;
import lab.mlp.model.Kernels;
import lab.mlp.model.Network;
import lab.mlp.train.CurvePoint;
import lab.mlp.train.TrainingResult;

/**
 * What a numpy reference needs to repeat a bench's trainings exactly, and what the Java side got:
 * every run's settings, its points, its initial weights and biases (as {@link Networks#create}
 * makes them from the seed), and the final loss and recorded curve of the last timed sweep, at
 * full precision. Written (atomically) by {@code mlp-bench} when {@code -Dmlp.bench.export=FILE}
 * is set; read by {@code bench/mlp_sweep_numpy.py}.
 */
final class MlpBenchExport {
    /** System property naming the file to write. */
    static final String PROPERTY = "mlp.bench.export";

    record Export(String bench, int vectorLanes, String java, List<Run> runs) {
    }

    /**
     * @param x       the points, [sample][feature]
     * @param weights initial W of each layer, [fan_in][fan_out]
     * @param biases  initial b of each layer
     */
    record Run(String name, String network, String activation, double leakyAlpha, List<Integer> layers,
               double epsilon, double regLambda, int passes, int recordEvery, String gradient, int batchSize,
               String dataset, double[][] x, int[] y, List<double[][]> weights, List<double[]> biases,
               JavaResult javaResult) {
    }

    record JavaResult(double finalLoss, double trainAccuracy, boolean diverged, int passesRun, int[] curvePass,
                      double[] curveLoss) {
    }

    private MlpBenchExport() {
    }

    /** One run: settings, points and initial parameters, with the result the Java side reached. */
    static Run run(String name, MlpExperiment spec, Dataset data, TrainingResult result) {
        double[][] x = new double[data.size()][data.numFeatures()];
        for (int s = 0; s < data.size(); s++) {
            for (int f = 0; f < data.numFeatures(); f++) {
                x[s][f] = data.feature(s, f);
            }
        }
        Network initial = Networks.create(spec, Networks.capacity(spec, data.size()));
        int[] sizes = spec.layerSizes();
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        List<double[]> params = initial.parameters();
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[] w = params.get(2 * l);
            double[][] rows = new double[sizes[l]][sizes[l + 1]];
            for (int i = 0; i < sizes[l]; i++) {
                System.arraycopy(w, i * sizes[l + 1], rows[i], 0, sizes[l + 1]);
            }
            weights.add(rows);
            biases.add(params.get(2 * l + 1).clone());
        }
        List<CurvePoint> curve = result.curve();
        int[] pass = curve.stream().mapToInt(CurvePoint::pass).toArray();
        double[] loss = curve.stream().mapToDouble(CurvePoint::loss).toArray();
        return new Run(name, spec.network().toString(), spec.activation().toString(), spec.leakyAlpha(),
                spec.layers(), spec.effectiveOptimizer().learningRate(), spec.regLambda(), spec.passes(), spec.recordEvery(),
                spec.gradient().toString(), spec.batchSize(), data.name(), x, data.labels().clone(), weights, biases,
                new JavaResult(result.finalLoss(), result.trainAccuracy(), result.diverged(), result.passesRun(), pass,
                        loss));
    }

    static void write(Path file, String bench, List<Run> runs) {
        Json.write(file, new Export(bench, Kernels.LANES, System.getProperty("java.version"), runs));
    }
}
