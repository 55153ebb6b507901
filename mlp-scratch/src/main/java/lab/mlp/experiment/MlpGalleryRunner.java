package lab.mlp.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.kind.RunContext;
import lab.mlp.plot.LossOverlayChart;
import lab.mlp.report.GalleryReport;
import lab.mlp.report.MlpOutcome;
import lab.mlp.train.CurvePoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every experiment a gallery names (each once, in order) and writes its README. */
public final class MlpGalleryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MlpGalleryRunner.class);

    private MlpGalleryRunner() {
    }

    public static void run(String name, MlpGallery gallery, RunContext ctx) {
        Map<String, MlpExperiment> specs = new LinkedHashMap<>();
        for (int s = 0; s < gallery.sections().size(); s++) {
            List<String> runs = gallery.sections().get(s).runs();
            for (int r = 0; r < runs.size(); r++) {
                specs.put(runs.get(r), ctx.experiments().reference(runs.get(r), MlpExperiment.class,
                        List.of("experiments", name, "sections", Integer.toString(s), "runs", Integer.toString(r))));
            }
        }
        List<Factors.Split> splits = new ArrayList<>();
        for (int s = 0; s < gallery.sections().size(); s++) {
            MlpGallery.Section section = gallery.sections().get(s);
            Factors.Split split = Factors.split(section.runs().stream().map(specs::get).toList());
            if (section.comparison() && section.runs().size() > 1 && split.varies().size() != 1) {
                throw ctx.experiments().error(List.of("experiments", name, "sections", Integer.toString(s), "runs"),
                        "a comparison's runs must differ in exactly one setting, these differ in "
                                + (split.varies().isEmpty() ? "nothing" : String.join(", ", split.varies()))
                                + "; split the section, or mark it comparison: false (shown, not ranked)");
            }
            splits.add(split);
        }
        Map<String, MlpOutcome> outcomes = new LinkedHashMap<>();
        int i = 0;
        for (var entry : specs.entrySet()) {
            LOG.info("{}: [{}/{}] {}", name, ++i, specs.size(), entry.getKey());
            outcomes.put(entry.getKey(), MlpRunner.run(entry.getKey(), entry.getValue(), ctx));
        }
        List<GalleryReport.Section> sections = new ArrayList<>();
        for (int s = 0; s < gallery.sections().size(); s++) {
            MlpGallery.Section section = gallery.sections().get(s);
            List<MlpOutcome> runs = section.runs().stream().map(outcomes::get).toList();
            Path overlay = section.lossOverlay() == null ? null : writeOverlay(section, runs, ctx);
            Factors.Split split = splits.get(s);
            sections.add(new GalleryReport.Section(section.title(), section.ordered(), section.note(), runs, overlay,
                    section.comparison(), split.varies().isEmpty() ? "nothing" : String.join(", ", split.varies()),
                    split.fixed()));
        }
        GalleryReport.write(ctx.resultsDir().resolve("mlp").resolve("README.md"), name, gallery.title(),
                gallery.description(), sections);
        LOG.info("{}: {} runs, report {}", name, outcomes.size(), ctx.resultsDir().resolve("mlp").resolve("README.md"));
    }

    /** Every run's loss curve on one chart, legend "name: config". */
    private static Path writeOverlay(MlpGallery.Section section, List<MlpOutcome> runs, RunContext ctx) {
        Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
        for (MlpOutcome r : runs) {
            curves.put(r.name() + " (" + r.config() + ")", r.result().curve());
        }
        Path png = ctx.resultsDir().resolve("mlp").resolve(section.lossOverlay());
        LossOverlayChart.write(curves, section.title(), "training loss", png);
        return png;
    }
}
