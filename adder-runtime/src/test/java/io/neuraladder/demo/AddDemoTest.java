package io.neuraladder.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AddDemoTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AddDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void addsTheNumbersGiven() {
        assertEquals(0, run("535", "61"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("535 + 61 = 596"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAnExpressionWithPlusSigns_andAddsLeftToRight() {
        assertEquals(0, run("1+2 +", "-4"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("1 + 2 = 3") && printed.contains("3 + -4 = -1"), printed);
    }

    @Test
    void reportsOverflow() {
        assertEquals(0, run("2147483647", "1"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("2147483647 + 1 = overflow: integer overflow"),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatIsNotAnInt() {
        assertEquals(2, run("535", "sixty-one"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'sixty-one' is not an int"));
        assertEquals(2, run("2147483648", "1"));
        assertEquals(2, run("7"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
    }
}
