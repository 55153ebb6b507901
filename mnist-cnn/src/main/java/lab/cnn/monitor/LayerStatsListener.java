package lab.cnn.monitor;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.core.UserError;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The assignment's per-layer statistics: every {@code every} iterations, for conv1, conv2, fc1
 * and output, the weights, biases, net input, activation and (for conv layers) max-pool output,
 * each summarised as min, max, mean, std, percentiles and a histogram ({@link Summary}). Net
 * input, activation and pool output come from a forward pass of a fixed monitoring batch, in
 * inference mode (no dropout), on the split network of
 * {@code DeepMnistNetwork.createMonitored}: a layer named {@code conv1} is followed by
 * {@code conv1-act} (or {@code conv1-maxout}) and, for convolutions, a pooling layer. Rows go to
 * a CSV file (format in {@link #HEADER}).
 */
public final class LayerStatsListener extends BaseTrainingListener implements Closeable {
    public static final String HEADER = "iteration,epoch,layer,quantity,count,min,max,mean,std,"
            + "p00,p07,p16,p31,p50,p69,p84,p93,p100,hist_min,hist_max,hist";
    /** The monitored layers, in network order. */
    public static final List<String> MONITORED = List.of("conv1", "conv2", "fc1", "output");

    private final INDArray batch;
    private final int every;
    private final double iterationsPerEpoch;
    private final BufferedWriter out;
    private Values alsoTo = (iteration, layer, quantity, values) -> { };

    /** Receives the values every summary is made of, as they are made (the TensorBoard histograms). */
    @FunctionalInterface
    public interface Values {
        void accept(long iteration, String layer, String quantity, float[] values);
    }

    public LayerStatsListener(INDArray monitoringBatch, int every, double iterationsPerEpoch, Path csv) {
        this(monitoringBatch, every, iterationsPerEpoch, csv, -1);
    }

    /**
     * @param continueAfter for a run resumed at this iteration: keep the file's rows up to it (rows
     *                      written after it, before the run stopped, are dropped) and append; -1
     *                      starts a new file
     */
    public LayerStatsListener(INDArray monitoringBatch, int every, double iterationsPerEpoch, Path csv,
                              long continueAfter) {
        this.batch = monitoringBatch;
        this.every = every;
        this.iterationsPerEpoch = iterationsPerEpoch;
        try {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            List<String> kept = continueAfter >= 0 ? rowsUpTo(csv, continueAfter) : List.of();
            this.out = Files.newBufferedWriter(csv);
            out.write(HEADER);
            out.newLine();
            for (String row : kept) {
                out.write(row);
                out.newLine();
            }
            out.flush();
        } catch (IOException e) {
            throw UserError.runtime(csv + ": cannot write layer statistics: " + e.getMessage());
        }
    }

    /** Also hands the values of every summary to {@code values}: one forward pass feeds both. */
    public LayerStatsListener alsoTo(Values values) {
        this.alsoTo = values;
        return this;
    }

    /** Whole rows (as many columns as the header) of iterations <= {@code last}; none if the file is another format. */
    private static List<String> rowsUpTo(Path csv, long last) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return List.of();
        }
        int columns = HEADER.split(",", -1).length;
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                continue; // a row cut short when the run was killed
            }
            try {
                if (Long.parseLong(cells[0]) <= last) {
                    kept.add(line);
                }
            } catch (NumberFormatException e) {
                // not a row of ours
            }
        }
        return kept;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        // DL4J counts from 0 and calls this after the update: iteration + 1 steps are done.
        int done = iteration + 1;
        if (done % every != 0) {
            return;
        }
        Map<String, Map<String, Summary>> stats = compute((MultiLayerNetwork) model, batch,
                (layer, quantity, values) -> alsoTo.accept(done, layer, quantity, values));
        try {
            for (var layer : stats.entrySet()) {
                for (var quantity : layer.getValue().entrySet()) {
                    out.write(String.format(Locale.ROOT, "%d,%.5f,%s,%s,%s", done, done / iterationsPerEpoch,
                            layer.getKey(), quantity.getKey(), quantity.getValue().csvColumns()));
                    out.newLine();
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** layer name -> quantity (W, b, net_input, activation, pool) -> summary. */
    public static Map<String, Map<String, Summary>> compute(MultiLayerNetwork net, INDArray batch) {
        return compute(net, batch, (layer, quantity, values) -> { });
    }

    /** {@link #compute(MultiLayerNetwork, INDArray)}, handing each quantity's values to {@code values}. */
    static Map<String, Map<String, Summary>> compute(MultiLayerNetwork net, INDArray batch, Quantities values) {
        Map<String, Map<String, Summary>> result = new LinkedHashMap<>();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            List<INDArray> acts = activations(net, batch); // acts.get(i + 1) is layer i's output
            List<String> names = new ArrayList<>();
            for (Layer layer : net.getLayers()) {
                names.add(layer.conf().getLayer().getLayerName());
            }
            for (String name : MONITORED) {
                int i = names.indexOf(name);
                if (i < 0) {
                    continue;
                }
                Map<String, INDArray> arrays = new LinkedHashMap<>();
                Layer layer = net.getLayer(i);
                arrays.put("W", layer.getParam("W"));
                arrays.put("b", layer.getParam("b"));
                if (name.equals("output")) {
                    INDArray input = acts.get(i);
                    arrays.put("net_input", input.mmul(layer.getParam("W")).addiRowVector(layer.getParam("b")));
                    arrays.put("activation", acts.get(i + 1));
                } else {
                    arrays.put("net_input", acts.get(i + 1));
                    arrays.put("activation", acts.get(i + 2));
                    if (name.startsWith("conv")) {
                        arrays.put("pool", acts.get(i + 3));
                    }
                }
                Map<String, Summary> q = new LinkedHashMap<>();
                for (var quantity : arrays.entrySet()) {
                    float[] v = values(quantity.getValue());
                    q.put(quantity.getKey(), Summary.of(v));
                    values.accept(name, quantity.getKey(), v);
                }
                result.put(name, q);
            }
        }
        return result;
    }

    /** One layer's quantity, by name. */
    @FunctionalInterface
    interface Quantities {
        void accept(String layer, String quantity, float[] values);
    }

    /**
     * Each layer's output, copied as soon as it is made: DL4J's ActivationLayer works in place on
     * its input, so {@code feedForward}'s list would show net inputs already activated.
     */
    static List<INDArray> activations(MultiLayerNetwork net, INDArray batch) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        List<INDArray> acts = new ArrayList<>();
        acts.add(batch.dup());
        INDArray current = batch.dup();
        for (int i = 0; i < net.getnLayers(); i++) {
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                current = pre.preProcess(current, (int) current.size(0), mgr);
            }
            current = net.getLayer(i).activate(current, false, mgr);
            acts.add(current.dup());
        }
        return acts;
    }

    private static float[] values(INDArray array) {
        return array.dup().ravel().toFloatVector();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
