#!/usr/bin/env python3
"""The PyTorch twin of Latent Atlas's default net, for `npm run bench -- --vs-pytorch`.

Usage: pytorch-twin.py DIR --threads N --out OUTDIR

DIR holds what main/cli/bench-vs-pytorch.ts wrote: index.json (the net spec, the layers and their
weight files), the train and validation splits (float32, little-endian), the initial weights and
the batch order of every epoch (int32). The twin trains the same net from the same weights on the
same batches with the same Adam and warm-up, and times the steps alone (batch gathering, forward,
backward, reading the loss, update), like the app's training loop does.

After training it times inference as the bench does on our side (median ms of decoding a 16×16 grid
of codes and of encoding 2,000 images, from files the bench wrote). After each epoch (untimed) it writes the training codes, validation codes and validation
reconstructions to OUTDIR/epoch-<e>.{train-codes,val-codes,val-recon}.f32, so that the bench scores
both sides with one metric code (shared/stats.ts), and prints one JSON object on stdout at the end.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch


def load(directory, name, dtype, shape):
    data = np.fromfile(os.path.join(directory, name), dtype=dtype)
    return torch.from_numpy(data.reshape(shape))


def save(path, tensor):
    tensor.detach().numpy().astype("<f4").tofile(path)


class Dense:
    """y = activation(x · kernel + bias), kernel [in, out] as the app stores it."""

    def __init__(self, directory, layer):
        shape = (layer["in"], layer["out"])
        self.kernel = load(directory, layer["kernel"], "<f4", shape).clone().requires_grad_()
        self.bias = load(directory, layer["bias"], "<f4", (layer["out"],)).clone().requires_grad_()
        self.activation = layer["activation"]

    def __call__(self, x):
        y = torch.addmm(self.bias, x, self.kernel)
        if self.activation == "relu":
            return torch.relu(y)
        if self.activation == "sigmoid":
            return torch.sigmoid(y)
        return y


class Twin:
    """The autoencoder of the spec (plain `ae` only: the default)."""

    def __init__(self, directory, index):
        layers = [Dense(directory, layer) for layer in index["layers"]]
        names = [layer["name"] for layer in index["layers"]]
        split = names.index("z_mean") + 1
        self.encoder, self.decoder = layers[:split], layers[split:]
        self.params = [p for layer in layers for p in (layer.kernel, layer.bias)]
        self.align = index["spec"]["loss"]["align"]

    def encode(self, x):
        for layer in self.encoder:
            x = layer(x)
        return x

    def decode(self, z):
        for layer in self.decoder:
            z = layer(z)
        return z

    def loss(self, x, factors):
        """The app's lossOf for an `ae`: MSE (+ align · MSE of the codes to 2·factors − 1)."""
        z = self.encode(x)
        decoded = self.decode(z)
        total = torch.mean((decoded - x) ** 2)
        if self.align > 0:
            total = total + self.align * torch.mean((z - (2 * factors - 1)) ** 2)
        return total, z, decoded


def median_ms(runs, f):
    """Median wall time of f() over `runs` calls, in ms, after three warm-up calls."""
    for _ in range(3):
        f()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f()
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)[len(times) // 2]


def time_inference(twin, directory, index):
    """The bench's inference figures on the trained twin: the same grid and images as ours."""
    files, runs = index["files"], index["inferenceRuns"]
    grid = load(directory, files["inferGrid"], "<f4", (256, 2))
    images = load(directory, files["inferImages"], "<f4", (2000, index["spec"]["image"]["pixels"]))
    with torch.no_grad():
        return {
            "decodeGrid256Ms": median_ms(runs["grid"], lambda: twin.decode(grid).numpy()),
            "encode2000Ms": median_ms(runs["encode"], lambda: twin.encode(images).numpy()),
        }


def blas_libraries():
    """The BLAS libraries this process has mapped (which one torch's generic BLAS resolved to)."""
    found = set()
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for row in maps:
                path = row.split()[-1]
                if "blas" in os.path.basename(path).lower():
                    found.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)  # nothing here is random; set so that nothing could differ between runs

    with open(os.path.join(args.dir, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    spec = index["spec"]
    if spec["kind"] != "ae":
        sys.exit(f"the twin covers the plain autoencoder only, got kind {spec['kind']!r}")
    pixels = spec["image"]["pixels"]
    n_train, n_val = index["trainCount"], index["valCount"]
    epochs, batch, steps = index["epochs"], spec["batch"]["size"], spec["batch"]["stepsPerEpoch"]
    x_train = load(args.dir, index["files"]["trainImages"], "<f4", (n_train, pixels))
    f_train = load(args.dir, index["files"]["trainFactors"], "<f4", (n_train, 2))
    x_val = load(args.dir, index["files"]["valImages"], "<f4", (n_val, pixels))
    f_val = load(args.dir, index["files"]["valFactors"], "<f4", (n_val, 2))
    order = load(args.dir, index["files"]["order"], "<i4", (epochs, n_train)).long()

    twin = Twin(args.dir, index)
    opt = spec["optimizer"]
    adam = torch.optim.Adam(
        twin.params, lr=opt["learningRate"], betas=(opt["beta1"], opt["beta2"]), eps=opt["epsilon"]
    )
    warmup = spec["schedule"]["warmupSteps"]
    os.makedirs(args.out, exist_ok=True)

    step_seconds = 0.0
    global_step = 0
    first_step_loss = None
    per_epoch = []
    for epoch in range(1, epochs + 1):
        loss_sum = 0.0
        for step in range(steps):
            t0 = time.perf_counter()
            rows = order[epoch - 1, step * batch : (step + 1) * batch]
            xb, fb = x_train.index_select(0, rows), f_train.index_select(0, rows)
            for group in adam.param_groups:
                group["lr"] = opt["learningRate"] * min(1.0, (global_step + 1) / warmup)
            adam.zero_grad(set_to_none=True)
            loss, _, _ = twin.loss(xb, fb)
            loss.backward()
            value = loss.item()
            adam.step()
            step_seconds += time.perf_counter() - t0
            if first_step_loss is None:
                first_step_loss = value
            loss_sum += value
            global_step += 1
        with torch.no_grad():
            val_loss, val_codes, val_recon = twin.loss(x_val, f_val)
            train_codes = twin.encode(x_train)
        prefix = os.path.join(args.out, f"epoch-{epoch}")
        save(prefix + ".train-codes.f32", train_codes)
        save(prefix + ".val-codes.f32", val_codes)
        save(prefix + ".val-recon.f32", val_recon)
        per_epoch.append(
            {
                "epoch": epoch,
                "stepSeconds": step_seconds,
                "lossTrain": loss_sum / steps,
                "lossVal": float(val_loss),
            }
        )

    inference = time_inference(twin, args.dir, index)
    samples = global_step * batch
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
                "blas": blas_libraries(),
                "firstStepLoss": first_step_loss,
                "samples": samples,
                "stepSeconds": step_seconds,
                "samplesPerSecond": samples / step_seconds if step_seconds > 0 else 0,
                "epochs": per_epoch,
                "inference": inference,
            }
        )
    )


if __name__ == "__main__":
    main()
