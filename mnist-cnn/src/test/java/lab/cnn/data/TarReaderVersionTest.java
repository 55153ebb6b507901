package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * The commons-compress that unpacks the downloaded npm tarball is one without CVE-2024-25710 and
 * CVE-2024-26308 (fixed in 1.26.0); DL4J M2.1 alone would bring 1.21. Read from the jar that
 * actually supplies the tar reader, not from the pom.
 */
class TarReaderVersionTest {
    @Test
    void theTarReaderComesFromCommonsCompress126OrNewer() throws IOException {
        Properties props = new Properties();
        try (InputStream in = TarArchiveInputStream.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.apache.commons/commons-compress/pom.properties")) {
            assertNotNull(in, "commons-compress pom.properties not on the class path");
            props.load(in);
        }
        String version = props.getProperty("version");
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        assertTrue(major > 1 || minor >= 26, "commons-compress " + version + " has CVE-2024-25710 / CVE-2024-26308");
    }
}
