package io.neuraladder;

import io.neuraladder.api.Adder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A soak run, not a unit test: adds {@code N} pairs one at a time and {@code N} pairs in batches
 * with the bundled model, checking every sum, and prints heap and process RSS as it goes. RSS must
 * stay flat after warm-up. Linux only (reads /proc/self/status).
 *
 * <pre>
 * mvn -q -pl adder-runtime -am test-compile exec:java -Dexec.mainClass=io.neuraladder.SoakRun \
 *     -Dexec.classpathScope=test -Dexec.args="10000000"
 * </pre>
 */
public final class SoakRun {

    private static final int REPORTS = 10;
    private static final int BATCH = 100_000;

    private SoakRun() {}

    /** Entry point; the argument is the number of adds per phase (default 10^7). */
    public static void main(String[] args) throws IOException {
        long adds = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        System.out.printf("%-7s %12s %9s %10s %9s %7s%n", "phase", "adds", "elapsed", "heap used", "RSS", "wrong");
        try (Adder adder = NeuralAdder.builder().bundledModel().build()) {
            single(adder, adds);
            batched(adder, adds);
        }
    }

    private static void single(Adder adder, long adds) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        long wrong = 0;
        long start = System.nanoTime();
        for (long i = 1; i <= adds; i++) {
            int a = random.nextInt();
            int b = random.nextInt();
            wrong += adder.addWrapping(a, b) == a + b ? 0 : 1;
            if (i % (adds / REPORTS) == 0) {
                report("single", i, start, wrong);
            }
        }
    }

    private static void batched(Adder adder, long adds) throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        int[] a = new int[BATCH];
        int[] b = new int[BATCH];
        int[] sums = new int[BATCH];
        long wrong = 0;
        long start = System.nanoTime();
        long step = Math.max(BATCH, adds / REPORTS);
        for (long done = 0; done < adds; ) {
            for (int i = 0; i < BATCH; i++) {
                a[i] = random.nextInt();
                b[i] = random.nextInt();
            }
            adder.addWrapping(a, b, sums);
            for (int i = 0; i < BATCH; i++) {
                wrong += sums[i] == a[i] + b[i] ? 0 : 1;
            }
            done += BATCH;
            if (done % step == 0 || done >= adds) {
                report("batched", done, start, wrong);
            }
        }
    }

    private static void report(String phase, long adds, long startNanos, long wrong) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(Locale.ROOT, "%-7s %12d %8.1fs %8.1f MB %6.1f MB %7d%n", phase, adds,
                (System.nanoTime() - startNanos) / 1e9, heap / 1e6, rssKilobytes() / 1e3, wrong);
    }

    private static long rssKilobytes() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1);
    }
}
