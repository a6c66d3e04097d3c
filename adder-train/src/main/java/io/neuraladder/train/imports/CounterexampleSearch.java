package io.neuraladder.train.imports;

import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.RecurrentCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Looks for bit strings on which a binary recurrent model of an operator outputs a wrong bit,
 * computing the cell in double precision ({@link RecurrentCell}): candidates only, each to be
 * replayed through ONNX Runtime before anyone calls it a counterexample.
 *
 * <p>In order: every string of up to {@value #EXHAUSTIVE_BITS} bit pairs (so a wrong bit there is
 * found at its shortest), carry and borrow chains of every length up to {@value #LONGEST_CHAIN},
 * long runs of one pair, of two alternating, or of the network's slowest cycle (up to
 * {@value #LONGEST_RUN} pairs, each length followed by every string of {@value #SUFFIX_BITS} pairs:
 * what an LSTM's slow memory cell counts, and no random string holds),
 * every suffix of {@value #SUFFIX_BITS} pairs after random prefixes (each label of a failed
 * certificate's history window is such a suffix, after states the prefixes reach), and random
 * strings of growing length, uniform and chain-heavy. Seeded, so a search repeats exactly.
 */
public final class CounterexampleSearch {

    /** All strings up to this many bit pairs are tried: 4^10, about 1.4 million steps shared along prefixes. */
    public static final int EXHAUSTIVE_BITS = 10;

    static final int LONGEST_CHAIN = 4096;
    static final int LONGEST_RUN = 16_384;
    static final int SUFFIX_BITS = 4;
    private static final int PREFIXES = 600;
    private static final int[] RANDOM_LENGTHS = {16, 32, 64, 128, 256, 1024};
    private static final int RANDOM_PER_LENGTH = 1500;
    private static final int MAX_CANDIDATES = 16;

    /**
     * A string of bit pairs, least significant first, on which the model's bit at {@code wrongAt}
     * differs from the operator's.
     *
     * @param a the first operand's bits
     * @param b the second operand's bits
     * @param wrongAt the first step whose output bit is wrong; the strings have {@code wrongAt + 1} pairs
     * @param found how the search found it
     */
    public record Candidate(int[] a, int[] b, int wrongAt, String found) {

        /** The number of bit pairs up to and including the wrong one. */
        public int length() {
            return wrongAt + 1;
        }
    }

    private final RecurrentCell cell;
    private final Operator operator;
    private final int stateSize;
    private final List<Candidate> candidates = new ArrayList<>();
    private int shortest = Integer.MAX_VALUE;

    private CounterexampleSearch(CellWeights weights, Operator operator) {
        this.cell = RecurrentCell.of(weights);
        this.operator = operator;
        this.stateSize = cell.stateSize();
    }

    /**
     * The wrong strings found for a model of {@code operator} with {@code weights}, shortest first
     * (at most {@value #MAX_CANDIDATES}); empty if the search found none. {@code slowest} is the
     * network's slowest cycle, whose runs are tried beside those of one and two pairs.
     */
    public static List<Candidate> search(CellWeights weights, Operator operator, SlowestCycle slowest, long seed) {
        CounterexampleSearch search = new CounterexampleSearch(weights, operator);
        search.everyContinuation(new double[search.stateSize], operator.initialState(), new int[EXHAUSTIVE_BITS],
                new int[EXHAUSTIVE_BITS], 0, "every string of up to " + EXHAUSTIVE_BITS + " bit pairs");
        if (search.candidates.isEmpty()) {
            search.chains();
            search.runs(slowest.pairs());
            SplittableRandom random = new SplittableRandom(seed);
            search.suffixesAfterRandomPrefixes(random);
            search.randomStrings(random);
        }
        search.candidates.sort(Comparator.comparingInt(Candidate::wrongAt));
        return List.copyOf(search.candidates.subList(0, Math.min(MAX_CANDIDATES, search.candidates.size())));
    }

    /**
     * Whether the model is right on every string of up to {@code bits} pairs as a model of
     * {@code operator}: the importer's check that a file is not the other operator's.
     */
    public static boolean exactOnAllStrings(CellWeights weights, Operator operator, int bits) {
        CounterexampleSearch search = new CounterexampleSearch(weights, operator);
        search.everyContinuation(new double[search.stateSize], operator.initialState(), new int[bits], new int[bits], 0,
                "every string of up to " + bits + " bit pairs");
        return search.candidates.isEmpty();
    }

    /**
     * Depth first over every continuation of the strings' first {@code depth} pairs (which took the
     * model to {@code state} and the operator to {@code carry}) up to the arrays' length, sharing
     * each prefix's state; stops deeper than a find.
     */
    private void everyContinuation(double[] state, int carry, int[] a, int[] b, int depth, String found) {
        if (depth == a.length || depth >= shortest) {
            return;
        }
        double[] next = new double[stateSize];
        for (int pair = 0; pair < 4; pair++) {
            a[depth] = pair >> 1;
            b[depth] = pair & 1;
            System.arraycopy(state, 0, next, 0, stateSize);
            cell.step(next, a[depth], b[depth]);
            if (cell.digit(next) != operator.output(2, carry, a[depth], b[depth])) {
                record(a, b, depth, found);
            } else {
                everyContinuation(next, operator.next(2, carry, a[depth], b[depth]), a, b, depth + 1, found);
                next = new double[stateSize];
            }
        }
    }

    /**
     * Chains of every length n: a pair that starts a carry (or borrow), n pairs that pass it on (the
     * first operand's bits all 1, all 0 or alternating), and a pair that ends it or starts another;
     * each also with the operands swapped.
     */
    private void chains() {
        int[] start = operator.startingPair(2, 1, 0);
        int[] quiet = operator.quietPair(2, 0, 0);
        for (int n = 1; n <= LONGEST_CHAIN; n = n < 64 ? n + 1 : n * 2) {
            for (int pattern = 0; pattern < 4; pattern++) {
                for (int[] last : new int[][] {quiet, start}) {
                    int[] a = new int[n + 2];
                    int[] b = new int[n + 2];
                    a[0] = start[0];
                    b[0] = start[1];
                    for (int i = 1; i <= n; i++) {
                        a[i] = switch (pattern) {
                            case 0 -> 1;
                            case 1 -> 0;
                            default -> (i + pattern) & 1;
                        };
                        b[i] = operator.propagatingPartner(2, a[i]);
                    }
                    a[n + 1] = last[0];
                    b[n + 1] = last[1];
                    String chain = "a " + operator.stateName() + " chain through " + n + " bits";
                    run(a, b, chain);
                    run(b, a, chain + ", operands swapped");
                }
            }
        }
    }

    /**
     * Runs: a lead pair (which sets the carry or borrow into the run), then a cycle of one or two
     * pairs, or the network's slowest cycle ({@link SlowestCycle}) where it is longer, repeated n
     * times for every n up to 64 and then about 19% more each time up to {@value #LONGEST_RUN}
     * pairs, and after each n every string of {@value #SUFFIX_BITS} pairs; the run's own bits are
     * checked on the way.
     */
    private void runs(List<Integer> slowestCycle) {
        List<List<Integer>> cycles = new ArrayList<>();
        for (int first = 0; first < 4; first++) {
            cycles.add(List.of(first));
            for (int second = first + 1; second < 4; second++) {
                cycles.add(List.of(first, second));
            }
        }
        if (slowestCycle.size() > 2) {
            cycles.add(slowestCycle);
        }
        for (int lead = 0; lead < 4; lead++) {
            for (List<Integer> cycle : cycles) {
                run(lead, cycle);
            }
        }
    }

    private void run(int lead, List<Integer> cycle) {
        int[] a = new int[1 + LONGEST_RUN + SUFFIX_BITS];
        int[] b = new int[a.length];
        double[] state = new double[stateSize];
        int carry = operator.initialState();
        int repetitions = 0;
        int nextCheck = 1;
        String pattern = cycle.stream().map(pair -> "(" + (pair >> 1) + "," + (pair & 1) + ")")
                .collect(Collectors.joining(" "));
        for (int t = 0; t <= LONGEST_RUN && t < shortest; t++) {
            int pair = t == 0 ? lead : cycle.get((t - 1) % cycle.size());
            a[t] = pair >> 1;
            b[t] = pair & 1;
            cell.step(state, a[t], b[t]);
            if (cell.digit(state) != operator.output(2, carry, a[t], b[t])) {
                record(a, b, t, describe(pattern, repetitions, lead));
                return;
            }
            carry = operator.next(2, carry, a[t], b[t]);
            boolean cycleEnds = t > 0 && t % cycle.size() == 0;
            if (cycleEnds && ++repetitions == nextCheck) {
                everyContinuation(state, carry, Arrays.copyOf(a, t + 1 + SUFFIX_BITS),
                        Arrays.copyOf(b, t + 1 + SUFFIX_BITS), t + 1,
                        describe(pattern, repetitions, lead) + ", then every " + SUFFIX_BITS + "-pair string");
                nextCheck = nextCheck < 64 ? nextCheck + 1 : nextCheck + nextCheck / 5;
            }
        }
    }

    private static String describe(String cycle, int repetitions, int lead) {
        return String.format(Locale.ROOT, "%s repeated %d times after (%d,%d)", cycle, repetitions, lead >> 1,
                lead & 1);
    }

    /** Every suffix of {@value #SUFFIX_BITS} pairs after random prefixes of 0 to 64 pairs, uniform or chain-heavy. */
    private void suffixesAfterRandomPrefixes(SplittableRandom random) {
        int suffixes = 1 << (2 * SUFFIX_BITS);
        for (int p = 0; p < PREFIXES; p++) {
            int length = random.nextInt(65);
            int[] a = new int[length + SUFFIX_BITS];
            int[] b = new int[length + SUFFIX_BITS];
            fill(random, a, b, length, p % 2 == 1);
            for (int suffix = 0; suffix < suffixes; suffix++) {
                for (int i = 0; i < SUFFIX_BITS; i++) {
                    a[length + i] = (suffix >> (2 * i + 1)) & 1;
                    b[length + i] = (suffix >> (2 * i)) & 1;
                }
                run(a, b, "a " + SUFFIX_BITS + "-pair suffix after a random " + length + "-pair prefix");
            }
        }
    }

    private void randomStrings(SplittableRandom random) {
        for (int length : RANDOM_LENGTHS) {
            for (int i = 0; i < RANDOM_PER_LENGTH; i++) {
                int[] a = new int[length];
                int[] b = new int[length];
                boolean chainHeavy = i % 2 == 1;
                fill(random, a, b, length, chainHeavy);
                run(a, b, (chainHeavy ? "chain-heavy" : "uniform") + " random " + length + "-pair strings");
            }
        }
    }

    /** Random pairs; chain-heavy ones pass the carry or borrow on three times in four. */
    private void fill(SplittableRandom random, int[] a, int[] b, int length, boolean chainHeavy) {
        for (int i = 0; i < length; i++) {
            a[i] = random.nextInt(2);
            b[i] = chainHeavy && random.nextInt(4) > 0 ? operator.propagatingPartner(2, a[i]) : random.nextInt(2);
        }
    }

    /** Runs the strings from the zero state; records the first wrong bit, if any. */
    private void run(int[] a, int[] b, String found) {
        double[] state = new double[stateSize];
        int carry = operator.initialState();
        for (int t = 0; t < a.length && t < shortest; t++) {
            cell.step(state, a[t], b[t]);
            if (cell.digit(state) != operator.output(2, carry, a[t], b[t])) {
                record(a, b, t, found);
                return;
            }
            carry = operator.next(2, carry, a[t], b[t]);
        }
    }

    private void record(int[] a, int[] b, int wrongAt, String found) {
        candidates.add(new Candidate(Arrays.copyOf(a, wrongAt + 1), Arrays.copyOf(b, wrongAt + 1),
                wrongAt, found));
        shortest = Math.min(shortest, wrongAt + 1);
        if (candidates.size() > 4 * MAX_CANDIDATES) {
            candidates.sort(Comparator.comparingInt(Candidate::wrongAt));
            candidates.subList(MAX_CANDIDATES, candidates.size()).clear();
        }
    }
}
