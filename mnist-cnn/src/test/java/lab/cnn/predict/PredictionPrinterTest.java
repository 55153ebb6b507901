package lab.cnn.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed lines: aligned names, three guesses, labels and summaries. */
class PredictionPrinterTest {

    static float[] probs(int first, float p1, int second, float p2, int third, float p3) {
        float[] p = new float[10];
        p[first] = p1;
        p[second] = p2;
        p[third] = p3;
        return p;
    }

    @Test
    void linesAreAlignedAndRanked() {
        PredictionPrinter printer = new PredictionPrinter(3);
        printer.add("examples/seven.png", probs(7, 0.992f, 1, 0.005f, 2, 0.001f), -1);
        printer.add("a.png", probs(2, 0.1f, 0, 0.15f, 5, 0.75f), -1);
        DigitInputs.IdxSet set = new DigitInputs.IdxSet(Path.of("t10k-images-idx3-ubyte"), 10,
                List.of(new float[784], new float[784]), new byte[] {4, 5}, Path.of("t10k-labels-idx1-ubyte"));
        printer.add("t10k-images-idx3-ubyte[0]", probs(4, 1f, 9, 0f, 7, 0f), 4);
        printer.add("t10k-images-idx3-ubyte[1]", probs(3, 0.6f, 5, 0.4f, 8, 0f), 5);
        printer.note(PredictionPrinter.summary(set, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(List.of(
                "examples/seven.png         7  99.2%  1   0.5%  2   0.1%",
                "a.png                      5  75.0%  0  15.0%  2  10.0%",
                "t10k-images-idx3-ubyte[0]  4 100.0%  0   0.0%  1   0.0%  label 4",
                "t10k-images-idx3-ubyte[1]  3  60.0%  5  40.0%  0   0.0%  label 5  WRONG",
                "t10k-images-idx3-ubyte: first 2 of 10 images, accuracy 50.00% (1 wrong) against "
                        + "t10k-labels-idx1-ubyte"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
