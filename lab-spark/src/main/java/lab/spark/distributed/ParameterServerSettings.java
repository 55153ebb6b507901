package lab.spark.distributed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import lab.core.UserError;
import lab.spark.SparkContexts;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;

/**
 * Where gradient sharing's parameter server listens and how the executors find it: the driver is
 * the controller, at Spark's {@code spark.driver.host} (127.0.0.1 in local mode, see
 * {@link lab.spark.SparkContexts}; on a cluster the driver's host name, or {@code -Dspark.driver.host})
 * and the UDP port {@value #PORT_PROPERTY} (default {@value VoidConfiguration#DEFAULT_AERON_UDP_PORT}).
 * An executor on another machine picks its own address in the network {@value #MASK_PROPERTY}
 * (e.g. 10.0.0.0/24), or takes the environment variable DL4J_VOID_IP; with neither it uses 127.0.0.1,
 * which works on one machine only.
 */
final class ParameterServerSettings {
    static final String PORT_PROPERTY = "gradient.sharing.port";
    static final String MASK_PROPERTY = "gradient.sharing.mask";

    private ParameterServerSettings() {
    }

    /**
     * Sets {@link SparkContexts#AERON_UNBLOCK_TIMEOUT} in this JVM unless it is set already
     * (executors get it from SparkContexts); in local mode the executors are this JVM.
     */
    static void aeronTimeout() {
        if (System.getProperty(SparkContexts.AERON_UNBLOCK_TIMEOUT) == null) {
            System.setProperty(SparkContexts.AERON_UNBLOCK_TIMEOUT, SparkContexts.AERON_UNBLOCK_TIMEOUT_VALUE);
        }
    }

    static VoidConfiguration voidConfiguration(JavaSparkContext spark) {
        String host = spark.getConf().get("spark.driver.host", "127.0.0.1");
        VoidConfiguration.VoidConfigurationBuilder conf = VoidConfiguration.builder()
                .controllerAddress(address(host))
                .unicastPort(port());
        String mask = System.getProperty(MASK_PROPERTY);
        if (mask != null && !mask.isBlank()) {
            conf.networkMask(mask.strip());
        }
        return conf.build();
    }

    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw UserError.usage("spark.driver.host: cannot resolve '" + host + "' (gradient sharing's controller "
                    + "listens there; give -Dspark.driver.host=ADDRESS)");
        }
    }

    private static int port() {
        String value = System.getProperty(PORT_PROPERTY);
        if (value == null || value.isBlank()) {
            return VoidConfiguration.DEFAULT_AERON_UDP_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw UserError.usage("-D" + PORT_PROPERTY + "=" + value + ": must be a UDP port, 1 to 65535");
    }
}
