#!/usr/bin/env python3
"""JAX (XLA CPU) reference of the project's Deep-MNIST `adam-relu` network.

Same network, init (DL4J XAVIER normal, zero biases; deep_mnist_common.py), optimizer (optax.adam,
lr 1e-4, b1 0.9, b2 0.999, eps 1e-8) and measurement as torch_deep_mnist.py, written with
jax.lax in XLA's natural CPU layout (NHWC activations, HWIO kernels). One jax.jit step gathers
the batch from the seeded permutation's indices, runs forward and backward and applies the Adam
update (parameters, optimizer state and dropout key donated). JAX dispatches asynchronously: the
timed loop ends with jax.block_until_ready on the parameters, optimizer state and loss.

  python3 bench/jax_deep_mnist.py --mnist data/mnist --bench 300     # 20 warm-up + 300 timed
  python3 bench/jax_deep_mnist.py --mnist data/mnist --train 1100    # one epoch + val/test accuracy
Options: --threads N (default all cores; see below), --batch 50, --lr 1e-4, --seed 0, --check,
--versions.

Threads: XLA's CPU client sizes its thread pools from the CPUs the process may run on, and has no
thread-count option, so --threads N < all cores restricts this process to the first N CPUs
(sched_setaffinity) before jax is imported, and --threads 1 also adds
`--xla_cpu_multi_thread_eigen=false` to XLA_FLAGS (no Eigen multi-threading inside an op).
Flags already in XLA_FLAGS (e.g. --xla_cpu_max_isa=AVX2) are kept.

Needs `pip install jax jaxlib optax` (pip's python, not /usr/bin/python3).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import deep_mnist_common as common  # noqa: E402


def set_threads(n):
    """Before importing jax: XLA reads XLA_FLAGS and counts the usable CPUs when its client starts."""
    cpus = sorted(os.sched_getaffinity(0))
    if n < len(cpus):
        os.sched_setaffinity(0, cpus[:n])
    if n == 1:
        flags = os.environ.get("XLA_FLAGS", "")
        if "xla_cpu_multi_thread_eigen" not in flags:
            os.environ["XLA_FLAGS"] = (flags + " --xla_cpu_multi_thread_eigen=false").strip()
    return len(os.sched_getaffinity(0))


def main(argv=None):
    args = common.parser("Deep MNIST (the project's adam-relu) on JAX CPU").parse_args(argv)
    common.check_mnist(args)
    if args.threads > common.cores():
        sys.exit("error: --threads %d: JAX can be given at most the %d CPUs this process may use"
                 % (args.threads, common.cores()))
    cpus = set_threads(args.threads)

    import numpy as np
    import jax
    import jax.numpy as jnp
    import jaxlib
    import optax
    from jax import lax

    if args.versions:
        common.print_versions({"framework": "jax", "jax": jax.__version__, "jaxlib": jaxlib.__version__,
                               "optax": optax.__version__, "backend": jax.default_backend()})
        return

    (xtr, ytr), (xva, yva), (xte, yte) = common.load_mnist(args.mnist)
    xtr_d, ytr_d = jnp.asarray(xtr[..., None]), jnp.asarray(ytr)
    params = {k: jnp.asarray(v) for k, v in common.to_nhwc(common.xavier_params(args.seed)).items()}

    def conv(x, w, b):
        return lax.conv_general_dilated(x, w, (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC")) + b

    def pool(x):
        return lax.reduce_window(x, -jnp.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")

    def forward(p, x, key=None):
        x = pool(jax.nn.relu(conv(x, p["conv1_w"], p["conv1_b"])))
        x = pool(jax.nn.relu(conv(x, p["conv2_w"], p["conv2_b"])))
        x = x.reshape(x.shape[0], -1)                 # h, w, c order: to_nhwc() permuted fc1's rows
        x = jax.nn.relu(x @ p["fc1_w"] + p["fc1_b"])
        if key is not None:                           # dropout, keep 0.5, inverted scaling
            x = jnp.where(jax.random.bernoulli(key, 0.5, x.shape), x / 0.5, 0.0)
        return x @ p["fc2_w"] + p["fc2_b"]

    def loss_fn(p, x, y, key=None):
        return optax.softmax_cross_entropy_with_integer_labels(forward(p, x, key), y).mean()

    opt = optax.adam(args.lr, b1=0.9, b2=0.999, eps=1e-8)

    @jax.jit
    def init_state(p):
        return opt.init(p)

    def train_step(p, s, key, x_all, y_all, idx):
        x, y = x_all[idx], y_all[idx]
        key, sub = jax.random.split(key)
        loss, grads = jax.value_and_grad(loss_fn)(p, x, y, sub)
        updates, s = opt.update(grads, s, p)
        return optax.apply_updates(p, updates), s, key, loss

    train_step = jax.jit(train_step, donate_argnums=(0, 1, 2))
    logits = jax.jit(forward)
    state = [params, init_state(params), jax.random.PRNGKey(args.seed)]
    stream = common.batches(len(xtr), args.batch, args.seed)

    def step():
        state[0], state[1], state[2], loss = train_step(state[0], state[1], state[2], xtr_d, ytr_d,
                                                        next(stream))
        return loss

    def finish(loss):
        jax.block_until_ready((state, loss))
        return float(loss)

    def accuracy(x, y, bs=1000):
        correct = sum(int(np.sum(np.argmax(np.asarray(logits(state[0], jnp.asarray(x[s:s + bs, ..., None]))), 1)
                                 == y[s:s + bs])) for s in range(0, len(x), bs))
        return correct / len(x)

    def init_loss():
        return float(jax.jit(loss_fn)(state[0], jnp.asarray(xtr[:1000, ..., None]), jnp.asarray(ytr[:1000])))

    print("# jax %s, jaxlib %s, optax %s, numpy %s, backend=%s, cpus=%d, batch=%d, lr=%g, train/val/test=%d/%d/%d, "
          "%s, loadavg=%s"
          % (jax.__version__, jaxlib.__version__, optax.__version__, np.__version__, jax.default_backend(), cpus,
             args.batch, args.lr, len(xtr), len(xva), len(xte), common.env_summary(), common.loadavg()), flush=True)
    common.run(args, step, finish, evaluate=lambda: (accuracy(xva, yva), accuracy(xte, yte)), init_loss=init_loss)


if __name__ == "__main__":
    main()
