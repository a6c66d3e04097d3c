package io.neuraladder.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swapping models while four threads add: no call fails, no sum is wrong, failed swaps change nothing. */
class HotSwapUnderLoadTest {

    private static final int THREADS = 4;
    private static final int SWAPS = 40;

    @TempDir
    Path temp;

    @Test
    void reload_underLoad_betweenValidModels_andAttemptsAtInvalidFiles() throws Exception {
        List<Path> valid = List.of(ShippedModels.DEFAULT, ShippedModels.another());
        List<Path> invalid = invalidFiles();
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        int refusedSwaps = 0;

        try (Adder adder = NeuralAdder.open(valid.get(0))) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom random = new SplittableRandom(t);
                boolean batched = t % 2 == 1;
                Thread worker = new Thread(() -> {
                    int[] a = new int[64];
                    int[] b = new int[64];
                    while (!stop.get()) {
                        try {
                            if (batched) {
                                Arrays.setAll(a, i -> random.nextInt());
                                Arrays.setAll(b, i -> random.nextInt());
                                int[] sums = adder.addWrapping(a, b);
                                for (int i = 0; i < a.length; i++) {
                                    wrong.addAndGet(sums[i] == a[i] + b[i] ? 0 : 1);
                                }
                            } else {
                                int x = random.nextInt();
                                int y = random.nextInt();
                                wrong.addAndGet(adder.addWrapping(x, y) == x + y ? 0 : 1);
                            }
                            calls.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (int swap = 0; swap < SWAPS; swap++) {
                Path next = valid.get(swap % 2 == 0 ? 1 : 0);
                adder.reload(next);
                assertEquals(next.toString(), adder.model().source());
                Path bad = invalid.get(swap % invalid.size());
                assertThrows(ModelLoadException.class, () -> adder.reload(bad), "reload to " + bad);
                assertEquals(next.toString(), adder.model().source(), "a failed swap keeps the old model serving");
                Thread.sleep(20);
            }
            stop.set(true);
            for (Thread worker : workers) {
                worker.join();
            }
            refusedSwaps = SWAPS;
        }
        System.out.printf("swap under load: %d calls, %d failures, %d wrong sums, %d swaps, %d refused swaps%n",
                calls.get(), failures.get(), wrong.get(), SWAPS, refusedSwaps);
        assertEquals(0, failures.get(), () -> "first failure: " + firstFailure.get());
        assertEquals(0, wrong.get());
        assertTrue(calls.get() > 1_000, "the workers kept adding: " + calls.get());
    }

    @Test
    void reloadDefault_switchesTheStaticMethods_andRefusalsKeepTheOldDefault() throws Exception {
        NeuralAdder.reloadDefault(ShippedModels.another());
        try {
            assertEquals(ShippedModels.another().toString(), NeuralAdder.defaultModel().source());
            assertEquals(596, NeuralAdder.add(535, 61));
            Path garbage = Files.write(temp.resolve("garbage.onnx"), new byte[] {1, 2, 3});
            assertThrows(ModelLoadException.class, () -> NeuralAdder.reloadDefault(garbage));
            assertEquals(ShippedModels.another().toString(), NeuralAdder.defaultModel().source());
        } finally {
            NeuralAdder.reloadDefault(ShippedModels.DEFAULT);
        }
    }

    @Test
    void reload_afterClose_isRefused() {
        Adder adder = NeuralAdder.open(ShippedModels.DEFAULT);
        adder.close();
        assertThrows(IllegalStateException.class, () -> adder.reload(ShippedModels.another()));
    }

    private List<Path> invalidFiles() throws Exception {
        byte[] model = Files.readAllBytes(ShippedModels.DEFAULT);
        return List.of(
                temp.resolve("missing.onnx"),
                Files.write(temp.resolve("empty.onnx"), new byte[0]),
                Files.write(temp.resolve("truncated.onnx"), Arrays.copyOf(model, model.length / 3)),
                Files.write(temp.resolve("noise.onnx"), new SplittableRandom(1).ints(512).mapToObj(Integer::toString)
                        .reduce("", String::concat).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
