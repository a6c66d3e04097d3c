package io.neuraladder.engine;

import java.math.BigInteger;
import java.util.function.IntPredicate;

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

    /** The number whose two's-complement bits are {@code littleEndian}, its top bit the sign. */
    static BigInteger of(byte[] littleEndian) {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[littleEndian.length - 1 - i] = littleEndian[i];
        }
        return new BigInteger(bigEndian);
    }

    /** The {@code bits}-bit two's-complement number whose bit {@code t} is {@code set.test(t)}, the top one its sign. */
    static BigInteger read(int bits, IntPredicate set) {
        byte[] littleEndian = new byte[(bits + Byte.SIZE - 1) / Byte.SIZE];
        for (int t = 0; t < littleEndian.length * Byte.SIZE; t++) {
            if (set.test(Math.min(t, bits - 1))) {
                littleEndian[t / Byte.SIZE] |= (byte) (1 << (t % Byte.SIZE));
            }
        }
        return of(littleEndian);
    }

    /** {@code value}'s low {@code bits} bits ({@code 1 ≤ bits ≤ 64}) read as a two's-complement number. */
    static long signExtended(long value, int bits) {
        return value << (Long.SIZE - bits) >> (Long.SIZE - bits);
    }
}
