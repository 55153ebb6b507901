package lab.cnn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lab.cnn.monitor.LayerStatsListener;
import lab.cnn.monitor.Summary;

/**
 * Reads {@code <runs>/NAME/layer-stats.csv}, which training writes every 100 iterations: one row
 * per (iteration, layer, quantity) with count, min, max, mean, std, nine percentiles and a
 * 20-bin histogram.
 */
public final class LayerStatsCsv {
    /** The writer's header: one definition of the format. */
    public static final String HEADER = LayerStatsListener.HEADER;
    /** Percentile columns, in order; their values are the percentile ranks. */
    public static final List<String> PERCENTILES = List.of("p00", "p07", "p16", "p31", "p50", "p69", "p84", "p93",
            "p100");
    public static final int HIST_BINS = Summary.BINS;
    /** Layers in network order. */
    public static final List<String> LAYERS = LayerStatsListener.MONITORED;
    /** Quantities in the order of the panels. */
    public static final List<String> QUANTITIES = List.of("W", "b", "net_input", "activation", "pool");

    private LayerStatsCsv() {
    }

    /**
     * Every row, sorted by iteration (stable, so the file's order of layers is kept). The file is a
     * log appended during training, not an atomically written result: a last line cut short by a
     * crash is ignored.
     */
    public static List<LayerStat> read(Path file) {
        Csv csv = Csv.readLog(file, HEADER.split(","));
        List<LayerStat> rows = new ArrayList<>(csv.size());
        for (int r = 0; r < csv.size(); r++) {
            double[] p = new double[PERCENTILES.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = csv.number(r, PERCENTILES.get(i));
            }
            String histText = csv.text(r, "hist");
            long[] hist = new long[0];
            if (!histText.isEmpty()) {
                String[] cells = histText.split(";", -1);
                hist = new long[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    try {
                        hist[i] = Long.parseLong(cells[i].strip());
                    } catch (NumberFormatException e) {
                        throw csv.error(r, "hist is not ';'-separated counts: '" + histText + "'");
                    }
                }
            }
            rows.add(new LayerStat(csv.integer(r, "iteration"), csv.number(r, "epoch"), csv.text(r, "layer"),
                    csv.text(r, "quantity"), csv.integer(r, "count"), csv.number(r, "min"), csv.number(r, "max"),
                    csv.number(r, "mean"), csv.number(r, "std"), p, csv.number(r, "hist_min"),
                    csv.number(r, "hist_max"), hist));
        }
        rows.sort(Comparator.comparingLong(LayerStat::iteration));
        return rows;
    }

    /** The rows of one layer and quantity, in iteration order. */
    static List<LayerStat> select(List<LayerStat> rows, String layer, String quantity) {
        return rows.stream().filter(s -> s.layer().equals(layer) && s.quantity().equals(quantity)).toList();
    }

    /** The known layers present in {@code rows}, in network order, then any others in file order. */
    static List<String> layers(List<LayerStat> rows) {
        List<String> found = new ArrayList<>();
        for (String layer : LAYERS) {
            if (rows.stream().anyMatch(s -> s.layer().equals(layer))) {
                found.add(layer);
            }
        }
        rows.stream().map(LayerStat::layer).distinct().filter(l -> !found.contains(l)).forEach(found::add);
        return found;
    }

    /** The quantities recorded for {@code layer}, in panel order, then any others in file order. */
    static List<String> quantities(List<LayerStat> rows, String layer) {
        List<String> found = new ArrayList<>();
        List<LayerStat> mine = rows.stream().filter(s -> s.layer().equals(layer)).toList();
        for (String q : QUANTITIES) {
            if (mine.stream().anyMatch(s -> s.quantity().equals(q))) {
                found.add(q);
            }
        }
        mine.stream().map(LayerStat::quantity).distinct().filter(q -> !found.contains(q)).forEach(found::add);
        return found;
    }
}
