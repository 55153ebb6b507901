package lab.mlp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.model.Activation;
import lab.mlp.model.Batch;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.model.Network;
import lab.mlp.model.ThreeLayerNetwork;
import lab.mlp.optimizer.Adam;
import org.junit.jupiter.api.Test;

/** Pass listeners are called at the right passes with the curve's numbers, and never change training. */
class PassListenerTest {
    private final Dataset moons = ToyData.moons(60, 0.2, 1);

    /** Records what it sees, then scribbles over the batch and activations, as a boundary render does. */
    private static final class Scribbler implements PassListener {
        final int every;
        final List<PassEvent> seen = new ArrayList<>();

        Scribbler(int every) {
            this.every = every;
        }

        @Override
        public int every() {
            return every;
        }

        @Override
        public void onPass(PassEvent e) {
            seen.add(e);
            Network net = e.network();
            Batch batch = net.batch();
            double[] points = new Random(e.pass()).doubles(2L * batch.capacity(), -3, 3).toArray();
            batch.loadPoints(points, 0, batch.capacity() - 1);
            net.forward();
        }

        List<Integer> passes() {
            return seen.stream().map(PassEvent::pass).toList();
        }
    }

    @Test
    void fullBatchCallsAtZeroEveryNAndTheEndWithTheCurvesNumbers() {
        TrainingConfig config = new TrainingConfig(0.01, 0.01, 100, GradientScale.SUM, 0, 0, 10);
        Scribbler every30 = new Scribbler(30);
        Scribbler every50 = new Scribbler(50);
        TrainingResult r = new Trainer(config, null, List.of(every30, every50)).train(net(false), moons);
        assertEquals(List.of(0, 30, 60, 90, 100), every30.passes());
        assertEquals(List.of(0, 50, 100), every50.passes());
        for (PassEvent e : every30.seen) {
            CurvePoint p = r.curve().stream().filter(c -> c.pass() == e.pass()).findFirst().orElse(null);
            if (p != null) { // passes 0, 30, 60, 90, 100 are all recorded (record_every 10)
                assertEquals(p.loss(), e.loss(), 0.0);
                assertEquals(p.accuracy(), e.accuracy(), 0.0);
            }
            assertEquals(100, e.totalPasses());
        }
    }

    @Test
    void passesBetweenRecordsStillGetTheirLoss() {
        TrainingConfig config = new TrainingConfig(0.01, 0.01, 40, GradientScale.SUM, 0, 0, 40);
        Scribbler every7 = new Scribbler(7);
        new Trainer(config, null, List.of(every7)).train(net(true), moons);
        assertEquals(List.of(0, 7, 14, 21, 28, 35, 40), every7.passes());
        double first = every7.seen.get(0).loss();
        double last = every7.seen.get(every7.seen.size() - 1).loss();
        assertEquals(true, last < first, every7.seen.toString());
    }

    @Test
    void trainingIsBitIdenticalWithAndWithoutListeners() {
        for (TrainingConfig config : List.of(
                new TrainingConfig(0.01, 0.01, 300, GradientScale.SUM, 0, 0, 50),
                new TrainingConfig(new Adam(0.01, null, null, null), 0.01, 300, GradientScale.SUM, 0, 0, 50),
                new TrainingConfig(0.1, 0.01, 40, GradientScale.MEAN, 16, 3, 5))) {
            for (boolean three : new boolean[] {true, false}) {
                int capacity = config.fullBatch() ? moons.size() : config.batchSize();
                Network plain = three ? new ThreeLayerNetwork(2, 4, 2, Activation.TANH, 0.01, capacity, 2) : net(false, capacity);
                Network watched = three ? new ThreeLayerNetwork(2, 4, 2, Activation.TANH, 0.01, capacity, 2) : net(false, capacity);
                TrainingResult a = new Trainer(config, null).train(plain, moons);
                Scribbler s = new Scribbler(3);
                TrainingResult b = new Trainer(config, null, List.of(s)).train(watched, moons);
                assertEquals(a.curve(), b.curve(), config.toString());
                assertEquals(Double.doubleToRawLongBits(a.finalLoss()), Double.doubleToRawLongBits(b.finalLoss()));
                for (int k = 0; k < plain.parameters().size(); k++) {
                    assertEquals(Arrays.toString(plain.parameters().get(k)), Arrays.toString(watched.parameters().get(k)));
                }
                int expected = config.passes() / 3 + 1 + (config.passes() % 3 == 0 ? 0 : 1);
                assertEquals(expected, s.seen.size(), "0, every 3rd pass, and the end (once if it is a 3rd pass)");
            }
        }
    }

    private Network net(boolean three) {
        return three ? new ThreeLayerNetwork(2, 4, 2, Activation.TANH, 0.01, moons.size(), 2) : net(false, moons.size());
    }

    private static Network net(boolean unused, int capacity) {
        return new NLayerNetwork(new int[] {2, 5, 4, 2}, Activation.TANH, 0.01, capacity, 2);
    }
}
