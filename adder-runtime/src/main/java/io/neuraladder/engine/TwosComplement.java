package io.neuraladder.engine;

import java.math.BigInteger;

/** {@code BigInteger}s as two's-complement bits, least significant first, for the engine's tensors. */
final class TwosComplement {

    private TwosComplement() {}

    /** {@code x}'s bits, sign-extended to {@code count} 64-bit words, least significant first. */
    static long[] words(BigInteger x, int count) {
        byte[] bigEndian = x.toByteArray();
        int signFill = x.signum() < 0 ? 0xFF : 0;
        long[] words = new long[count];
        for (int i = 0; i < count * Long.BYTES; i++) {
            int from = bigEndian.length - 1 - i;
            long octet = from >= 0 ? bigEndian[from] & 0xFF : signFill;
            words[i / Long.BYTES] |= octet << (i % Long.BYTES * Byte.SIZE);
        }
        return words;
    }

    /** Words enough for {@code bits} bits. */
    static int wordsFor(int bits) {
        return (bits + Long.SIZE - 1) / Long.SIZE;
    }

    /**
     * The {@code bits}-bit two's-complement numbers in the first {@code count} columns of
     * {@code table}, a row per bit (least significant first) of {@code stride} entries, a bit set
     * where its entry is above {@code threshold}: read row by row, as the table lies in memory.
     */
    static BigInteger[] columns(float[] table, int bits, int stride, int count, float threshold) {
        long[][] words = new long[count][wordsFor(bits)];
        for (int t = 0; t < bits; t++) {
            int row = t * stride;
            for (int n = 0; n < count; n++) {
                long bit = table[row + n] > threshold ? 1L : 0L;
                words[n][t / Long.SIZE] |= bit << t;
            }
        }
        BigInteger[] numbers = new BigInteger[count];
        for (int n = 0; n < count; n++) {
            numbers[n] = of(words[n], bits);
        }
        return numbers;
    }

    /** The {@code bits}-bit two's-complement number in {@code words}, least significant first; bits above are ignored. */
    static BigInteger of(long[] words, int bits) {
        int top = (bits - 1) / Long.SIZE;
        byte[] bigEndian = new byte[(top + 1) * Long.BYTES];
        for (int w = 0; w <= top; w++) {
            long word = w < top ? words[w] : signExtended(words[w], (bits - 1) % Long.SIZE + 1);
            for (int n = 0; n < Long.BYTES; n++) {
                bigEndian[bigEndian.length - 1 - (w * Long.BYTES + n)] = (byte) (word >>> (Byte.SIZE * n));
            }
        }
        return new BigInteger(bigEndian);
    }

    /** {@code value}'s low {@code bits} bits ({@code 1 ≤ bits ≤ 64}) read as a two's-complement number. */
    static long signExtended(long value, int bits) {
        return value << (Long.SIZE - bits) >> (Long.SIZE - bits);
    }
}
