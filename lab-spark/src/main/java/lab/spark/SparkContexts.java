package lab.spark;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's one Spark context. Settings: every {@code -Dspark.*} (Spark reads them itself: e.g.
 * {@code -Dspark.master=spark://host:7077}), else {@code local[*]}; executors get the Vector API
 * module and gradient sharing's Aeron timeout; Kryo with ND4J's registrator
 * (DataSets cross the wire in data-parallel training); on a cluster the project's own classes
 * go to the executors as jars ({@link AppJars}) unless {@code spark.jars} names them.
 */
public final class SparkContexts {
    private static final Logger LOG = LoggerFactory.getLogger(SparkContexts.class);
    /** The master when none is given: every core of this machine, no retries (Spark's local mode). */
    public static final String DEFAULT_MASTER = "local[*]";

    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /**
     * Gradient sharing's UDP transport (Aeron) checks at start-up that this timeout exceeds the
     * client liveness timeout ND4J gives it; Aeron's default (15 s) fails the check. Set on the
     * executors here and on the driver by lab.spark.distributed, each unless already given.
     */
    public static final String AERON_UNBLOCK_TIMEOUT = "aeron.publication.unblock.timeout";
    public static final String AERON_UNBLOCK_TIMEOUT_VALUE = "60s";

    private static JavaSparkContext shared;

    private SparkContexts() {
    }

    /** The running context, or a new one; a different {@code -Dspark.master} than the running one's restarts it. */
    public static synchronized JavaSparkContext shared() {
        SparkConf conf = conf();
        if (shared != null && !shared.sc().isStopped() && shared.master().equals(conf.get("spark.master"))) {
            return shared;
        }
        stop();
        LOG.info("starting Spark: master {}", conf.get("spark.master"));
        shared = new JavaSparkContext(conf);
        return shared;
    }

    /** Stops the shared context (tests switch masters; the JVM's exit stops it anyway). */
    public static synchronized void stop() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    static SparkConf conf() {
        SparkConf conf = new SparkConf()
                .setIfMissing("spark.master", DEFAULT_MASTER)
                .setIfMissing("spark.app.name", "dl4j-lab")
                .setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .setIfMissing("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator");
        // mlp-scratch's kernels use the Vector API (incubating in Java 17): executors need the module too
        String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
        if (!executorOptions.contains(VECTOR_MODULE)) {
            executorOptions = (VECTOR_MODULE + " " + executorOptions).strip();
        }
        if (!executorOptions.contains(AERON_UNBLOCK_TIMEOUT)) {
            executorOptions += " -D" + AERON_UNBLOCK_TIMEOUT + "=" + AERON_UNBLOCK_TIMEOUT_VALUE;
        }
        conf.set("spark.executor.extraJavaOptions", executorOptions);
        String master = conf.get("spark.master");
        if (master.startsWith("local")) {
            // one machine: no name lookups, nothing listening beyond it
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            List<String> jars = AppJars.ofThisApplication();
            LOG.info("application jars for the executors: {}", jars);
            conf.set("spark.jars", String.join(",", jars));
        }
        return conf;
    }
}
