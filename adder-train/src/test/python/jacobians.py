#!/usr/bin/python3.11
"""The Jacobian of one step at the fixed point of a repeated bit pair, for adders exported by PyTorch.

For each file and each pair (0,0), (1,1) and (0,1) (the last after a carry), steps the cell 300 times
on the pair from the zero state (after (1,1) for (0,1)), then prints the Jacobian J of one more step
by central differences: its infinity norm (the largest row sum of |J|), its spectral radius, and the
spectral radius of |J|. A box certificate needs the image of a box to fit in a box, which the
infinity norm (in the state's own axes, or rho(|J|) with the boxes' aspect ratios free) decides;
the spectral radius says whether the network forgets at all. Used for docs/import-research.md:

    /usr/bin/python3.11 adder-train/src/test/python/jacobians.py adder-train/src/test/resources/pytorch/*.onnx

With --sampled, instead: the largest spectral radius of the Jacobian of one step, and of two steps,
over every pair at about 1,200 states that random strings reach (two steps: at the first 200). Above
1, no norm, however chosen, makes every step contract there.

With --strings, instead: for strings of K = 1, 2, 3, 4 and 6 random pairs from 300 of those states (6
strings each), the largest spectral radius of the product of the K Jacobians, per pair (its K-th
root), with the worst string of 6; and the slowest cycle of at most 4 pairs, at its own periodic
orbit. A per-pair radius near 1 along some string means the network barely forgets there.
"""

import itertools

import sys

import numpy as np
import onnx
from onnx import numpy_helper


def load(path):
    model = onnx.load(path)
    weights = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    node = [n for n in model.graph.node if n.op_type in ("LSTM", "GRU", "RNN")][0]
    reset_after = [a.i for a in node.attribute if a.name == "linear_before_reset"]
    return (node.op_type, weights[node.input[1]][0].astype(float), weights[node.input[2]][0].astype(float),
            weights[node.input[3]][0].astype(float), bool(reset_after and reset_after[0]))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def step(cell, state, x):
    op, w, r, b, reset_after = cell
    hidden = r.shape[1]
    wb, rb = b[:len(b) // 2], b[len(b) // 2:]
    if op == "LSTM":
        h, c = state[:hidden], state[hidden:]
        pre = w @ x + r @ h + wb + rb
        i, o, f = sigmoid(pre[:hidden]), sigmoid(pre[hidden:2 * hidden]), sigmoid(pre[2 * hidden:3 * hidden])
        c = f * c + i * np.tanh(pre[3 * hidden:])
        return np.concatenate([o * np.tanh(c), c])
    if op == "RNN":
        return np.tanh(w @ x + r @ state + wb + rb)
    h = state
    z = sigmoid(w[:hidden] @ x + r[:hidden] @ h + wb[:hidden] + rb[:hidden])
    reset = sigmoid(w[hidden:2 * hidden] @ x + r[hidden:2 * hidden] @ h + wb[hidden:2 * hidden] + rb[hidden:2 * hidden])
    if reset_after:
        candidate = np.tanh(w[2 * hidden:] @ x + wb[2 * hidden:] + reset * (r[2 * hidden:] @ h + rb[2 * hidden:]))
    else:
        candidate = np.tanh(w[2 * hidden:] @ x + r[2 * hidden:] @ (reset * h) + wb[2 * hidden:] + rb[2 * hidden:])
    return (1 - z) * candidate + z * h


def jacobian(cell, state, x):
    size = len(state)
    result = np.zeros((size, size))
    for k in range(size):
        d = np.zeros(size)
        d[k] = 1e-6
        result[:, k] = (step(cell, state + d, x) - step(cell, state - d, x)) / 2e-6
    return result


def state_size(cell):
    return 2 * cell[2].shape[1] if cell[0] == "LSTM" else cell[2].shape[1]


def reached_states(cell):
    """About 1,200 states that 100 seeded random strings of 40 pairs reach: every third from the sixth pair on."""
    rng = np.random.default_rng(1)
    states = []
    for _ in range(100):
        state = np.zeros(state_size(cell))
        for t in range(40):
            pair = rng.integers(0, 4)
            state = step(cell, state, np.array([pair // 2, pair % 2], float))
            if t >= 5 and t % 3 == 0:
                states.append(state)
    return states


def sampled(path):
    """The largest spectral radius of one step's and two steps' Jacobians at states the network reaches."""
    cell = load(path)
    states = reached_states(cell)
    pairs = [np.array([a, b], float) for a in (0, 1) for b in (0, 1)]
    one = max(max(abs(np.linalg.eigvals(jacobian(cell, s, x)))) for s in states for x in pairs)
    two = max(max(abs(np.linalg.eigvals(jacobian(cell, step(cell, s, x), y) @ jacobian(cell, s, x))))
              for s in states[:200] for x in pairs for y in pairs)
    print("%-34s at %d reached states: max rho(J) one step %.3f, two steps %.3f" % (
        path.split("/")[-1], len(states), one, two))


PAIR_NAMES = ["(0,0)", "(0,1)", "(1,0)", "(1,1)"]


def bits(pair):
    return np.array([pair // 2, pair % 2], float)


def product_radius(cell, state, pairs):
    """The spectral radius of the product of the Jacobians along pairs from state, per pair."""
    product = np.eye(len(state))
    for pair in pairs:
        product = jacobian(cell, state, bits(pair)) @ product
        state = step(cell, state, bits(pair))
    return max(abs(np.linalg.eigvals(product))) ** (1 / len(pairs))


def strings(path):
    cell = load(path)
    states = reached_states(cell)[:300]
    rng = np.random.default_rng(3)
    line = []
    for length in (1, 2, 3, 4, 6):
        found = [(product_radius(cell, s, pairs), pairs) for s in states
                 for pairs in (tuple(rng.integers(0, 4, length)) for _ in range(6))]
        radius, worst = max(found)
        line.append("K=%d %.3f" % (length, radius))
    cycles = []
    for period in range(1, 5):
        for cycle in itertools.product(range(4), repeat=period):
            state = np.zeros(state_size(cell))
            for _ in range(200):
                for pair in cycle:
                    state = step(cell, state, bits(pair))
            cycles.append((product_radius(cell, state, cycle), cycle))
    slowest, cycle = max(cycles)
    print("%-34s largest rho per pair over strings: %s; worst of 6: %s; slowest cycle %s: %.3f" % (
        path.split("/")[-1], ", ".join(line), " ".join(PAIR_NAMES[p] for p in worst),
        " ".join(PAIR_NAMES[p] for p in cycle), slowest))


def main():
    if sys.argv[1] in ("--sampled", "--strings"):
        for path in sys.argv[2:]:
            (sampled if sys.argv[1] == "--sampled" else strings)(path)
        return
    for path in sys.argv[1:]:
        cell = load(path)
        size = 2 * cell[2].shape[1] if cell[0] == "LSTM" else cell[2].shape[1]
        for pair in [(0, 0), (1, 1), (0, 1)]:
            x = np.array(pair, float)
            state = np.zeros(size)
            if pair == (0, 1):
                state = step(cell, state, np.array([1.0, 1.0]))
            for _ in range(300):
                state = step(cell, state, x)
            jacobian = np.zeros((size, size))
            for k in range(size):
                d = np.zeros(size)
                d[k] = 1e-6
                jacobian[:, k] = (step(cell, state + d, x) - step(cell, state - d, x)) / 2e-6
            print("%-34s %s  inf-norm %.3f  rho(J) %.3f  rho(|J|) %.3f" % (path.split("/")[-1], pair,
                  np.abs(jacobian).sum(1).max(), max(abs(np.linalg.eigvals(jacobian))),
                  max(abs(np.linalg.eigvals(np.abs(jacobian))))))


if __name__ == "__main__":
    main()
