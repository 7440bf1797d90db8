#!/usr/bin/python3
"""PyTorch reference timing for gan4j's benchmark GANs: the two DCGANs (same layers as gan4j.arch.Dcgan) and
resnet-32, SNGAN's CIFAR ResNet (same blocks and widths as gan4j.arch.Resnet with 32 pixels, 3 channels,
latent 128, widths 64, no extra D blocks, BatchNorm in G, spectral norm in D).

One step = PyTorch's DCGAN example per batch: G forward on noise; D forward+backward on a real batch
and on the detached fake batch; Adam step on D; D forward+backward on the fake batch through G; Adam step on G.
Batch 64, float32. DCGANs: BCE (labels 1, 0, then 1), Adam(2e-4, betas (0.5, 0.999)), N(0, 0.02) weights.
resnet-32: hinge loss (relu(1 - s_real), relu(1 + s_fake), then -s_fake), Adam(2e-4, betas (0, 0.9)),
Xavier-uniform weights and zero biases, as gan4j gives it.

Usage (Debian's python3-torch, so /usr/bin/python3 rather than a pyenv python):
    /usr/bin/python3 scripts/bench/torch_dcgan.py --model dcgan64|dcgan28|resnet-32 --threads 2 --warmup 3 --steps 10
Prints the time of each step and a RESULT line with the median in s/step.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import spectral_norm

NZ = 100


class View(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(x.size(0), *self.shape)


def dcgan28():
    g = nn.Sequential(
        nn.Linear(NZ, 128 * 7 * 7, bias=False), View(128, 7, 7), nn.BatchNorm2d(128), nn.ReLU(True),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(True),   # 7 -> 14
        nn.ConvTranspose2d(64, 1, 4, 2, 1, bias=True), nn.Tanh())                               # 14 -> 28
    d = nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2, True),                                     # 28 -> 14
        nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2, True),  # 14 -> 7
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1), nn.Sigmoid())
    return g, d, (1, 28, 28), (NZ,)


def dcgan64(ngf=64, ndf=64, nc=3):
    g = nn.Sequential(
        nn.ConvTranspose2d(NZ, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
        nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 8), nn.LeakyReLU(0.2, True),
        nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False), nn.Sigmoid(), nn.Flatten())
    return g, d, (nc, 64, 64), (NZ, 1, 1)


def xavier(layer, sn):
    """Xavier-uniform weights and zero biases, as gan4j's Resnet; set before spectral_norm replaces the weight."""
    nn.init.xavier_uniform_(layer.weight)
    if layer.bias is not None:
        nn.init.zeros_(layer.bias)
    return spectral_norm(layer) if sn else layer


def conv(cin, cout, kernel, bias=True, sn=False):
    return xavier(nn.Conv2d(cin, cout, kernel, 1, kernel // 2, bias=bias), sn)


class UpBlock(nn.Module):
    """BN-ReLU-upsample-conv3x3-BN-ReLU-conv3x3, shortcut upsample-conv1x1; no bias where BatchNorm follows."""

    def __init__(self, cin, cout):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin)
        self.conv1 = conv(cin, cout, 3, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.conv2 = conv(cout, cout, 3)
        self.sc = conv(cin, cout, 1, bias=False)

    def forward(self, x):
        h = self.conv1(F.interpolate(F.relu(self.bn1(x)), scale_factor=2, mode="nearest"))
        h = self.conv2(F.relu(self.bn2(h)))
        return h + self.sc(F.interpolate(x, scale_factor=2, mode="nearest"))


class OptimizedBlock(nn.Module):
    """D's first block: conv3x3-ReLU-conv3x3-avgpool, shortcut avgpool-conv1x1."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = conv(cin, cout, 3, sn=True)
        self.conv2 = conv(cout, cout, 3, sn=True)
        self.sc = conv(cin, cout, 1, bias=False, sn=True)

    def forward(self, x):
        h = F.avg_pool2d(self.conv2(F.relu(self.conv1(x))), 2)
        return h + self.sc(F.avg_pool2d(x, 2))


class DownBlock(nn.Module):
    """ReLU-conv3x3-ReLU-conv3x3-avgpool, shortcut conv1x1-avgpool."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = conv(cin, cout, 3, sn=True)
        self.conv2 = conv(cout, cout, 3, sn=True)
        self.sc = conv(cin, cout, 1, bias=False, sn=True)

    def forward(self, x):
        h = F.avg_pool2d(self.conv2(F.relu(self.conv1(F.relu(x)))), 2)
        return h + F.avg_pool2d(self.sc(x), 2)


class SumPoolScore(nn.Module):
    """ReLU, global sum pooling, dense to one raw score."""

    def __init__(self, cin):
        super().__init__()
        self.dense = xavier(nn.Linear(cin, 1), sn=True)

    def forward(self, x):
        return self.dense(F.relu(x).sum(dim=(2, 3)))


def resnet32(nz=128, width=64, nc=3):
    g = nn.Sequential(
        xavier(nn.Linear(nz, width * 4 * 4 * 4), sn=False), View(width * 4, 4, 4),
        UpBlock(width * 4, width * 2), UpBlock(width * 2, width), UpBlock(width, width),  # 4 -> 8 -> 16 -> 32
        nn.BatchNorm2d(width), nn.ReLU(), conv(width, nc, 3), nn.Tanh())
    d = nn.Sequential(
        OptimizedBlock(nc, width), DownBlock(width, width * 2), DownBlock(width * 2, width * 4),  # 32 -> 16 -> 8 -> 4
        SumPoolScore(width * 4))
    return g, d, (nc, 32, 32), (nz,)


def init_weights(m):
    if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(m.weight, 0.0, 0.02)
        if m.bias is not None:
            nn.init.zeros_(m.bias)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", choices=["dcgan28", "dcgan64", "resnet-32"], default="dcgan28")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup-seconds", type=float, default=0,
                    help="untimed steps go on until this many seconds have passed too (as gan4j's bench-step)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    b = args.batch
    if args.model == "resnet-32":
        g, d, img, zshape = resnet32()
        betas = (0.0, 0.9)
        real_loss = lambda s: F.relu(1 - s).mean()
        fake_loss = lambda s: F.relu(1 + s).mean()
        generator_loss = lambda s: -s.mean()
    else:
        g, d, img, zshape = dcgan28() if args.model == "dcgan28" else dcgan64()
        g.apply(init_weights)
        d.apply(init_weights)
        betas = (0.5, 0.999)
        bce = nn.BCELoss()
        ones = torch.ones(b, 1)
        zeros = torch.zeros(b, 1)
        real_loss = lambda s: bce(s, ones)
        fake_loss = lambda s: bce(s, zeros)
        generator_loss = real_loss
    g.train()
    d.train()
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=betas)
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=betas)
    real = torch.rand(b, *img) * 2 - 1

    def step():
        z = torch.randn(b, *zshape)
        c0 = time.process_time()
        t0 = time.perf_counter()
        fake = g(z)
        d.zero_grad()
        real_loss(d(real)).backward()
        fake_loss(d(fake.detach())).backward()
        opt_d.step()
        g.zero_grad()
        generator_loss(d(fake)).backward()
        opt_g.step()
        return time.perf_counter() - t0, time.process_time() - c0

    warmup_start = time.perf_counter()
    warmup = 0
    while warmup < args.warmup or time.perf_counter() - warmup_start < args.warmup_seconds:
        step()
        warmup += 1
    times = []
    cpu = []
    for _ in range(args.steps):
        dt, dc = step()
        times.append(dt)
        cpu.append(dc)
    print("steps: " + " ".join("%.3f" % t for t in times))
    print("RESULT %s torch %s threads %d median %.3f s/step min %.3f (n=%d, warmup %d) cpu median %.3f s/step" % (
        args.model, torch.__version__, torch.get_num_threads(), statistics.median(times), min(times),
        len(times), warmup, statistics.median(cpu)))


if __name__ == "__main__":
    main()
