"""Framework-free parts of the Deep-MNIST reference benchmarks (torch/tf/jax_deep_mnist.py).

Only numpy and the standard library: safe to import before a framework (JAX reads XLA_FLAGS at
import, so the scripts set their environment first and import the framework afterwards).

The network is the project's `adam-relu` (mnist-cnn DeepMnistNetwork + SeededWeightInit):
conv5x5 1->32 'same' + ReLU, maxpool 2x2, conv5x5 32->64 'same' + ReLU, maxpool 2x2,
fc 3136->1024 + ReLU, dropout (keep 0.5), fc 1024->10, softmax cross-entropy (mean over the
batch); Adam lr 1e-4, beta1 0.9, beta2 0.999, eps 1e-8.

Init as DL4J's XAVIER (what SeededWeightInit draws): plain normal (not truncated), variance
2 / (fan_in + fan_out), with DL4J's fans: conv fan_in = in_ch*kh*kw, fan_out = out_ch*kh*kw
(stride 1); dense fan_in = nIn, fan_out = nOut. Biases 0 (DL4J's default bias init; the
project sets 0.1 only for truncnormal). The numbers come from numpy's RandomState(seed), drawn
in DL4J's layout (conv [out, in, kh, kw]; dense [in, out] with the 3136 inputs in NCHW flatten
order c, h, w), and each framework receives them permuted into its own layout, so all three
references start from the same function (`--check` prints its loss; it should agree to ~1e-6).
They are not the Java run's numbers (that one draws from java.util.SplittableRandom).
"""
import json
import os
import struct
import sys
import time

import numpy as np

FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
         "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
TRAIN = 55000
WARMUP = 20


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    if magic == 2051:
        n, rows, cols = struct.unpack(">III", data[4:16])
        arr = np.frombuffer(data, dtype=np.uint8, offset=16)
        if arr.size != n * rows * cols:
            raise ValueError("%s: expected %d pixels, found %d" % (path, n * rows * cols, arr.size))
        return arr.reshape(n, rows, cols)
    if magic == 2049:
        n, = struct.unpack(">I", data[4:8])
        arr = np.frombuffer(data, dtype=np.uint8, offset=8)
        if arr.size != n:
            raise ValueError("%s: expected %d labels, found %d" % (path, n, arr.size))
        return arr
    raise ValueError("%s: not an IDX image/label file (magic %d)" % (path, magic))


def load_mnist(d):
    """((xtr, ytr), (xva, yva), (xte, yte)); images float32 [n, 28, 28] in [0, 1], labels int32."""
    def imgs(name):
        return read_idx(os.path.join(d, name)).astype(np.float32) / np.float32(255.0)

    def labels(name):
        return read_idx(os.path.join(d, name)).astype(np.int32)

    xtr, ytr = imgs(FILES[0]), labels(FILES[1])
    xte, yte = imgs(FILES[2]), labels(FILES[3])
    return (xtr[:TRAIN], ytr[:TRAIN]), (xtr[TRAIN:], ytr[TRAIN:]), (xte, yte)


def xavier_params(seed):
    """DL4J-layout float32 parameters: conv1_w [32,1,5,5], conv2_w [64,32,5,5], fc1_w [3136,1024]
    (inputs in c,h,w order), fc2_w [1024,10], and zero biases."""
    rng = np.random.RandomState(seed)

    def normal(shape, fan_in, fan_out):
        return (rng.standard_normal(shape) * np.sqrt(2.0 / (fan_in + fan_out))).astype(np.float32)

    return {
        "conv1_w": normal((32, 1, 5, 5), 1 * 25, 32 * 25),
        "conv1_b": np.zeros(32, np.float32),
        "conv2_w": normal((64, 32, 5, 5), 32 * 25, 64 * 25),
        "conv2_b": np.zeros(64, np.float32),
        "fc1_w": normal((3136, 1024), 3136, 1024),
        "fc1_b": np.zeros(1024, np.float32),
        "fc2_w": normal((1024, 10), 1024, 10),
        "fc2_b": np.zeros(10, np.float32),
    }


def to_nhwc(p):
    """The DL4J-layout parameters for an NHWC network: conv HWIO, fc1 rows in h,w,c order."""
    q = dict(p)
    q["conv1_w"] = np.ascontiguousarray(p["conv1_w"].transpose(2, 3, 1, 0))
    q["conv2_w"] = np.ascontiguousarray(p["conv2_w"].transpose(2, 3, 1, 0))
    q["fc1_w"] = np.ascontiguousarray(
        p["fc1_w"].reshape(64, 7, 7, 1024).transpose(1, 2, 0, 3).reshape(3136, 1024))
    return q


def batches(n, batch, seed, dtype=np.int32):
    """Endless stream of index batches: a fresh seeded permutation of range(n) per epoch
    (the incomplete last batch of an epoch is dropped)."""
    rng = np.random.RandomState(seed)
    while True:
        perm = rng.permutation(n).astype(dtype)
        for s in range(0, n - batch + 1, batch):
            yield perm[s:s + batch]


def cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def loadavg():
    return " ".join("%.2f" % v for v in os.getloadavg())


def parser(description):
    import argparse
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--mnist", default=os.environ.get("MNIST_DIR"),
                   help="folder with the 4 raw *-ubyte files (default: $MNIST_DIR)")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--bench", type=int, metavar="N",
                   help="%d warm-up + N timed training steps; prints images/second last" % WARMUP)
    g.add_argument("--train", type=int, metavar="ITERS",
                   help="train ITERS steps (1100 = one epoch at batch 50), evaluating every --eval-every")
    g.add_argument("--versions", action="store_true", help="print the software versions as JSON and exit")
    p.add_argument("--threads", type=int, default=cores(), help="compute threads (default: all cores, %d)" % cores())
    p.add_argument("--batch", type=int, default=50)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--eval-every", type=int, default=1100)
    p.add_argument("--check", action="store_true",
                   help="also print the initial loss on the first 1000 training images (no dropout): "
                        "the same network and init give the same number in every reference")
    return p


def check_mnist(args):
    if args.versions:
        return
    if not args.mnist:
        sys.exit("error: give --mnist DIR (the four raw MNIST IDX files) or set MNIST_DIR")
    for f in FILES:
        if not os.path.isfile(os.path.join(args.mnist, f)):
            sys.exit("error: %s missing in --mnist %s" % (f, args.mnist))
    if args.threads < 1 or args.batch < 1 or (args.bench is not None and args.bench < 1):
        sys.exit("error: --threads, --batch and --bench must be positive")


ISA_ENV = ("DNNL_MAX_CPU_ISA", "ONEDNN_MAX_CPU_ISA", "DNNL_DEFAULT_FPMATH_MODE", "ONEDNN_DEFAULT_FPMATH_MODE",
           "TF_SET_ONEDNN_FPMATH_MODE", "TF_ENABLE_ONEDNN_OPTS", "ATEN_CPU_CAPABILITY", "MKL_ENABLE_INSTRUCTIONS",
           "OPENBLAS_CORETYPE", "XLA_FLAGS", "OMP_NUM_THREADS")


def env_summary():
    return " ".join("%s=%s" % (k, os.environ[k]) for k in ISA_ENV if k in os.environ) or "(no ISA/thread env)"


def print_versions(d):
    d = dict(d)
    d["python"] = sys.version.split()[0]
    d["python_executable"] = sys.executable
    d["numpy"] = np.__version__
    print(json.dumps(d, sort_keys=True))


def run(args, step, finish, evaluate=None, init_loss=None):
    """The shared measurement. step() does one training step (fetch a batch from the seeded
    permutation, forward, backward, update) and returns something finish() turns into a float,
    blocking until every queued computation is done (.item(), .numpy(), block_until_ready)."""
    if args.check and init_loss is not None:
        print("# check: initial loss on the first 1000 training images, no dropout: %.6f" % init_loss(),
              flush=True)
    if args.bench is not None:
        for _ in range(WARMUP):
            loss = step()
        finish(loss)
        t0 = time.perf_counter()
        for _ in range(args.bench):
            loss = step()
        last = finish(loss)
        dt = time.perf_counter() - t0
        print("# %d timed iterations of batch %d in %.3f s (%.2f ms/iter), last loss %.4f, loadavg=%s"
              % (args.bench, args.batch, dt, 1000 * dt / args.bench, last, loadavg()))
        print("images/second: %.1f" % (args.bench * args.batch / dt), flush=True)
        return

    t_start = time.perf_counter()
    t_train = 0.0
    for it in range(1, args.train + 1):
        t0 = time.perf_counter()
        loss = step()
        if it % 100 == 0 or it % args.eval_every == 0 or it == args.train:
            loss = finish(loss)
        t_train += time.perf_counter() - t0
        if it % args.eval_every == 0 or it == args.train:
            va, te = evaluate()
            print("iter %6d  epoch %.2f  batch_loss %.4f  val_acc %.4f  test_acc %.4f  elapsed %.1f s  loadavg %s"
                  % (it, it * args.batch / TRAIN, loss, va, te, time.perf_counter() - t_start, loadavg()),
                  flush=True)
    print("training-step seconds %.1f (%.1f images/s); total wall seconds incl. eval: %.1f"
          % (t_train, args.train * args.batch / t_train, time.perf_counter() - t_start))
