#!/usr/bin/env python3
"""TensorFlow 2 (Keras 3) CPU reference of the project's Deep-MNIST `adam-relu` network.

Same network, init (DL4J XAVIER normal, zero biases; deep_mnist_common.py), optimizer (Keras Adam,
lr 1e-4, eps 1e-8: the same update formula as DL4J's Adam) and measurement as torch_deep_mnist.py,
in TensorFlow's natural CPU layout, NHWC. The training step (gather the batch from the seeded
permutation's indices, forward, backward, Adam update) is one tf.function; the timed loop ends
with loss.numpy(), so nothing is left running when the clock stops.

  python3 bench/tf_deep_mnist.py --mnist data/mnist --bench 300     # 20 warm-up + 300 timed
  python3 bench/tf_deep_mnist.py --mnist data/mnist --train 1100    # one epoch + val/test accuracy
Options: --threads N (TF intra-op threads; default all cores), --inter-op N (TF inter-op threads,
default 1: the step is a chain of ops), --jit-compile 0|1 (XLA-compile the step; default 0, see
bench/README.md), --batch 50, --lr 1e-4, --seed 0, --check, --versions.

Needs `pip install tensorflow_cpu` (pip's python, not /usr/bin/python3). TensorFlow's x86 wheels run
convolutions, pooling and matmuls on oneDNN (TF_ENABLE_ONEDNN_OPTS, on by default); the fp32 math
stays fp32 unless TF_SET_ONEDNN_FPMATH_MODE=BF16 is set (this script refuses to run with it).
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import deep_mnist_common as common  # noqa: E402

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "1")   # keep the INFO banners off the output


def onednn_version():
    """The oneDNN version TensorFlow bundles, from its verbose banner (a child process)."""
    code = ("import tensorflow as tf; x = tf.ones([1, 8, 8, 1]); "
            "tf.nn.conv2d(x, tf.ones([3, 3, 1, 1]), 1, 'SAME').numpy()")
    env = dict(os.environ, ONEDNN_VERBOSE="1", DNNL_VERBOSE="1", TF_CPP_MIN_LOG_LEVEL="3")
    try:
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                             timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        if ",info,oneDNN v" in line:
            return line.split(",info,", 1)[1].split(",")[0].strip()
    return None


def main(argv=None):
    p = common.parser("Deep MNIST (the project's adam-relu) on TensorFlow 2 CPU")
    p.add_argument("--inter-op", type=int, default=1, help="TF inter-op threads (default 1)")
    p.add_argument("--jit-compile", type=int, choices=(0, 1), default=0,
                   help="tf.function(jit_compile=...): 1 compiles the step with XLA (default 0)")
    args = p.parse_args(argv)
    common.check_mnist(args)
    if os.environ.get("TF_SET_ONEDNN_FPMATH_MODE", "").upper() not in ("", "STRICT", "FP32"):
        sys.exit("error: TF_SET_ONEDNN_FPMATH_MODE=%s would let oneDNN compute fp32 in lower precision; unset it"
                 % os.environ["TF_SET_ONEDNN_FPMATH_MODE"])

    import numpy as np
    import tensorflow as tf
    import keras

    if args.versions:
        try:
            from tensorflow.python.util import _pywrap_util_port
            onednn_on = bool(_pywrap_util_port.IsMklEnabled())
        except (ImportError, AttributeError):
            onednn_on = None
        common.print_versions({"framework": "tensorflow", "tensorflow": tf.__version__, "keras": keras.__version__,
                               "onednn_opts": onednn_on, "onednn": onednn_version(),
                               "jit_compile_default": bool(p.get_default("jit_compile"))})
        return

    tf.config.threading.set_intra_op_parallelism_threads(args.threads)
    tf.config.threading.set_inter_op_parallelism_threads(args.inter_op)
    keras.utils.set_random_seed(args.seed)

    (xtr, ytr), (xva, yva), (xte, yte) = common.load_mnist(args.mnist)
    xtr_t, ytr_t = tf.constant(xtr[..., None]), tf.constant(ytr)

    layers = keras.layers
    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 5, padding="same", activation="relu", name="conv1"),
        layers.MaxPooling2D(2, name="pool1"),
        layers.Conv2D(64, 5, padding="same", activation="relu", name="conv2"),
        layers.MaxPooling2D(2, name="pool2"),
        layers.Flatten(),                           # h, w, c order: to_nhwc() permutes fc1's rows to match
        layers.Dense(1024, activation="relu", name="fc1"),
        layers.Dropout(0.5, seed=args.seed),
        layers.Dense(10, name="fc2"),
    ])
    w = common.to_nhwc(common.xavier_params(args.seed))
    for name in ("conv1", "conv2", "fc1", "fc2"):
        model.get_layer(name).set_weights([w[name + "_w"], w[name + "_b"]])
    opt = keras.optimizers.Adam(learning_rate=args.lr, beta_1=0.9, beta_2=0.999, epsilon=1e-8)
    opt.build(model.trainable_variables)
    xent = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    @tf.function(jit_compile=bool(args.jit_compile),
                 input_signature=[tf.TensorSpec([args.batch], tf.int32)])
    def train_step(idx):
        xb, yb = tf.gather(xtr_t, idx), tf.gather(ytr_t, idx)
        with tf.GradientTape() as tape:
            loss = xent(yb, model(xb, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    @tf.function
    def logits(x):
        return model(x, training=False)

    def accuracy(x, y, bs=1000):
        correct = sum(int(np.sum(np.argmax(logits(tf.constant(x[s:s + bs, ..., None])).numpy(), 1) == y[s:s + bs]))
                      for s in range(0, len(x), bs))
        return correct / len(x)

    def init_loss():
        return float(xent(ytr[:1000], logits(tf.constant(xtr[:1000, ..., None]))).numpy())

    stream = common.batches(len(xtr), args.batch, args.seed)
    print("# tensorflow %s, keras %s, numpy %s, intra-op threads=%d, inter-op threads=%d, jit_compile=%s, "
          "batch=%d, lr=%g, train/val/test=%d/%d/%d, %s, loadavg=%s"
          % (tf.__version__, keras.__version__, np.__version__, tf.config.threading.get_intra_op_parallelism_threads(),
             tf.config.threading.get_inter_op_parallelism_threads(), bool(args.jit_compile), args.batch, args.lr,
             len(xtr), len(xva), len(xte), common.env_summary(), common.loadavg()), flush=True)

    common.run(args, lambda: train_step(next(stream)), lambda loss: float(loss.numpy()),
               evaluate=lambda: (accuracy(xva, yva), accuracy(xte, yte)), init_loss=init_loss)


if __name__ == "__main__":
    main()
