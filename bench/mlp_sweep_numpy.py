#!/usr/bin/env python3
"""numpy reference of `mlp-bench`: the Q1 report's 18 trainings, timed.

The three-layer tanh runs are the assignment's code, the classic "implementing a neural network
from scratch" notebook: build_model with calculate_loss, tanh hidden layer, softmax,
dW2 = a1.T.dot(delta3) (no 1/N), reg_lambda 0.01, epsilon 0.01, 20000 passes. The other runs
(sigmoid, relu, leaky-relu, several hidden layers) use build_model_n, the same code generalised
to any depth and activation.

The points and the initial weights are not drawn here: they come from the Java side, so that
both train the very same networks (the Java draws W = randn(fan_in, fan_out) / sqrt(fan_in) from
java.util.Random(seed), biases 0, and scikit-learn's moons/blobs geometry from its own seeded
generator). Write them once with

    mvn -q compile exec:java -Dexp=mlp-bench -Dmlp.bench.export=/tmp/mlp-bench-inputs.json

That file also holds the Java side's final loss and loss curve for every run; this script prints
its own final loss beside the Java one, their relative difference, and the first recorded pass
at which the two loss curves part by more than 1e-9 (relative).

As in the Java bench, the loss (calculate_loss) is evaluated every record_every (100) passes and
after the last one; a loss that is not finite stops a run. The last line printed is
`sweep seconds: X`: wall time of the 18 trainings, one after the other, in this process.

Threads: set OPENBLAS_NUM_THREADS before starting. bench/mlp-side-by-side.sh sets 1; 2 threads
measured the same (OpenBLAS does not split products this small: user time = wall time either way). CPU cap: OPENBLAS_CORETYPE=Haswell and
NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR" make an AVX-512 machine run the AVX2 code.

Needs numpy only (no scikit-learn).
"""
import argparse
import json
import math
import os
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.exit(f"error: numpy is not installed for {sys.executable} (pip install numpy, or apt-get install python3-numpy)")


# ---- the assignment's code (three-layer network, tanh) ----

def calculate_loss(model, X, y, reg_lambda):
    num_examples = len(X)
    W1, b1, W2, b2 = model['W1'], model['b1'], model['W2'], model['b2']
    # Forward propagation to calculate our predictions
    z1 = X.dot(W1) + b1
    a1 = np.tanh(z1)
    z2 = a1.dot(W2) + b2
    exp_scores = np.exp(z2)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    # Calculating the loss
    corect_logprobs = -np.log(probs[range(num_examples), y])
    data_loss = np.sum(corect_logprobs)
    # Add regulatization term to loss (optional)
    data_loss += reg_lambda / 2 * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
    return 1. / num_examples * data_loss


def predict(model, x):
    W1, b1, W2, b2 = model['W1'], model['b1'], model['W2'], model['b2']
    z1 = x.dot(W1) + b1
    a1 = np.tanh(z1)
    z2 = a1.dot(W2) + b2
    exp_scores = np.exp(z2)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    return np.argmax(probs, axis=1)


def build_model(X, y, init, nn_hdim, num_passes=20000, epsilon=0.01, reg_lambda=0.01, record_every=100):
    """The notebook's build_model; the weights start from `init` instead of np.random.seed(0)."""
    num_examples = len(X)
    W1 = init['W1'].copy()
    b1 = init['b1'].copy()
    W2 = init['W2'].copy()
    b2 = init['b2'].copy()
    assert W1.shape[1] == nn_hdim
    model = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}
    curve = []

    # Gradient descent. For each batch...
    for i in range(0, num_passes):
        if i % record_every == 0:
            loss = calculate_loss(model, X, y, reg_lambda)
            curve.append((i, loss))
            if not math.isfinite(loss):
                return model, curve, i

        # Forward propagation
        z1 = X.dot(W1) + b1
        a1 = np.tanh(z1)
        z2 = a1.dot(W2) + b2
        exp_scores = np.exp(z2)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

        # Backpropagation
        delta3 = probs
        delta3[range(num_examples), y] -= 1
        dW2 = (a1.T).dot(delta3)
        db2 = np.sum(delta3, axis=0, keepdims=True)
        delta2 = delta3.dot(W2.T) * (1 - np.power(a1, 2))
        dW1 = np.dot(X.T, delta2)
        db1 = np.sum(delta2, axis=0)

        # Add regularization terms (b1 and b2 don't have regularization terms)
        dW2 += reg_lambda * W2
        dW1 += reg_lambda * W1

        # Gradient descent parameter update
        W1 += -epsilon * dW1
        b1 += -epsilon * db1
        W2 += -epsilon * dW2
        b2 += -epsilon * db2

        # Assign new parameters to the model
        model = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}

    curve.append((num_passes, calculate_loss(model, X, y, reg_lambda)))
    return model, curve, num_passes


# ---- the same, any depth and activation ----

def activation_functions(name, alpha):
    """f(z) and f'(z) written in terms of a = f(z), as the notebook writes tanh' = 1 - a^2."""
    if name == 'tanh':
        return np.tanh, lambda a: 1 - np.power(a, 2)
    if name == 'sigmoid':
        return lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a)
    if name == 'relu':
        return lambda z: np.maximum(z, 0), lambda a: (a > 0) * 1.0
    if name == 'leaky-relu':
        return lambda z: np.where(z > 0, z, alpha * z), lambda a: np.where(a > 0, 1.0, alpha)
    if name == 'identity':
        return lambda z: z, lambda a: 1.0
    raise ValueError(f"unknown activation {name}")


def forward_n(Ws, bs, X, f):
    """Activations of every layer, input first; the last entry is the softmax output."""
    acts = [X]
    a = X
    for W, b in zip(Ws[:-1], bs[:-1]):
        a = f(a.dot(W) + b)
        acts.append(a)
    z = a.dot(Ws[-1]) + bs[-1]
    exp_scores = np.exp(z)
    acts.append(exp_scores / np.sum(exp_scores, axis=1, keepdims=True))
    return acts


def calculate_loss_n(Ws, bs, X, y, reg_lambda, f):
    num_examples = len(X)
    probs = forward_n(Ws, bs, X, f)[-1]
    corect_logprobs = -np.log(probs[range(num_examples), y])
    data_loss = np.sum(corect_logprobs)
    data_loss += reg_lambda / 2 * sum(np.sum(np.square(W)) for W in Ws)
    return 1. / num_examples * data_loss


def build_model_n(X, y, init_Ws, init_bs, activation, alpha, num_passes=20000, epsilon=0.01, reg_lambda=0.01,
                  record_every=100):
    num_examples = len(X)
    Ws = [W.copy() for W in init_Ws]
    bs = [b.copy() for b in init_bs]
    f, f_prime = activation_functions(activation, alpha)
    curve = []
    for i in range(0, num_passes):
        if i % record_every == 0:
            loss = calculate_loss_n(Ws, bs, X, y, reg_lambda, f)
            curve.append((i, loss))
            if not math.isfinite(loss):
                return (Ws, bs), curve, i
        acts = forward_n(Ws, bs, X, f)
        delta = acts[-1]
        delta[range(num_examples), y] -= 1
        dWs = [None] * len(Ws)
        dbs = [None] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):
            dWs[l] = (acts[l].T).dot(delta)
            dbs[l] = np.sum(delta, axis=0, keepdims=True)
            if l > 0:
                delta = delta.dot(Ws[l].T) * f_prime(acts[l])
        for l in range(len(Ws)):
            dWs[l] += reg_lambda * Ws[l]
            Ws[l] += -epsilon * dWs[l]
            bs[l] += -epsilon * dbs[l]
    curve.append((num_passes, calculate_loss_n(Ws, bs, X, y, reg_lambda, f)))
    return (Ws, bs), curve, num_passes


# ---- the sweep ----

def openblas_info():
    """OpenBLAS core type and thread count, read from the library this process loaded (best effort)."""
    import ctypes
    libs = []
    try:
        with open('/proc/self/maps') as maps:
            for line in maps:
                path = line.split()[-1]
                if 'openblas' in os.path.basename(path) and path not in libs:
                    libs.append(path)
    except OSError:
        pass
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in ('scipy_openblas_', 'openblas_'):
            for suffix in ('64_', ''):
                core = getattr(lib, f'{prefix}get_corename{suffix}', None)
                threads = getattr(lib, f'{prefix}get_num_threads{suffix}', None)
                if core is not None and threads is not None:
                    core.restype = ctypes.c_char_p
                    return core().decode(), threads()
    return '?', os.environ.get('OPENBLAS_NUM_THREADS', '?')


def numpy_simd():
    try:
        from numpy._core import _multiarray_umath as m
    except ImportError:
        from numpy.core import _multiarray_umath as m
    return [name for name in m.__cpu_dispatch__ if m.__cpu_features__.get(name)]


def first_parting(curve, java_pass, java_loss, tolerance=1e-9):
    """First recorded pass at which the two curves differ by more than `tolerance` relative."""
    java = dict(zip(java_pass, java_loss))
    for p, loss in curve:
        ref = java.get(p)
        if ref is None:
            continue
        if not (abs(loss - ref) <= tolerance * abs(ref)):
            return p
    return None


def train(run):
    X = np.array(run['x'], dtype=np.float64)
    y = np.array(run['y'], dtype=np.int64)
    Ws = [np.array(W, dtype=np.float64) for W in run['weights']]
    bs = [np.array(b, dtype=np.float64).reshape(1, -1) for b in run['biases']]
    settings = dict(num_passes=run['passes'], epsilon=run['epsilon'], reg_lambda=run['reg_lambda'],
                    record_every=run['record_every'])
    if run['network'] == 'three-layer' and run['activation'] == 'tanh':
        init = {'W1': Ws[0], 'b1': bs[0], 'W2': Ws[1], 'b2': bs[1]}
        start = time.perf_counter()
        model, curve, passes = build_model(X, y, init, Ws[0].shape[1], **settings)
        seconds = time.perf_counter() - start
        accuracy = float(np.mean(predict(model, X) == y))
        code = 'build_model'
    else:
        start = time.perf_counter()
        (Ws, bs), curve, passes = build_model_n(X, y, Ws, bs, run['activation'], run['leaky_alpha'], **settings)
        seconds = time.perf_counter() - start
        f, _ = activation_functions(run['activation'], run['leaky_alpha'])
        accuracy = float(np.mean(np.argmax(forward_n(Ws, bs, X, f)[-1], axis=1) == y))
        code = 'build_model_n'
    return curve, passes, accuracy, seconds, code


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--inputs', default='/tmp/mlp-bench-inputs.json',
                        help='the file mlp-bench writes with -Dmlp.bench.export=FILE (default: %(default)s)')
    parser.add_argument('--only', help='comma-separated run names (default: all)')
    args = parser.parse_args()
    if not os.path.isfile(args.inputs):
        sys.exit(f"error: {args.inputs} not found; write it with: mvn -q compile exec:java -Dexp=mlp-bench "
                 f"-Dmlp.bench.export={args.inputs}")
    with open(args.inputs) as f:
        export = json.load(f)
    runs = export['runs']
    if args.only:
        wanted = set(args.only.split(','))
        runs = [r for r in runs if r['name'] in wanted]
    for run in runs:
        if run['batch_size'] != 0 or run['gradient'] != 'sum':
            sys.exit(f"error: {run['name']}: only full-batch runs with the summed gradient are implemented here")

    core, threads = openblas_info()
    print(f"numpy {np.__version__} (python {sys.version.split()[0]}), OpenBLAS core {core}, {threads} thread(s), "
          f"numpy SIMD {' '.join(numpy_simd()) or 'baseline only'}; {len(runs)} configurations, one at a time; "
          f"inputs {args.inputs} (Java results there: {export['vector_lanes']}-lane vectors)", flush=True)
    worst = 0.0
    agree = 0
    total = 0.0
    for run in runs:
        curve, passes, accuracy, seconds, code = train(run)
        total += seconds
        loss = curve[-1][1]
        java = run['java_result']
        rel = abs(loss - java['final_loss']) / abs(java['final_loss'])
        worst = max(worst, rel)
        agree += rel <= 1e-9
        parted = first_parting(curve, java['curve_pass'], java['curve_loss'])
        print(f"  {run['name']:<22} {code:<13} {str(run['layers']):<28} final loss {float(loss)!r:<22} java {java['final_loss']!r:<22} "
              f"rel.diff {rel:.1e}  curves part (>1e-9) at pass {parted if parted is not None else 'never'}  "
              f"acc {accuracy:.3f}  {seconds:7.3f} s", flush=True)
    print(f"final losses within 1e-9 of Java's: {agree} of {len(runs)}")
    print(f"largest relative difference of final losses vs Java: {worst:.1e}")
    print(f"sweep seconds: {total:.3f}")


if __name__ == '__main__':
    main()
