#!/usr/bin/python3.11
"""Slow, saturated cell units of LSTM adders exported by PyTorch, and how wide each suffix's states are.

For each file: first, each bit pair repeated from the zero state, and the cell-state component of
largest magnitude after 10, 100, 1,000 and 10,000 steps, with its forget gate and tanh's slope there
(a slope near 0: the output no longer sees it). Then the spread of the states that end in one
suffix of SUFFIX pairs: 20,000 random strings of SUFFIX + 24 pairs from the zero state, the states
after every pair from the SUFFIX-th on grouped by the carry (a subtractor's borrow: a file whose
name contains "subtract", as the fixtures' and holdout's names say) into the suffix and the suffix, and for
each group of at least 20 states the radii along its principal axes (half the range of the
projections); printed are the medians over groups of the five largest radii. Used for
docs/import-research.md:

    /usr/bin/python3.11 adder-train/src/test/python/slow_units.py /tmp/hold/*lstm*.onnx
    /usr/bin/python3.11 adder-train/src/test/python/slow_units.py adder-train/src/test/resources/pytorch/*lstm*.onnx

With --depths first, instead: how fast each network forgets, as the spread of the states sharing a carry in
and a suffix, for suffixes of 2 to 14 pairs (spread_by_depth).
"""

import collections
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jacobians import load, sigmoid  # noqa: E402

SUFFIX = 6


def lstm_steps(cell, states, pairs):
    """One LSTM step for a batch: states (B, 2H), pairs (B, 2) of bits."""
    _, w, r, b, _ = cell
    hidden = r.shape[1]
    h, c = states[:, :hidden], states[:, hidden:]
    pre = pairs @ w.T + h @ r.T + b[:len(b) // 2] + b[len(b) // 2:]
    i, o, f = sigmoid(pre[:, :hidden]), sigmoid(pre[:, hidden:2 * hidden]), sigmoid(pre[:, 2 * hidden:3 * hidden])
    c = f * c + i * np.tanh(pre[:, 3 * hidden:])
    return np.concatenate([o * np.tanh(c), c], axis=1), f


def slowest(cell, name):
    hidden = cell[2].shape[1]
    for pair in [(0, 0), (1, 1), (0, 1), (1, 0)]:
        states = np.zeros((1, 2 * hidden))
        x = np.array([pair], float)
        line = []
        for t in range(1, 10_001):
            states, forget = lstm_steps(cell, states, x)
            if t in (10, 100, 1_000, 10_000):
                c = states[0, hidden:]
                unit = int(np.argmax(np.abs(c)))
                line.append("t=%d c%d=%.2f" % (t, unit + 1, c[unit]))
        slope = 1 - np.tanh(c[unit]) ** 2
        print("%-44s %s  %s  forget %.4f  tanh' %.1e" % (name, pair, "  ".join(line), forget[0, unit], slope))


def state_out(a, b, state, subtract):
    """The carry out of a + b + state, or the borrow out of a - b - state."""
    return (a - b - state < 0).astype(int) if subtract else (a + b + state) // 2


def suffix_spread(cell, name):
    hidden = cell[2].shape[1]
    rng = np.random.default_rng(7)
    strings, length = 20_000, SUFFIX + 24
    pairs = rng.integers(0, 4, size=(strings, length))
    states = np.zeros((strings, 2 * hidden))
    carries = np.zeros((strings, length + 1), int)
    groups = collections.defaultdict(list)
    for t in range(length):
        a, b = pairs[:, t] // 2, pairs[:, t] % 2
        states, _ = lstm_steps(cell, states, np.stack([a, b], axis=1).astype(float))
        carries[:, t + 1] = state_out(a, b, carries[:, t], "subtract" in name)
        if t + 1 >= SUFFIX:
            keys = carries[:, t + 1 - SUFFIX] * 4 ** SUFFIX + (pairs[:, t + 1 - SUFFIX:t + 1] * 4 ** np.arange(
                SUFFIX - 1, -1, -1)).sum(1)
            for key, state in zip(keys, states):
                groups[key].append(state)
    radii = []
    for group in groups.values():
        if len(group) >= 20:
            x = np.array(group)
            centered = x - x.mean(0)
            axes = np.linalg.svd(centered, full_matrices=False)[2]
            projections = centered @ axes.T
            radii.append(np.sort((projections.max(0) - projections.min(0)) / 2)[::-1][:5])
    print("%-44s suffixes of %d pairs: %d groups, median principal radii %s" % (
        name, SUFFIX, len(radii), "  ".join("%.2g" % v for v in np.median(np.array(radii), axis=0))))


def spread_by_depth(cell, name):
    """How fast a network forgets: the spread of the states that share a carry in and a suffix, by its length.

    For each carry (borrow) into the suffix: 64 states that 4,000 seeded random strings of 30 pairs reach
    with that carry, each of 1,500 random suffixes of 2 to 14 pairs applied to all 64, and the quantiles over
    suffixes of the largest half-range of a state component.
    """
    hidden = cell[2].shape[1]
    subtract = "subtract" in name
    rng = np.random.default_rng(5)
    states, carry = np.zeros((4_000, 2 * hidden)), np.zeros(4_000, int)
    for _ in range(30):
        pairs = rng.integers(0, 2, size=(4_000, 2))
        states, _ = lstm_steps(cell, states, pairs.astype(float))
        carry = state_out(pairs[:, 0], pairs[:, 1], carry, subtract)
    for carry_in in (0, 1):
        starts = states[carry == carry_in][:64]
        for depth in range(2, 15, 2):
            suffixes = rng.integers(0, 2, size=(1_500, depth, 2)).astype(float)
            x = np.repeat(starts[None], len(suffixes), axis=0).reshape(-1, 2 * hidden)
            for t in range(depth):
                x, _ = lstm_steps(cell, x, np.repeat(suffixes[:, t], len(starts), axis=0))
            x = x.reshape(len(suffixes), len(starts), 2 * hidden)
            radius = (x.max(1) - x.min(1)).max(1) / 2
            print("%-44s carry %d, suffixes of %2d pairs: largest half-range median %.1e, 90th %.1e, 99th %.1e, max %.1e"
                  % (name, carry_in, depth, *np.quantile(radius, [0.5, 0.9, 0.99, 1.0])))


def main():
    depths = sys.argv[1] == "--depths"
    for path in sys.argv[2:] if depths else sys.argv[1:]:
        cell = load(path)
        if cell[0] != "LSTM":
            print("%s: %s, not an LSTM" % (path, cell[0]))
            continue
        name = path.split("/")[-1]
        if depths:
            spread_by_depth(cell, name)
            continue
        slowest(cell, name)
        suffix_spread(cell, name)


if __name__ == "__main__":
    main()
