package lab.cnn.monitor;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import lab.core.UserError;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.VertxUIServer;
import org.deeplearning4j.ui.api.UIServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the DL4J training UI (deeplearning4j-ui 1.0.0-M2.1, a Vert.x server).
 *
 * <p>Host {@code -Dui.host} (default {@value #DEFAULT_HOST}), port {@code -Dui.port} (default
 * {@code -Dorg.deeplearning4j.ui.port}, else {@value #DEFAULT_PORT}; 0 = any free port). A port in
 * use is one {@link UserError}: checked before starting and caught from the server too.
 *
 * <p><b>Binding.</b> The server listens on {@code -Dui.host} only (default 127.0.0.1: this machine
 * alone); {@code -Dui.host=0.0.0.0} opens it to every interface. DL4J 1.0.0-M2.1 itself always
 * listens on 0.0.0.0 ({@code VertxUIServer.start} calls {@code HttpServer.listen(port, handler)},
 * the wildcard in Vert.x 3.9), so the server is started as a {@link BoundUiServer}, which passes
 * the host to Vert.x.
 *
 * <p>The UI is a singleton per JVM in DL4J: one {@code UiServerSupport} at a time; {@link #close()}
 * stops it ({@code UIServer.stopInstance()}) so another can start.
 */
public final class UiServerSupport implements AutoCloseable {
    public static final String HOST_PROPERTY = "ui.host";
    public static final String PORT_PROPERTY = "ui.port";
    /** DL4J's own port property: {@code VertxUIServer} prefers it over the port it is given. */
    public static final String DL4J_PORT_PROPERTY = "org.deeplearning4j.ui.port";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9000;

    private static final Logger LOG = LoggerFactory.getLogger(UiServerSupport.class);

    private final UIServer server;
    private final String host;
    private final int port;
    private boolean closed;

    private UiServerSupport(UIServer server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /** {@code -Dui.host}, default {@value #DEFAULT_HOST}. */
    public static String configuredHost() {
        String host = System.getProperty(HOST_PROPERTY);
        return host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
    }

    /** {@code -Dui.port}, else {@code -Dorg.deeplearning4j.ui.port}, else {@value #DEFAULT_PORT}. */
    public static int configuredPort() {
        String name = PORT_PROPERTY;
        String value = System.getProperty(PORT_PROPERTY);
        if (value == null || value.isBlank()) {
            name = DL4J_PORT_PROPERTY;
            value = System.getProperty(DL4J_PORT_PROPERTY);
        }
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw UserError.usage("-D" + name + "=" + value + ": not a port (0-65535)");
    }

    /** Single-session UI on the configured host and port, showing {@code storage} (may be null). */
    public static UiServerSupport start(StatsStorage storage) {
        return start(configuredHost(), configuredPort(), storage);
    }

    /** Single-session UI ({@code /train/overview}) showing {@code storage} (may be null: attach later). */
    public static UiServerSupport start(String host, int port, StatsStorage storage) {
        UiServerSupport ui = launch(host, port, false, null, true);
        if (storage != null) {
            try {
                ui.attach(storage);
            } catch (RuntimeException e) {
                ui.close();
                throw e;
            }
        }
        LOG.info("Training UI: {}", ui.overviewUrl());
        return ui;
    }

    /**
     * Multi-session UI ({@code /train/<session>/overview}): the UI asks {@code sessions} for the
     * storage of a session id the first time a page of it is requested; it must return null for
     * ids it does not know.
     */
    public static UiServerSupport startMultiSession(String host, int port, Function<String, StatsStorage> sessions) {
        return launch(host, port, true, sessions, true);
    }

    /** Fails with one {@link UserError} when the UI could not start on {@code host:port} now. */
    public static void checkAvailable(String host, int port) {
        if (port < 0 || port > 65535) {
            throw UserError.usage("UI port " + port + " is not a port (0-65535)");
        }
        checkPortFree(resolve(host), host, port);
    }

    /** {@code checkPortFirst} is off only in tests of the server's own bind failure. */
    static UiServerSupport launch(String host, int port, boolean multiSession,
                                  Function<String, StatsStorage> sessions, boolean checkPortFirst) {
        if (port < 0 || port > 65535) {
            throw UserError.usage("UI port " + port + " is not a port (0-65535)");
        }
        InetAddress address = resolve(host);
        VertxUIServer running = VertxUIServer.getInstance();
        if (running != null && !running.isStopped()) {
            throw new IllegalStateException("the DL4J training UI already runs in this JVM (port "
                    + running.getPort() + "); close it first");
        }
        if (checkPortFirst) {
            checkPortFree(address, host, port);
        }
        VertxUIServer server;
        synchronized (UiServerSupport.class) {
            // VertxUIServer.start reads the port from org.deeplearning4j.ui.port.
            String previous = System.getProperty(DL4J_PORT_PROPERTY);
            System.setProperty(DL4J_PORT_PROPERTY, Integer.toString(port));
            try {
                server = BoundUiServer.deploy(host, multiSession, sessions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopQuietly();
                throw UserError.runtime("interrupted while the training UI was starting on port " + port, e);
            } catch (ExecutionException | RuntimeException e) {
                stopQuietly();
                if (hasCause(e, BindException.class)) {
                    throw portInUse(host, port);
                }
                throw UserError.runtime("the training UI failed to start on " + host + " port " + port + ": "
                        + rootMessage(e), e);
            } finally {
                if (previous == null) {
                    System.clearProperty(DL4J_PORT_PROPERTY);
                } else {
                    System.setProperty(DL4J_PORT_PROPERTY, previous);
                }
            }
        }
        if (address.isAnyLocalAddress()) {
            LOG.warn("The training UI listens on every network interface ({}:{}): other machines can reach it "
                    + "(the default -D{}={} keeps it to this machine)", host, server.getPort(), HOST_PROPERTY,
                    DEFAULT_HOST);
        }
        return new UiServerSupport(server, host, server.getPort());
    }

    private static InetAddress resolve(String host) {
        if (host == null || host.isBlank()) {
            throw UserError.usage("no UI host given (-D" + HOST_PROPERTY + ")");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw UserError.usage("UI host " + host + " is unknown (-D" + HOST_PROPERTY + ")");
        }
    }

    /**
     * Binds a ServerSocket on host:port, as the server will. A host that cannot be bound even on
     * any free port is not an address of this machine.
     */
    private static void checkPortFree(InetAddress address, String host, int port) {
        if (!canBind(address, 0)) {
            throw UserError.usage("UI host " + host + " is not an address of this machine (-D"
                    + HOST_PROPERTY + ")");
        }
        if (port != 0 && !canBind(address, port)) {
            throw portInUse(host, port);
        }
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Vert.x does: a port in TIME_WAIT is free
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static UserError portInUse(String host, int port) {
        return UserError.runtime("UI port " + port + " on " + host + " is in use (choose another with -D"
                + PORT_PROPERTY + "=N)");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** Shows {@code storage} (its sessions) in the UI. */
    public void attach(StatsStorage storage) {
        server.attach(storage);
    }

    public String host() {
        return host;
    }

    /** The port the server listens on (the actual one when started with port 0). */
    public int port() {
        return port;
    }

    public boolean isMultiSession() {
        return server.isMultiSession();
    }

    /** {@code http://host:port}; the wildcard host is shown as 127.0.0.1. */
    public String baseUrl() {
        String shown = host;
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                shown = "127.0.0.1";
            } else if (address instanceof Inet6Address && host.contains(":")) {
                shown = "[" + host + "]";
            }
        } catch (UnknownHostException e) {
            // resolved at start; keep the name
        }
        return "http://" + shown + ":" + port;
    }

    /** Single-session: {@code /train/overview}; multi-session: {@code /train} (the session list). */
    public String overviewUrl() {
        return baseUrl() + (isMultiSession() ? "/train" : "/train/overview");
    }

    /** Multi-session page of one session: {@code /train/<session>/overview}. */
    public String overviewUrl(String sessionId) {
        return baseUrl() + "/train/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/overview";
    }

    /** Detaches every storage (they stay open: their owners close them) and stops the server. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (StatsStorage storage : server.getStatsStorageInstances()) {
            try {
                server.detach(storage);
            } catch (RuntimeException e) {
                LOG.debug("detaching {} from the UI", storage, e);
            }
        }
        stopQuietly();
        LOG.info("Training UI on port {} stopped", port);
    }

    /** Stops the singleton and drops its JVM shutdown hook (which would only stop it again). */
    private static void stopQuietly() {
        Thread hook = VertxUIServer.getShutdownHook();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // JVM already shutting down, or hook gone
            }
        }
        try {
            UIServer.stopInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("stopping the training UI: {}", rootMessage(e));
        }
    }
}
