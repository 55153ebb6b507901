package lab.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.core.UserError;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvDatasetTest {
    @TempDir
    Path dir;

    @Test
    void readsFeaturesAndMapsLabelsInSortedOrder() throws IOException {
        Path file = write("a,b,c,label\n1,2,3,7\n# a comment\n\n4.5, -5 ,6e-1,3\n0,0,0,7\n");
        Dataset d = CsvDataset.load(file);
        assertEquals(3, d.size());
        assertEquals(3, d.numFeatures());
        assertEquals(2, d.numClasses());
        assertArrayEquals(new double[] {1, 2, 3, 4.5, -5, 0.6, 0, 0, 0}, d.features(), 0.0);
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
        assertArrayEquals(new int[] {3, 7}, d.classNames());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "x,y,label\\n1,2,0\\n3,abc,1\\n|:3: column 2: 'abc' is not a finite number",
        "x,y,label\\n1,2,0\\n3,1\\n|:3: expected 3 columns as in the header, found 2",
        "x,y,label\\n1,2,0.5\\n|:2: column 3 (label): '0.5' is not an integer class label",
        "x,y,label\\n1,NaN,0\\n|:2: column 2: 'NaN' is not a finite number",
        "x,y,label\\n|: no data rows after the header",
        "label\\n1\\n|:1: header has 1 column; need at least one feature column and a label column",
    })
    void badFilesGetOneLineNamingFileLineAndProblem(String content, String expectedSuffix) throws IOException {
        Path file = write(content.replace("\\n", "\n"));
        UserError e = assertThrows(UserError.class, () -> CsvDataset.load(file));
        assertEquals(file + expectedSuffix, e.getMessage());
        assertEquals(UserError.RUNTIME, e.exitCode());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = write("");
        assertEquals(empty + ": empty file (expected a header row and data rows)",
                assertThrows(UserError.class, () -> CsvDataset.load(empty)).getMessage());
        Path missing = dir.resolve("nope.csv");
        assertEquals(missing + ": CSV file not found",
                assertThrows(UserError.class, () -> CsvDataset.load(missing)).getMessage());
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "data", ".csv");
        Files.writeString(file, content);
        return file;
    }
}
