package lab.cnn.monitor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.VertxUIServer;

/**
 * DL4J's training UI listening on one address. {@code VertxUIServer} (1.0.0-M2.1) starts its HTTP
 * server with {@code vertx.createHttpServer()...listen(port, handler)}, and Vert.x 3.9's
 * {@code listen(port, handler)} is {@code listen(port, "0.0.0.0", handler)}: every interface. This
 * subclass hands the verticle a {@link Vertx} whose HTTP servers turn that call into
 * {@code listen(port, host, handler)}; everything else goes to the real Vert.x untouched.
 *
 * <p>It is deployed here, not through {@code VertxUIServer.getInstance} (whose private
 * {@code deploy} names the base class): the constructor of {@code VertxUIServer} registers the
 * instance as the JVM's UI, so {@code UIServer.getInstance()} and {@code UIServer.stopInstance()}
 * work on it as on DL4J's own.
 */
final class BoundUiServer extends VertxUIServer {
    private final String host;

    private BoundUiServer(String host) {
        this.host = host;
    }

    /**
     * Starts the UI on {@code host}; the port comes from {@code org.deeplearning4j.ui.port}, as
     * {@code VertxUIServer.start} reads it. Failures (e.g. a port in use) are thrown as they come.
     */
    static VertxUIServer deploy(String host, boolean multiSession,
                                Function<String, StatsStorage> sessions) throws ExecutionException,
            InterruptedException {
        VertxUIServer.getMultiSession().set(multiSession);
        VertxUIServer.setStatsStorageProvider(sessions == null ? null : sessions::apply);
        BoundUiServer server = new BoundUiServer(host);
        CompletableFuture<String> deployed = new CompletableFuture<>();
        Vertx.vertx().deployVerticle(server, result -> {
            if (result.succeeded()) {
                deployed.complete(result.result());
            } else {
                deployed.completeExceptionally(result.cause());
            }
        });
        deployed.get();
        return server;
    }

    @Override
    public void init(Vertx vertx, Context context) {
        super.init(bindingTo(vertx, host), context);
    }

    /** {@code vertx} with every HTTP server it creates bound to {@code host}. */
    static Vertx bindingTo(Vertx vertx, String host) {
        return proxy(vertx, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return method.getName().equals("createHttpServer") ? boundServer((HttpServer) result, host) : result;
        });
    }

    private static HttpServer boundServer(HttpServer server, String host) {
        return proxy(server, (target, method, args) -> {
            if (method.getName().equals("listen") && args != null && args.length >= 1
                    && method.getParameterTypes()[0] == int.class
                    && (args.length == 1 || method.getParameterTypes()[1] != String.class)) {
                // listen(port) or listen(port, handler): the wildcard in Vert.x; the host here.
                Object[] withHost = new Object[args.length + 1];
                withHost[0] = args[0];
                withHost[1] = host;
                System.arraycopy(args, 1, withHost, 2, args.length - 1);
                Class<?>[] types = new Class<?>[withHost.length];
                types[0] = int.class;
                types[1] = String.class;
                System.arraycopy(method.getParameterTypes(), 1, types, 2, args.length - 1);
                method = HttpServer.class.getMethod("listen", types);
                args = withHost;
            }
            return invoke(target, method, args);
        });
    }

    private interface Call {
        Object call(Object target, Method method, Object[] args) throws Throwable;
    }

    /**
     * A proxy with every interface of {@code target}'s class (Vert.x casts to its internal ones);
     * a fluent call returning the target returns the proxy, so chained calls stay intercepted.
     */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, Call call) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            collect(c, interfaces);
        }
        Object[] self = new Object[1];
        InvocationHandler handler = (p, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> p == args[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> method.invoke(target, args);
                };
            }
            Object result = call.call(target, method, args);
            return result == target ? self[0] : result;
        };
        self[0] = Proxy.newProxyInstance(BoundUiServer.class.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                handler);
        return (T) self[0];
    }

    private static void collect(Class<?> type, Set<Class<?>> into) {
        for (Class<?> i : type.getInterfaces()) {
            if (Modifier.isPublic(i.getModifiers()) && into.add(i)) {
                collect(i, into);
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
