package lab.cnn.backend;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a network's layers run on a DL4J layer helper right now, read off the layers
 * themselves: "onednn" (DL4J's MKLDNN* helper), "cudnn", "none" (DL4J's built-in Java/ND4J
 * implementation), or "java" for layers that are not DL4J's own (custom layers such as maxout).
 *
 * <p>How M2.1 decides (decompiled {@code HelperUtils.createHelper}, {@code BaseMKLDNNHelper},
 * {@code ConvolutionLayer}, {@code SubsamplingLayer}): a layer creates its helper once, when the
 * network is initialised (or cloned), and only if {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false},
 * ND4J's {@code helpersAllowed()}, and the shim {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()}
 * all say yes; a failed check in {@code BaseMKLDNNHelper} is cached for the JVM's life. A helper
 * that throws during training is then bypassed for good ({@code helperCountFail > 0} with
 * {@code cudnnAllowFallback}, the default), after one "MKL-DNN execution failed" warning.
 */
public final class LayerHelpers {
    public static final String ONEDNN = "onednn";
    public static final String CUDNN = "cudnn";
    public static final String NONE = "none";
    public static final String JAVA = "java";

    private static final Logger LOG = LoggerFactory.getLogger(LayerHelpers.class);
    private static final Set<String> WARNED = new HashSet<>();

    private LayerHelpers() {
    }

    /** Layer name (or "layerN" if it has none) to the helper it runs on now, in network order. */
    public static Map<String, String> of(MultiLayerNetwork net) {
        Map<String, String> helpers = new LinkedHashMap<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            helpers.put(name(layers[i], i), kind(layers[i]));
        }
        return helpers;
    }

    /**
     * {@link #of}, and one WARN line per conv/pool layer (once per layer name and reason) that runs
     * without its oneDNN helper although helpers are requested and the loaded libnd4j build has
     * oneDNN, naming the reason.
     */
    public static Map<String, String> observe(MultiLayerNetwork net) {
        Map<String, String> helpers = of(net);
        boolean expected = requested() && LoadedNatives.observe().map(LoadedNatives::hasOneDnn).orElse(false);
        if (!expected) {
            return helpers;
        }
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer layer = layers[i];
            if (!(isConvolution(layer) || isPooling(layer)) || ONEDNN.equals(kind(layer))) {
                continue;
            }
            String name = name(layer, i);
            String reason = whyNoHelper(layer);
            boolean first;
            synchronized (WARNED) {
                first = WARNED.add(name + "\n" + reason);
            }
            if (first) {
                LOG.warn("layer {} ({}) runs WITHOUT its oneDNN helper although helpers are requested and "
                        + "the loaded libnd4j build has oneDNN: {}", name, layer.getClass().getSimpleName(), reason);
            }
        }
        return helpers;
    }

    /** Whether DL4J's helpers are asked for: the system property and ND4J's switch (Backend.setOneDnn). */
    public static boolean requested() {
        return "false".equalsIgnoreCase(System.getProperty(NativeVariant.HELPERS_DISABLE_PROPERTY, "true"))
                && Nd4j.getEnvironment().helpersAllowed();
    }

    /** "onednn", "cudnn", "none" or "java" for one layer. */
    public static String kind(Layer layer) {
        if (!isDl4jLayer(layer) && !isConvolution(layer) && !isPooling(layer)) {
            return JAVA;
        }
        LayerHelper helper = layer.getHelper();
        if (helper == null || fallenBack(layer) > 0) {
            return NONE;
        }
        if (floatOnly(helper) && !DataType.FLOAT.equals(paramType(layer))) {
            return NONE; // MKLDNNConvHelper returns null for anything but FLOAT: the built-in path runs
        }
        String type = helper.getClass().getSimpleName();
        if (type.startsWith("MKLDNN")) {
            return ONEDNN;
        }
        if (type.startsWith("Cudnn")) {
            return CUDNN;
        }
        return type;
    }

    /** The reason a conv/pool layer runs without its oneDNN helper, as far as it can be told. */
    static String whyNoHelper(Layer layer) {
        int failures = fallenBack(layer);
        if (failures > 0) {
            return "the helper threw " + failures + " time(s) during training and DL4J fell back to its built-in "
                    + "implementation for good (cudnnAllowFallback; see the earlier 'MKL-DNN execution failed' warning)";
        }
        if (floatOnly(layer.getHelper()) && !DataType.FLOAT.equals(paramType(layer))) {
            return "data type " + paramType(layer) + ": DL4J's oneDNN convolution helper runs FLOAT only";
        }
        if (layer.getHelper() != null) {
            return "its helper is " + layer.getHelper().getClass().getName();
        }
        String property = System.getProperty(NativeVariant.HELPERS_DISABLE_PROPERTY);
        if (!"false".equalsIgnoreCase(property)) {
            return "-D" + NativeVariant.HELPERS_DISABLE_PROPERTY + "=" + property + " (DL4J creates no helpers unless false)";
        }
        String shim = shimFailure();
        if (shim != null) {
            return "the org.nd4j.nativeblas.Nd4jCpu shim failed: " + shim;
        }
        if (baseHelperCheckFailed()) {
            return "BaseMKLDNNHelper's reflective check of org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN() "
                    + "failed once and is cached as 'off' for this JVM (is the shim on the class path?)";
        }
        if (!Backend.oneDnnEnabled()) {
            return "libnd4j reports oneDNN off (Nd4jCpu.Environment.isUseONEDNN() is false)";
        }
        return "the layer was created while helpers were off (helpers are chosen once, when the network is "
                + "initialised or cloned; e.g. created before Backend.setOneDnn(true))";
    }

    static boolean isConvolution(Layer layer) {
        return layer instanceof ConvolutionLayer; // also the project's InputConvolutionLayerImpl
    }

    static boolean isPooling(Layer layer) {
        return layer instanceof SubsamplingLayer;
    }

    private static boolean isDl4jLayer(Layer layer) {
        Object conf = layer.conf() == null ? null : layer.conf().getLayer();
        return layer.getClass().getName().startsWith("org.deeplearning4j.")
                && (conf == null || conf.getClass().getName().startsWith("org.deeplearning4j."));
    }

    static String name(Layer layer, int index) {
        String name = layer.conf() == null || layer.conf().getLayer() == null ? null
                : layer.conf().getLayer().getLayerName();
        return name == null || name.isEmpty() ? "layer" + index : name;
    }

    /** helperCountFail when the layer has one and bypasses its helper after failures, else 0. */
    static int fallenBack(Layer layer) {
        if (!(layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer)) {
            return 0;
        }
        Object conf = layer.conf().getLayer();
        boolean allowFallback = conf instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer c
                ? c.isCudnnAllowFallback()
                : conf instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer s && s.isCudnnAllowFallback();
        if (!allowFallback) {
            return 0; // a failing helper throws instead: training stops
        }
        Class<?> declaring = layer instanceof ConvolutionLayer ? ConvolutionLayer.class : SubsamplingLayer.class;
        try {
            Field field = declaring.getDeclaredField("helperCountFail");
            field.setAccessible(true);
            return field.getInt(layer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }

    private static DataType paramType(Layer layer) {
        try {
            return layer.getParam("W") != null ? layer.getParam("W").dataType() : layer.input().dataType();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String shimFailure() {
        try {
            return org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().failure();
        } catch (LinkageError | RuntimeException e) {
            return "the shim class cannot be loaded: " + e;
        }
    }

    private static boolean baseHelperCheckFailed() {
        try {
            Class<?> base = Class.forName("org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper");
            Field field = base.getDeclaredField("FAILED_CHECK");
            field.setAccessible(true);
            Object failed = field.get(null);
            return failed instanceof AtomicBoolean b && b.get();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** MKLDNNConvHelper hands anything but FLOAT back to the built-in path, call by call. */
    private static boolean floatOnly(LayerHelper helper) {
        return helper != null && helper.getClass().getSimpleName().equals("MKLDNNConvHelper");
    }
}
