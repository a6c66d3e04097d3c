package io.neuraladder.train.explore;

import java.util.Locale;

/**
 * Two operands of a binary model as the explorer reads them from text: decimal integers with an
 * optional minus sign, added as {@code int}s (32 steps) or {@code long}s (64 steps).
 *
 * @param a the first operand
 * @param b the second operand
 * @param bits 32 for an {@code int} add, 64 for a {@code long} add
 */
record BinaryOperands(long a, long b, int bits) {

    /** The longest operand text read: a long has at most 20 characters with its sign. */
    static final int MAX_CHARACTERS = 20;

    /**
     * Reads the operands; {@code width} is {@code int}, {@code long}, or {@code auto} (or
     * {@code null}): {@code int} when both fit in one, else {@code long}.
     *
     * @throws BadRequest naming the operand and what is wrong with it
     */
    static BinaryOperands parse(String a, String b, String width) {
        long x = parse("a", a);
        long y = parse("b", b);
        boolean ints = fitsInt(x) && fitsInt(y);
        String chosen = width == null ? "auto" : width.toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "auto" -> new BinaryOperands(x, y, ints ? Integer.SIZE : Long.SIZE);
            case "long" -> new BinaryOperands(x, y, Long.SIZE);
            case "int" -> {
                requireInt("a", x);
                requireInt("b", y);
                yield new BinaryOperands(x, y, Integer.SIZE);
            }
            default -> throw new BadRequest("width '" + BadRequest.shown(width) + "' is not known; use int (32 steps), "
                    + "long (64 steps) or auto (int when both operands fit in one)");
        };
    }

    private static long parse(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw new BadRequest("operand " + name + " is missing; expected an integer such as 535 or -7");
        }
        if (text.length() > MAX_CHARACTERS || !text.matches("-?[0-9]+")) {
            throw new BadRequest("operand " + name + " = \"" + BadRequest.shown(text) + "\" is not an integer; expected "
                    + "decimal digits with an optional minus sign, such as 535 or -7, from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequest("operand " + name + " = " + text + " is out of range: binary models add ints and longs, "
                    + "from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
    }

    private static boolean fitsInt(long value) {
        return value == (int) value;
    }

    private static void requireInt(String name, long value) {
        if (!fitsInt(value)) {
            throw new BadRequest("operand " + name + " = " + value + " does not fit in an int (" + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE + "); choose the width long");
        }
    }

    /** The operand's digit at {@code step}: its bit, least significant first, in two's complement. */
    static int bit(long value, int step) {
        return (int) (value >>> step) & 1;
    }
}
