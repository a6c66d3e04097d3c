package io.neuraladder.train.explore;

import io.neuraladder.contract.BitCodec;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Two operands of a binary model as the explorer reads them from text: decimal integers with an
 * optional minus sign, computed as {@code int}s (32 steps), {@code long}s (64 steps) or
 * {@code BigInteger}s (as many steps as the runtime's {@code add(BigInteger, BigInteger)} runs).
 *
 * @param a the first operand
 * @param b the second operand
 * @param width how the runtime is asked: as ints, longs or BigIntegers
 * @param bits the steps: 32, 64, or {@link BitCodec#steps(BigInteger, BigInteger)} for BigIntegers
 */
record BinaryOperands(BigInteger a, BigInteger b, Width width, int bits) {

    /** The longest BigInteger trace, in steps: every step is drawn, and a page of 2,000 columns is already long. */
    static final int MAX_BIG_STEPS = 2_000;

    /** The longest operand text read: enough digits for {@link #MAX_BIG_STEPS}, with a sign. */
    static final int MAX_CHARACTERS = 610;

    /** The Java type the runtime is called with. */
    enum Width {
        INT, LONG, BIG;

        /** The name in the API and in JSON: {@code int}, {@code long} or {@code big}. */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads the operands; {@code width} is {@code int}, {@code long}, {@code big}, or {@code auto}
     * (or {@code null}): the narrowest of the three that holds both.
     *
     * @throws BadRequest naming the operand and what is wrong with it
     */
    static BinaryOperands parse(String a, String b, String width) {
        BigInteger x = parse("a", a);
        BigInteger y = parse("b", b);
        String chosen = width == null ? "auto" : width.toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "auto" -> fits(x, Integer.SIZE) && fits(y, Integer.SIZE) ? of(x, y, Width.INT)
                    : fits(x, Long.SIZE) && fits(y, Long.SIZE) ? of(x, y, Width.LONG) : of(x, y, Width.BIG);
            case "int" -> of(require("a", x, Width.INT), require("b", y, Width.INT), Width.INT);
            case "long" -> of(require("a", x, Width.LONG), require("b", y, Width.LONG), Width.LONG);
            case "big" -> of(x, y, Width.BIG);
            default -> throw new BadRequest("width '" + BadRequest.shown(width) + "' is not known; use int (32 steps), "
                    + "long (64 steps), big (a BigInteger's length plus 2) or auto (the narrowest that holds both)");
        };
    }

    private static BinaryOperands of(BigInteger a, BigInteger b, Width width) {
        int bits = switch (width) {
            case INT -> Integer.SIZE;
            case LONG -> Long.SIZE;
            case BIG -> BitCodec.steps(a, b);
        };
        if (bits > MAX_BIG_STEPS) {
            throw new BadRequest(String.format("the explorer traces BigIntegers of up to %,d steps (these need %,d, "
                    + "their length in bits plus 2); NeuralAdder.add(BigInteger, BigInteger) computes any length",
                    MAX_BIG_STEPS, bits));
        }
        return new BinaryOperands(a, b, width, bits);
    }

    private static BigInteger parse(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw new BadRequest("operand " + name + " is missing; expected an integer such as 535 or -7");
        }
        if (text.length() > MAX_CHARACTERS || !text.matches("-?[0-9]+")) {
            throw new BadRequest("operand " + name + " = \"" + BadRequest.shown(text) + "\" is not an integer; "
                    + "expected decimal digits with an optional minus sign, such as 535 or -7, of at most " + MAX_CHARACTERS
                    + " characters");
        }
        return new BigInteger(text);
    }

    private static boolean fits(BigInteger value, int bits) {
        return value.bitLength() < bits;
    }

    private static BigInteger require(String name, BigInteger value, Width width) {
        int bits = width == Width.INT ? Integer.SIZE : Long.SIZE;
        if (!fits(value, bits)) {
            throw new BadRequest("operand " + name + " = " + value + " does not fit in " + (width == Width.INT
                    ? "an int (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + "); choose the width long or big"
                    : "a long (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "); choose the width big"));
        }
        return value;
    }

    /** The first operand's bit at {@code step}, least significant first, in two's complement. */
    int bitOfA(int step) {
        return a.testBit(step) ? 1 : 0;
    }

    /** The second operand's bit at {@code step}. */
    int bitOfB(int step) {
        return b.testBit(step) ? 1 : 0;
    }
}
