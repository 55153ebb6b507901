#!/usr/bin/python3
"""PyTorch-CPU reference of the project's Deep-MNIST `adam-relu` network (bench/README.md).

Adapted from ../shared/bench/torch_deep_mnist.py: the same measurement, but with the project's
init (DL4J XAVIER normal, zero biases; see deep_mnist_common.py) instead of the TF tutorial's
truncated normal + 0.1 biases, and threads defaulting to all cores. NCHW (PyTorch's layout).

  /usr/bin/python3 bench/torch_deep_mnist.py --mnist data/mnist --bench 300    # 20 warm-up + 300 timed
  /usr/bin/python3 bench/torch_deep_mnist.py --mnist data/mnist --train 1100   # one epoch + val/test accuracy
Options: --threads N (torch.set_num_threads; default all cores), --batch 50, --lr 1e-4, --seed 0,
--check (print the initial loss), --versions (JSON, then exit).

Needs Debian's python3-torch and python3-numpy (run with /usr/bin/python3). Adam: torch's form
(eps added to the bias-corrected sqrt(v)); DL4J and Keras add it to the uncorrected one, a
difference of eps * sqrt(1 - beta2^t), immaterial at eps 1e-8 and for the timing.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import deep_mnist_common as common  # noqa: E402


def main(argv=None):
    args = common.parser("Deep MNIST (the project's adam-relu) on PyTorch CPU").parse_args(argv)
    common.check_mnist(args)

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    if args.versions:
        cfg = torch.__config__.show()
        cap = [l.split(":", 1)[1].strip() for l in cfg.splitlines() if "CPU capability usage" in l]
        dnnl = [l.strip(" -") for l in cfg.splitlines() if "MKL-DNN" in l or "oneDNN" in l]
        common.print_versions({"framework": "pytorch", "torch": torch.__version__,
                               "onednn": dnnl[0] if dnnl else None,
                               "mkldnn_enabled": torch.backends.mkldnn.is_available(),
                               "aten_cpu_capability": cap[0] if cap else None})
        return

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    (xtr, ytr), (xva, yva), (xte, yte) = [
        (torch.from_numpy(x).unsqueeze(1).contiguous(), torch.from_numpy(y.astype(np.int64)))
        for x, y in common.load_mnist(args.mnist)]

    class DeepMnist(nn.Module):
        def __init__(self, p):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 32, 5, padding=2)
            self.conv2 = nn.Conv2d(32, 64, 5, padding=2)
            self.fc1 = nn.Linear(7 * 7 * 64, 1024)
            self.fc2 = nn.Linear(1024, 10)
            with torch.no_grad():
                for name, m in (("conv1", self.conv1), ("conv2", self.conv2)):
                    m.weight.copy_(torch.from_numpy(p[name + "_w"]))
                    m.bias.copy_(torch.from_numpy(p[name + "_b"]))
                for name, m in (("fc1", self.fc1), ("fc2", self.fc2)):
                    m.weight.copy_(torch.from_numpy(p[name + "_w"].T.copy()))
                    m.bias.copy_(torch.from_numpy(p[name + "_b"]))

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = torch.flatten(x, 1)          # c, h, w order, as DL4J's CnnToFeedForward
            x = F.dropout(F.relu(self.fc1(x)), p=0.5, training=self.training)
            return self.fc2(x)

    model = DeepMnist(common.xavier_params(args.seed))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    model.train()
    stream = common.batches(len(xtr), args.batch, args.seed, np.int64)
    print("# torch %s, numpy %s, threads=%d, mkldnn=%s, batch=%d, lr=%g, train/val/test=%d/%d/%d, %s, loadavg=%s"
          % (torch.__version__, np.__version__, torch.get_num_threads(), torch.backends.mkldnn.is_available(),
             args.batch, args.lr, len(xtr), len(xva), len(xte), common.env_summary(), common.loadavg()),
          flush=True)

    def step():
        idx = torch.from_numpy(next(stream))
        xb, yb = xtr[idx], ytr[idx]
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        return loss

    @torch.no_grad()
    def accuracy(x, y, bs=1000):
        model.eval()
        correct = sum((model(x[s:s + bs]).argmax(1) == y[s:s + bs]).sum().item() for s in range(0, len(x), bs))
        model.train()
        return correct / len(x)

    @torch.no_grad()
    def init_loss():
        model.eval()
        loss = F.cross_entropy(model(xtr[:1000]), ytr[:1000]).item()
        model.train()
        return loss

    common.run(args, step, lambda loss: loss.item(),
               evaluate=lambda: (accuracy(xva, yva), accuracy(xte, yte)), init_loss=init_loss)


if __name__ == "__main__":
    main()
