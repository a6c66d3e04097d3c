#!/usr/bin/python3.11
"""Trains small recurrent adders the way the PyTorch tutorials do and exports them with torch.onnx.export.

The outputs are the fixtures of `adder-train import` (adder-train/src/test/resources/pytorch/): networks
trained by another framework, for the importer to prove exact at every length or refute with a
counterexample. Each is an nn.LSTM, nn.GRU or nn.RNN (one layer, one direction) reading time steps
(a_bit, b_bit), least significant bit first, followed by an nn.Linear head: a linear output trained
with MSE (a bit is 1 above 0.5), or a sigmoid trained with BCE. The "noisy" ones are trained with
Gaussian noise on the state after every step (the cell stepped one step at a time), which makes
their dynamics contract.

Run with Debian's own interpreter and packages (apt-get install python3-torch python3-onnx):

    /usr/bin/python3.11 adder-train/src/test/python/train_pytorch_adders.py \
        --output adder-train/src/test/resources/pytorch

Pass --suite holdout --seed N to train networks of the same recipes with other seeds (the
measurements in docs/experiments.md use seeds the fixtures never saw). Versions used for the
committed fixtures: PyTorch 1.13.1 (Debian 1.13.1+dfsg-4), onnx 1.12.0, Python 3.11, opset 14.
Training is single-threaded and seeded, so a rerun on the same versions writes the same weights.
"""

import argparse
import os

import torch
from torch import nn

OPSET = 14


class Adder(nn.Module):
    """A recurrent cell and a linear head; batch_first and a 2-D (Gemm) head are export variants."""

    def __init__(self, cell, hidden, head, batch_first=False, gemm_head=False, layers=1, bidirectional=False,
                 extra=None):
        super().__init__()
        cells = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}
        self.rnn = cells[cell](2, hidden, num_layers=layers, batch_first=batch_first, bidirectional=bidirectional)
        self.linear = nn.Linear(hidden * (2 if bidirectional else 1), 1)
        self.head = head
        self.gemm_head = gemm_head
        self.extra = extra

    def forward(self, x, state_noise=0.0):
        if state_noise > 0:
            return self.head_of(self.noisy_states(x, state_noise))
        states, _ = self.rnn(x)
        return self.head_of(states)

    def noisy_states(self, x, state_noise):
        """The same cell stepped one step at a time, Gaussian noise added to the state after every step."""
        outputs, state = [], None
        steps = x.shape[1] if self.rnn.batch_first else x.shape[0]
        for t in range(steps):
            step = x[:, t:t + 1] if self.rnn.batch_first else x[t:t + 1]
            out, state = self.rnn(step, state)
            state = tuple(s + state_noise * torch.randn_like(s) for s in state) if isinstance(state, tuple) \
                else state + state_noise * torch.randn_like(state)
            outputs.append(out)
        return torch.cat(outputs, dim=1 if self.rnn.batch_first else 0)

    def head_of(self, states):
        if self.gemm_head:
            shape = states.shape
            out = self.linear(states.reshape(-1, shape[-1])).reshape(shape[0], shape[1], 1)
        else:
            out = self.linear(states)
        if self.extra == "relu":
            out = torch.relu(out)
        return torch.sigmoid(out) if self.head == "sigmoid" else out


def bits(values, width):
    return [[(v >> i) & 1 for i in range(width)] for v in values]


def batch(generator, size, width, operator):
    """Random operands of `width` bits: inputs [width, size, 2] (time-major) and target bits [width, size, 1]."""
    a = torch.randint(0, 2 ** width, (size,), generator=generator).tolist()
    b = torch.randint(0, 2 ** width, (size,), generator=generator).tolist()
    mask = 2 ** width - 1
    results = [(x + y) & mask if operator == "add" else (x - y) & mask for x, y in zip(a, b)]
    inputs = torch.tensor([list(zip(ra, rb)) for ra, rb in zip(bits(a, width), bits(b, width))], dtype=torch.float32)
    targets = torch.tensor(bits(results, width), dtype=torch.float32).unsqueeze(-1)
    return inputs.transpose(0, 1), targets.transpose(0, 1)


def train(model, seed, width, steps, operator, batch_first, state_noise=0.0):
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    schedule = torch.optim.lr_scheduler.StepLR(optimizer, step_size=max(1, steps // 3), gamma=0.3)
    loss_fn = nn.BCELoss() if model.head == "sigmoid" else nn.MSELoss()
    for _ in range(steps):
        x, y = batch(generator, 64, width, operator)
        if batch_first:
            x, y = x.transpose(0, 1), y.transpose(0, 1)
        optimizer.zero_grad()
        loss = loss_fn(model(x, state_noise), y)
        loss.backward()
        optimizer.step()
        schedule.step()
    return loss.item()


def export(model, path, batch_first):
    model.eval()
    example = torch.zeros(3, 5, 2) if not batch_first else torch.zeros(5, 3, 2)
    axes = {0: "batch", 1: "steps"} if batch_first else {0: "steps", 1: "batch"}
    torch.onnx.export(model, example, path, opset_version=OPSET, input_names=["bits"], output_names=["sum"],
                      dynamic_axes={"bits": axes, "sum": axes})


# name: (cell, hidden, head, training width, steps, operator, variant options)
TRAINED = {
    "lstm10-linear": ("lstm", 10, "linear", 24, 3000, "add", {}),
    "lstm8-sigmoid": ("lstm", 8, "sigmoid", 24, 3000, "add", {}),
    "lstm16-sigmoid-batch-first": ("lstm", 16, "sigmoid", 24, 3000, "add", {"batch_first": True}),
    "gru8-sigmoid": ("gru", 8, "sigmoid", 24, 3000, "add", {}),
    "gru6-linear-gemm": ("gru", 6, "linear", 24, 3000, "add", {"gemm_head": True}),
    "rnn8-sigmoid": ("rnn", 8, "sigmoid", 24, 3000, "add", {}),
    "lstm8-subtract": ("lstm", 8, "sigmoid", 24, 3000, "subtract", {}),
    "rnn8-noisy": ("rnn", 8, "sigmoid", 16, 1500, "add", {"state_noise": 0.2}),
    "gru8-noisy": ("gru", 8, "sigmoid", 16, 1500, "add", {"state_noise": 0.2}),
    "lstm8-noisy": ("lstm", 8, "sigmoid", 16, 1500, "add", {"state_noise": 0.2}),
    "lstm4-short": ("lstm", 4, "linear", 3, 600, "add", {}),
    "gru4-short": ("gru", 4, "sigmoid", 4, 800, "add", {}),
}

# Graphs the importer must refuse, naming what it found: exported untrained.
REFUSED = {
    "refuse-two-layers": ("lstm", 4, "sigmoid", {"layers": 2}),
    "refuse-bidirectional": ("lstm", 4, "sigmoid", {"bidirectional": True}),
    "refuse-relu-head": ("lstm", 4, "linear", {"extra": "relu"}),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="folder for the .onnx files")
    parser.add_argument("--suite", choices=["fixtures", "holdout"], default="fixtures")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first network; the others count up")
    args = parser.parse_args()
    torch.set_num_threads(1)
    os.makedirs(args.output, exist_ok=True)
    for index, (name, (cell, hidden, head, width, steps, operator, options)) in enumerate(TRAINED.items()):
        seed = args.seed + index
        torch.manual_seed(seed)
        noise = options.pop("state_noise", 0.0)
        model = Adder(cell, hidden, head, **options)
        loss = train(model, seed, width, steps, operator, options.get("batch_first", False), noise)
        prefix = "" if args.suite == "fixtures" else "holdout-s%d-" % seed
        export(model, os.path.join(args.output, prefix + name + ".onnx"), options.get("batch_first", False))
        print("%-28s seed %3d  %s on %2d-bit strings, final loss %.2e" % (name, seed, operator, width, loss))
    if args.suite == "fixtures":
        for name, (cell, hidden, head, options) in REFUSED.items():
            torch.manual_seed(0)
            export(Adder(cell, hidden, head, **options), os.path.join(args.output, name + ".onnx"), False)
            print("%-28s untrained, for a refusal" % name)


if __name__ == "__main__":
    main()
