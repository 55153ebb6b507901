package lab.cnn.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One class and its probability; {@link #top} ranks a probability vector. */
public record Ranked(int digit, double probability) {

    /** The {@code k} most probable classes, most probable first (ties: the lower digit first). */
    public static List<Ranked> top(float[] probabilities, int k) {
        List<Ranked> all = new ArrayList<>(probabilities.length);
        for (int c = 0; c < probabilities.length; c++) {
            all.add(new Ranked(c, probabilities[c]));
        }
        all.sort(Comparator.comparingDouble(Ranked::probability).reversed().thenComparingInt(Ranked::digit));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
