#!/usr/bin/python3.11
"""Feasibility of a stronger certificate: a cover of the reachable states by small parallelotopes
("pieces"), each mapped by every string of K bit pairs into one piece, with affine arithmetic.

A lab measurement in double precision, not a proof: nothing here rounds outward, and the runtime's
kernel does not read its output. It answers one question for docs/import-research.md: do imported networks
that the box certificate leaves UNKNOWN admit such a cover? Usage (on files written by
`adder-train import`, so that the head's threshold is folded into its bias):

    /usr/bin/python3.11 adder-train/src/test/python/piece_cover.py IMPORTED.onnx --history 2 --steps 2

How it works. A piece is {c + G u : |u|_inf <= 1} for one label (the carry into a window of the last
`history` pairs, and those pairs, as the kernel's StepLabel). From the zero state, every string of
1 to K pairs gives a point; each must lie in a piece of its label. Then, for each piece in turn and
each string w of K pairs, the image of the piece is enclosed as an affine form c' + A e (the
piece's own K generators, plus one new generator per coordinate for each nonlinearity's and each
product's error and for the float margin of every step): tanh and sigmoid over an interval [l, u]
are the line of the smaller end slope plus a constant band, products of affine forms keep their
linear terms and bound the rest. The image must lie in a piece of its label: an existing one if it
fits, else a new piece around it (the QR axes of its linear part, radii grown by --grow (5%) and by
--min-radius). The cover is closed when every piece is processed; it proves nothing more than the
box search does unless every piece also outputs its label's digit with margin, which is checked.

Known flaw, kept so that the measurements in docs/import-research.md can be rerun: the bands of different
nonlinearities of one step (a GRU's or LSTM's gates) take the same column indices, so where two
bands meet in a product or a sum they can cancel, and images come out narrower than the truth.
The product's search (io.neuraladder.train.certify.PieceCoverSearch) and the runtime's kernel give
every band a fresh symbol; their figures supersede this program's for GRUs and LSTMs.

Because the strings are K steps long, the wrapping of a rotating image into a parallelotope happens
once per K steps, where the product of K Jacobians has contracted; with K = 1 the pieces of the
LSTMs grow without bound (their rho(|J|) exceeds 1 at fixed points, docs/import-research.md).
"""

import argparse
import time

import numpy as np
import onnx
from onnx import numpy_helper

PAIRS = [(0, 0), (0, 1), (1, 0), (1, 1)]
MARGIN = 1e-4  # the kernel's state margin: ONNX Runtime's float32 error per step


def load(path):
    model = onnx.load(path)
    weights = {t.name: numpy_helper.to_array(t).astype(float) for t in model.graph.initializer}
    node = [n for n in model.graph.node if n.op_type in ("LSTM", "GRU", "RNN")][0]
    reset_after = [a.i for a in node.attribute if a.name == "linear_before_reset"]
    matmul = [n for n in model.graph.node if n.op_type == "MatMul"][0]
    add = [n for n in model.graph.node if n.op_type == "Add"][0]
    return dict(op=node.op_type, w=weights[node.input[1]][0], r=weights[node.input[2]][0],
                b=weights[node.input[3]][0], lbr=bool(reset_after and reset_after[0]),
                head_w=weights[matmul.input[1]].reshape(-1),
                head_b=weights[[i for i in add.input if i in weights][0]].reshape(-1)[0],
                hidden=weights[node.input[2]].shape[2])


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def d_sigmoid(x):
    return sigmoid(x) * (1 - sigmoid(x))


def d_tanh(x):
    return 1 - np.tanh(x) ** 2


def widen(a, columns):
    return np.hstack([a, np.zeros((a.shape[0], columns - a.shape[1]))]) if a.shape[1] < columns else a


class Affine:
    """A vector of affine forms: center c, generators A (one column per noise symbol in [-1, 1])."""

    def __init__(self, c, a):
        self.c, self.a = c, a

    def radius(self):
        return np.abs(self.a).sum(1)

    def linear(self, m, bias):
        return Affine(m @ self.c + bias, m @ self.a)

    def rows(self, lo, hi):
        return Affine(self.c[lo:hi], self.a[lo:hi])

    def unary(self, f, df):
        r = self.radius()
        lo, hi = self.c - r, self.c + r
        slope = np.minimum(df(lo), df(hi))  # f' is unimodal: its minimum over [lo, hi] is at an end
        g_lo, g_hi = f(lo) - slope * lo, f(hi) - slope * hi  # f - slope x is non-decreasing there
        return Affine(slope * self.c + (g_lo + g_hi) / 2,
                      np.hstack([slope[:, None] * self.a, np.diag((g_hi - g_lo) / 2)]))

    def times(self, other):
        columns = max(self.a.shape[1], other.a.shape[1])
        a, b = widen(self.a, columns), widen(other.a, columns)
        return Affine(self.c * other.c, np.hstack([self.c[:, None] * b + other.c[:, None] * a,
                                                   np.diag(self.radius() * other.radius())]))

    def plus(self, other):
        columns = max(self.a.shape[1], other.a.shape[1])
        return Affine(self.c + other.c, widen(self.a, columns) + widen(other.a, columns))

    def one_minus(self):
        return Affine(1 - self.c, -self.a)


def stack(top, bottom):
    columns = max(top.a.shape[1], bottom.a.shape[1])
    return Affine(np.concatenate([top.c, bottom.c]), np.vstack([widen(top.a, columns), widen(bottom.a, columns)]))


def step(cell, state, pair):
    """One step of ONNX's LSTM, GRU (either linear_before_reset) or RNN over an affine state."""
    h_size, w, r, b = cell["hidden"], cell["w"], cell["r"], cell["b"]
    x = np.array(pair, float)
    wb, rb = b[:len(b) // 2], b[len(b) // 2:]
    if cell["op"] == "LSTM":
        h, c = state.rows(0, h_size), state.rows(h_size, 2 * h_size)
        pre = h.linear(r, w @ x + wb + rb)
        i, o, f = (pre.rows(k * h_size, (k + 1) * h_size).unary(sigmoid, d_sigmoid) for k in range(3))
        g = pre.rows(3 * h_size, 4 * h_size).unary(np.tanh, d_tanh)
        c2 = f.times(c).plus(i.times(g))
        return stack(o.times(c2.unary(np.tanh, d_tanh)), c2)
    if cell["op"] == "RNN":
        return state.linear(r, w @ x + wb + rb).unary(np.tanh, d_tanh)
    gate = lambda k: slice(k * h_size, (k + 1) * h_size)
    z = state.linear(r[gate(0)], w[gate(0)] @ x + wb[gate(0)] + rb[gate(0)]).unary(sigmoid, d_sigmoid)
    reset = state.linear(r[gate(1)], w[gate(1)] @ x + wb[gate(1)] + rb[gate(1)]).unary(sigmoid, d_sigmoid)
    if cell["lbr"]:
        inner = reset.times(state.linear(r[gate(2)], rb[gate(2)]))
        candidate = Affine(inner.c + w[gate(2)] @ x + wb[gate(2)], inner.a).unary(np.tanh, d_tanh)
    else:
        candidate = reset.times(state).linear(r[gate(2)], w[gate(2)] @ x + wb[gate(2)] + rb[gate(2)])
        candidate = candidate.unary(np.tanh, d_tanh)
    return z.one_minus().times(candidate).plus(z.times(state))


def carry(state, pair):
    return 1 if pair[0] + pair[1] + state >= 2 else 0


def next_label(label, pair, history):
    state, window = label[0], label[1] + (pair,)
    while len(window) > history:
        state, window = carry(state, window[0]), window[1:]
    return state, window


def sum_digit(label):
    state, window = label
    for pair in window[:-1]:
        state = carry(state, pair)
    return (sum(window[-1]) + state) % 2


class Cover:
    def __init__(self, cell, history, min_radius, grow=1.05):
        self.cell, self.history, self.min_radius, self.grow = cell, history, min_radius, grow
        self.size = 2 * cell["hidden"] if cell["op"] == "LSTM" else cell["hidden"]
        self.pieces, self.by_label = [], {}

    def add(self, label, center, shape):
        self.pieces.append((label, center, shape, np.linalg.inv(shape), np.abs(shape).sum(1).max()))
        ids, centers, reaches = self.by_label.get(label, ([], np.zeros((0, self.size)), np.zeros(0)))
        self.by_label[label] = (ids + [len(self.pieces) - 1], np.vstack([centers, center]), np.append(reaches, self.pieces[-1][4]))
        return len(self.pieces) - 1

    def holding(self, label, image):
        ids, centers, reaches = self.by_label.get(label, ([], np.zeros((0, self.size)), np.zeros(0)))
        near = np.nonzero(np.abs(centers - image.c).max(1) <= reaches)[0]
        for k in near:
            _, center, _, inverse, _ = self.pieces[ids[k]]
            if (np.abs(inverse @ (image.c - center)) + np.abs(inverse @ image.a).sum(1)).max() <= 0.999:
                return ids[k]
        return -1

    def around(self, label, image):
        linear = image.a[:, :self.size]
        norms = np.linalg.norm(linear, axis=0)
        if np.linalg.cond(linear) > 1e8:
            linear = linear + np.eye(self.size) * 1e-9
        axes = np.linalg.qr(linear[:, np.argsort(-norms)])[0]
        radii = np.abs(axes.T @ image.a).sum(1)
        return self.add(label, image.c, axes * (self.grow * radii + self.min_radius))

    def output_margin(self, j):
        label, center, shape, _, _ = self.pieces[j]
        h = self.cell["hidden"]
        logit = self.cell["head_w"] @ center[:h] + self.cell["head_b"]
        spread = np.abs(self.cell["head_w"] @ shape[:h]).sum()
        return (logit if sum_digit(label) == 1 else -logit) - spread


def images(cover, j, steps):
    """Every string of `steps` pairs from piece j: (label reached, affine image)."""
    label, center, shape, _, _ = cover.pieces[j]
    pending = [(Affine(center, shape.copy()), label, 0)]
    while pending:
        form, at, depth = pending.pop()
        if depth == steps:
            yield at, form
            continue
        for pair in PAIRS:
            image = step(cover.cell, form, pair)
            image = Affine(image.c, np.hstack([image.a, np.eye(cover.size) * MARGIN]))
            if depth + 1 < steps:  # keep the piece's own generators; box the rest
                rest = np.abs(image.a[:, cover.size:]).sum(1)
                image = Affine(image.c, np.hstack([image.a[:, :cover.size], np.diag(rest)]))
            pending.append((image, next_label(at, pair, cover.history), depth + 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model")
    parser.add_argument("--history", type=int, default=2)
    parser.add_argument("--steps", type=int, default=2)
    parser.add_argument("--min-radius", type=float, default=1e-3)
    parser.add_argument("--grow", type=float, default=1.05, help="a new piece's radii over its image's")
    parser.add_argument("--budget", type=int, default=40000, help="most pieces")
    parser.add_argument("--seconds", type=float, default=600, help="stop after this long")
    args = parser.parse_args()
    cover = Cover(load(args.model), args.history, args.min_radius, args.grow)
    zero = np.zeros(cover.size)
    queue, starts = [], [(zero, (0, ()), 0)]
    while starts:
        point, label, depth = starts.pop()
        if depth > 0:
            image = Affine(point, np.eye(cover.size) * MARGIN)
            if cover.holding(label, image) < 0:
                queue.append(cover.around(label, image))
        if depth < args.steps:
            for pair in PAIRS:
                starts.append((step(cover.cell, Affine(point, np.zeros((cover.size, 1))), pair).c,
                               next_label(label, pair, args.history), depth + 1))
    started, done, worst = time.time(), 0, np.inf
    while done < len(queue) and len(cover.pieces) <= args.budget and time.time() - started < args.seconds:
        j = queue[done]
        done += 1
        worst = min(worst, cover.output_margin(j))
        for label, image in images(cover, j, args.steps):
            if cover.holding(label, image) < 0:
                queue.append(cover.around(label, image))
    radii = np.array([p[4] for p in cover.pieces])
    closed = done == len(queue)
    print("%s: %s after %.0f s: %d pieces (%d processed), history %d, %d-step strings, worst output margin %.3f"
          " logits, piece radius median %.4f, max %.4f" % (
              args.model.split("/")[-1], "CLOSED" if closed and worst > 1e-3 else "closed, outputs WRONG" if closed
              else "OPEN (stopped)", time.time() - started, len(cover.pieces), done, args.history, args.steps, worst,
              np.median(radii), radii.max()))


if __name__ == "__main__":
    main()
