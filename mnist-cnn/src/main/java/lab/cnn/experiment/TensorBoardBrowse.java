package lab.cnn.experiment;

import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;

/**
 * {@code kind: tensorboard}: TensorBoard over every run's log in the runs directory, until Ctrl-C.
 *
 * @param port TensorBoard's port (default {@value #DEFAULT_PORT})
 * @param host the address it listens on (default 127.0.0.1, this machine only, as the DL4J UI);
 *             {@code 0.0.0.0} = every interface ({@code --bind_all})
 */
public record TensorBoardBrowse(String description, Integer port, String host) implements ExperimentSpec {
    public static final int DEFAULT_PORT = 6006;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public TensorBoardBrowse {
        description = description == null ? "" : description;
        port = port == null ? DEFAULT_PORT : port;
        if (port < 1 || port > 65535) {
            throw new InvalidValue("port", "must be a port number between 1 and 65535, got " + port);
        }
        host = host == null ? DEFAULT_HOST : host.strip();
        if (host.isEmpty()) {
            throw new InvalidValue("host", "must be an address of this machine (127.0.0.1, 0.0.0.0 for all), got ''");
        }
    }
}
