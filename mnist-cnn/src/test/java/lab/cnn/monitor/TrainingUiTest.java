package lab.cnn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import lab.core.UserError;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.ui.VertxUIServer;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The training UI end to end over HTTP: a live run, saved runs in multi-session mode, a busy
 * port. The UI is one per JVM, so everything is in this class, each test stopping it.
 */
class TrainingUiTest {
    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @AfterEach
    void stopUi() throws Exception {
        UIServer.stopInstance(); // in case a test failed with the UI up
    }

    /** Records model.score() at every iteration, as ScoreIterationListener would print it. */
    static final class ScoreCapture extends BaseTrainingListener {
        final List<Integer> iterations = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            iterations.add(iteration);
            scores.add(model.score());
        }

        /** The iterations StatsListener reports (every > 1): every, 2*every, ... (not 0). */
        List<Integer> reportedIterations(int every) {
            return iterations.stream().filter(i -> i > 0 && i % every == 0).toList();
        }

        List<Double> reported(int every) {
            return reportedIterations(every).stream().map(i -> scores.get(iterations.indexOf(i))).toList();
        }
    }

    /** Dense 4 -> 3 -> 2, trained on random batches of 8 for {@code iterations} iterations. */
    static ScoreCapture trainTiny(UiStats stats, long seed, int iterations) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Sgd(0.1))
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        ScoreCapture capture = new ScoreCapture();
        net.addListeners(stats.listener(), capture);
        Nd4j.getRandom().setSeed(seed);
        for (int i = 0; i < iterations; i++) {
            INDArray features = Nd4j.rand(8, 4);
            INDArray labels = Nd4j.zeros(8, 2);
            for (int r = 0; r < 8; r++) {
                labels.putScalar(r, features.getDouble(r, 0) > 0.5 ? 1 : 0, 1.0);
            }
            net.fit(new DataSet(features, labels));
        }
        assertEquals(iterations, capture.iterations.size());
        return capture;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** The UI routes storage events on a thread with a 0.5 s delay: poll until {@code done}. */
    private JsonNode poll(String url, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(url);
            if (response.statusCode() == 200 && !response.body().isBlank()) {
                last = JSON.readTree(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        fail(url + " never got there; last: " + last);
        return null;
    }

    private static void assertOverview(ScoreCapture run, int every, JsonNode overview) {
        List<Integer> iterations = new ArrayList<>();
        overview.get("scoresIter").forEach(n -> iterations.add(n.asInt()));
        assertEquals(run.reportedIterations(every), iterations);
        assertScores(run.reported(every), overview.get("scores"));
    }

    private static void assertScores(List<Double> expected, JsonNode scores) {
        assertEquals(expected.size(), scores.size(), "scores: " + scores);
        for (int i = 0; i < expected.size(); i++) {
            double want = expected.get(i);
            assertEquals(want, scores.get(i).asDouble(), 1e-6 * Math.max(1, Math.abs(want)), "score " + i);
        }
    }

    @Test
    void liveRunScoresOverHttp() throws Exception {
        Path runDir = tmp.resolve("live-exp");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve(UiStats.FILE_NAME), "stale, not MapDB"); // deleted by create
        int port = freePort();
        try (UiStats stats = UiStats.create(runDir, "live-exp", 5);
             UiServerSupport ui = UiServerSupport.start(HOST, port, stats.storage())) {
            assertEquals(port, ui.port());
            assertEquals("http://127.0.0.1:" + port + "/train/overview", ui.overviewUrl());
            assertFalse(ui.isMultiSession());

            ScoreCapture capture = trainTiny(stats, 42, 30);
            assertEquals(List.of(5, 10, 15, 20, 25), capture.reportedIterations(5));

            assertOverview(capture, 5, poll(ui.baseUrl() + "/train/overview/data",
                    json -> json.path("scores").size() == 5));

            JsonNode sessions = getJson(ui.baseUrl() + "/train/sessions/info");
            assertEquals(List.of("live-exp"), fieldNames(sessions));
            assertEquals("0", sessions.get("live-exp").get("workers").get(0).asText());
            JsonNode layer = getJson(ui.baseUrl() + "/train/model/data/0");
            assertTrue(layer.has("paramHist") && layer.has("updateHist"), "keys: " + fieldNames(layer));

            // Bound to 127.0.0.1 only (DL4J alone would take 0.0.0.0): another loopback address
            // finds nothing listening.
            assertFalse(listening(InetAddress.getByName("127.0.0.2"), port));
        }
        VertxUIServer after = VertxUIServer.getInstance();
        assertTrue(after == null || after.isStopped());
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName(HOST))) {
            assertEquals(port, again.getLocalPort()); // released
        }

        // The closed file holds the session, worker "0", the init report and the 5 updates.
        FileStatsStorage saved = new FileStatsStorage(runDir.resolve(UiStats.FILE_NAME).toFile());
        try {
            assertEquals(List.of("live-exp"), saved.listSessionIDs());
            assertEquals(List.of("0"), saved.listWorkerIDsForSession("live-exp"));
            assertNotNull(saved.getStaticInfo("live-exp", "StatsListener", "0"));
            assertEquals(5, saved.getNumUpdateRecordsFor("live-exp"));
        } finally {
            saved.close();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void savedRunsBrowserServesEveryRun() throws Exception {
        Path runs = tmp.resolve("runs");
        ScoreCapture runA;
        ScoreCapture runB;
        try (UiStats a = UiStats.create(runs.resolve("exp-a"), "exp-a", 5)) {
            runA = trainTiny(a, 1, 12);
        }
        try (UiStats b = UiStats.create(runs.resolve("exp-b"), "exp-b", 3)) {
            runB = trainTiny(b, 2, 10);
        }
        Files.createDirectories(runs.resolve("no-stats")); // a run without UI stats: ignored
        assertEquals(List.of(5, 10), runA.reportedIterations(5));
        assertEquals(List.of(3, 6, 9), runB.reportedIterations(3));

        int port = freePort();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SavedRunsBrowser browser = SavedRunsBrowser.open(runs, HOST, port,
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String out = printed.toString(StandardCharsets.UTF_8);
            assertEquals(List.of("exp-a", "exp-b"), browser.sessionIds());
            String base = "http://127.0.0.1:" + port;
            assertTrue(out.contains("exp-a  " + base + "/train/exp-a/overview"), out);
            assertTrue(out.contains("exp-b  " + base + "/train/exp-b/overview"), out);

            // Multi-session mode has no JSON list of sessions (/train/sessions/info is read as the
            // info of a session named "sessions"): /train is an HTML page linking each session.
            HttpResponse<String> list = get(base + "/train");
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("<a href=\"/train/exp-a\">exp-a</a>"), list.body());
            assertTrue(list.body().contains("<a href=\"/train/exp-b\">exp-b</a>"), list.body());
            assertFalse(list.body().contains("no-stats"), list.body());
            assertEquals(List.of("exp-a"), fieldNames(getJson(base + "/train/exp-a/info")));
            assertEquals(List.of("exp-b"), fieldNames(getJson(base + "/train/exp-b/info")));

            assertOverview(runA, 5, poll(base + "/train/exp-a/overview/data", json -> json.path("scores").size() == 2));
            assertOverview(runB, 3, poll(base + "/train/exp-b/overview/data", json -> json.path("scores").size() == 3));
            assertEquals(404, get(base + "/train/nope/overview/data").statusCode());
        }
        VertxUIServer after = VertxUIServer.getInstance();
        assertTrue(after == null || after.isStopped());
    }

    @Test
    void busyPortIsOneLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            int port = busy.getLocalPort();
            String message = "UI port " + port + " on 127.0.0.1 is in use (choose another with -Dui.port=N)";

            UserError checked = assertThrows(UserError.class, () -> UiServerSupport.start(HOST, port, null));
            assertEquals(message, checked.getMessage());
            assertEquals(UserError.RUNTIME, checked.exitCode());
            assertNull(VertxUIServer.getInstance());

            // The server's own bind failure (port taken between check and start) becomes the same line.
            UserError fromServer = assertThrows(UserError.class,
                    () -> UiServerSupport.launch(HOST, port, false, null, false));
            assertEquals(message, fromServer.getMessage());
            VertxUIServer after = VertxUIServer.getInstance();
            assertTrue(after == null || after.isStopped());
        }
        // Nothing left half-started: the next UI starts.
        int port = freePort();
        try (UiServerSupport ui = UiServerSupport.start(HOST, port, null)) {
            assertEquals(200, get(ui.baseUrl() + "/train/overview").statusCode());
        }
    }

    /** By default only this machine reaches the UI; -Dui.host=0.0.0.0 opens it to the network. */
    @Test
    void bindsTheConfiguredHostOnly() throws Exception {
        InetAddress external = nonLoopbackAddress();
        assumeTrue(external != null, "no non-loopback IPv4 address on this machine");
        int port = freePort();
        try (UiServerSupport ui = UiServerSupport.start(HOST, port, null)) {
            assertTrue(listening(InetAddress.getByName(HOST), port));
            assertEquals(200, get(ui.baseUrl() + "/train/overview").statusCode());
            assertFalse(listening(external, port), "reachable on " + external.getHostAddress());
        }
        port = freePort();
        try (UiServerSupport ui = UiServerSupport.start("0.0.0.0", port, null)) {
            assertEquals(200, get("http://" + external.getHostAddress() + ":" + port + "/train/overview")
                    .statusCode());
            assertEquals(200, get(ui.baseUrl() + "/train/overview").statusCode());
        }
    }

    private static boolean listening(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    @Test
    void portAndHostProperties() {
        String port = System.getProperty(UiServerSupport.PORT_PROPERTY);
        String dl4jPort = System.getProperty(UiServerSupport.DL4J_PORT_PROPERTY);
        String host = System.getProperty(UiServerSupport.HOST_PROPERTY);
        try {
            System.clearProperty(UiServerSupport.PORT_PROPERTY);
            System.clearProperty(UiServerSupport.DL4J_PORT_PROPERTY);
            System.clearProperty(UiServerSupport.HOST_PROPERTY);
            assertEquals(9000, UiServerSupport.configuredPort());
            assertEquals("127.0.0.1", UiServerSupport.configuredHost());
            System.setProperty(UiServerSupport.DL4J_PORT_PROPERTY, "9100");
            assertEquals(9100, UiServerSupport.configuredPort());
            System.setProperty(UiServerSupport.PORT_PROPERTY, "9200");
            assertEquals(9200, UiServerSupport.configuredPort());
            System.setProperty(UiServerSupport.PORT_PROPERTY, "90000");
            UserError bad = assertThrows(UserError.class, UiServerSupport::configuredPort);
            assertEquals("-Dui.port=90000: not a port (0-65535)", bad.getMessage());
            assertEquals(UserError.USAGE, bad.exitCode());
            UserError notHere = assertThrows(UserError.class, () -> UiServerSupport.start("192.0.2.1", 0, null));
            assertEquals("UI host 192.0.2.1 is not an address of this machine (-Dui.host)", notHere.getMessage());
            assertEquals(UserError.USAGE, notHere.exitCode());
            assertNull(VertxUIServer.getInstance());
        } finally {
            restore(UiServerSupport.PORT_PROPERTY, port);
            restore(UiServerSupport.DL4J_PORT_PROPERTY, dl4jPort);
            restore(UiServerSupport.HOST_PROPERTY, host);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void noSavedRunsIsOneLine() throws IOException {
        Path runs = Files.createDirectories(tmp.resolve("empty-runs"));
        Files.createDirectories(runs.resolve("exp-without-stats"));
        UserError empty = assertThrows(UserError.class, () -> SavedRunsBrowser.open(runs, HOST, 0, System.out));
        assertEquals(UserError.RUNTIME, empty.exitCode());
        assertTrue(empty.getMessage().contains(runs.toString()), empty.getMessage());
        assertTrue(empty.getMessage().contains("-Dexp=NAME"), empty.getMessage());
        assertFalse(empty.getMessage().contains("\n"));

        Path missing = tmp.resolve("missing");
        UserError none = assertThrows(UserError.class, () -> SavedRunsBrowser.open(missing, HOST, 0, System.out));
        assertTrue(none.getMessage().contains(missing.toString()), none.getMessage());
    }
}
