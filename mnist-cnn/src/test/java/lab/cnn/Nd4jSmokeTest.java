package lab.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jSmokeTest {
    @Test
    void backendLoads() {
        assertEquals(6.0, Nd4j.create(new double[] {1, 2, 3}).sumNumber().doubleValue(), 0.0);
        System.out.println("backend: " + Nd4j.getBackend().getClass().getSimpleName() + " "
                + Nd4j.getExecutioner().getClass().getSimpleName());
    }
}
