package lab.cnn.backend;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Picks the libnd4j build before any test loads ND4J, as the command line does. */
public final class SelectNativeVariant implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeVariant.select();
    }
}
