package io.neuraladder.train;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * Runs library code that prints to {@code System.out} (SameDiff's op log) with those lines sent
 * to an SLF4J logger at DEBUG instead, so a CLI's output stays what it prints itself. Only one such
 * run at a time: {@code System.out} is process-wide.
 */
final class StdoutToLog {

    private static final Object LOCK = new Object();

    private StdoutToLog() {}

    static void run(Logger log, Runnable noisy) {
        synchronized (LOCK) {
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                noisy.run();
            } finally {
                System.setOut(original);
                captured.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.debug("{}", line));
            }
        }
    }
}
