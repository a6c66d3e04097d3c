package io.neuraladder.train.explore;

import java.util.List;

/**
 * One product as the explorer shows it: the partial products {@code NeuralMath.multiplyExact} has
 * the adder sum, and every addition of the tree that sums them, each traced step by step inside
 * the adder's certificate regions. This record is the JSON of {@code /api/product}.
 *
 * @param model the adder's name
 * @param a the multiplicand, as read
 * @param b the multiplier, as read
 * @param product the exact product the sums spell, as {@code Math.multiplyExact} returns it
 * @param overflow {@code "integer overflow"} when the product does not fit an int, else {@code null}
 * @param partialProducts the terms, 64-bit, as signed decimal longs
 * @param additions the tree's additions, level by level, each with its trace
 */
record Product(String model, String a, String b, String product, String overflow, List<String> partialProducts,
        List<Addition> additions) {

    /**
     * One addition of the tree: two 64-bit numbers added by the adder as the runtime serves it.
     *
     * @param level the tree's level, from 1
     * @param a the first addend
     * @param b the second addend
     * @param trace the runtime's sum and the steps the cell took to reach it
     */
    record Addition(int level, String a, String b, Trace trace) {}
}
