package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.assemble.DefaultModels;
import io.neuraladder.properties.AddExactProperty;
import io.neuraladder.sampling.IntPairs;
import io.neuraladder.sampling.OperandSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adders opened on model files: loading, refusals, lifecycle and concurrency. */
class OpenedAdderTest {

    @TempDir
    Path temp;

    @Test
    void open_shippedModelFile_addsLikeMathAddExact() {
        try (Adder adder = NeuralAdder.open(ShippedModels.requireDefault())) {
            assertEquals(-4, adder.add(-7, 3));
            AddExactProperty.assertHolds("the shipped model file", adder::add, AddExactProperty.DEFAULT_SAMPLES);
            assertTrue(adder.model().source().endsWith(NeuralAdder.BUNDLED_MODEL));
        }
    }

    @Test
    void close_isIdempotent_andLaterCallsThrowIllegalState() {
        Adder adder = NeuralAdder.open(ShippedModels.requireDefault());
        adder.close();
        adder.close();
        var error = assertThrows(IllegalStateException.class, () -> adder.add(1, 2));
        assertTrue(error.getMessage().contains("is closed"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> adder.addWrapping(1, 2));
        assertThrows(IllegalStateException.class, adder::model);
    }

    @Test
    void concurrentCalls_fromFourThreads_areAllExact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Adder adder = NeuralAdder.open(ShippedModels.requireDefault())) {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                IntPairs pairs = OperandSamples.mixed(new SplittableRandom(thread), 2_000);
                wrong.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int i = 0; i < pairs.size(); i++) {
                        mismatches += adder.addWrapping(pairs.a()[i], pairs.b()[i]) == pairs.a()[i] + pairs.b()[i] ? 0 : 1;
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> result : wrong) {
                assertEquals(0, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void close_whileOtherThreadsAdd_letsCallsFinishOrFailCleanly() throws Exception {
        Adder adder = NeuralAdder.open(ShippedModels.requireDefault());
        AtomicBoolean wrongSum = new AtomicBoolean();
        AtomicLong refused = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int thread = 0; thread < 4; thread++) {
                Random random = new Random(thread);
                pool.submit(() -> {
                    while (true) {
                        int a = random.nextInt();
                        int b = random.nextInt();
                        try {
                            wrongSum.compareAndSet(false, adder.addWrapping(a, b) != a + b);
                            done.incrementAndGet();
                        } catch (IllegalStateException closed) {
                            refused.incrementAndGet();
                            return;
                        }
                    }
                });
            }
            while (done.get() < 1_000) {
                Thread.onSpinWait();
            }
            adder.close();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "the adding threads stop after close");
        }
        assertEquals(4, refused.get(), "every thread sees the close as IllegalStateException");
        assertFalse(wrongSum.get(), "no call returned a wrong sum");
    }

    @Test
    void open_missingFile_isRefusedNamingThePath() {
        Path missing = temp.resolve("no-such-model.onnx");
        var error = assertThrows(ModelLoadException.class, () -> NeuralAdder.open(missing));
        assertTrue(error.getMessage().contains(missing.toString()) && error.getMessage().contains("does not exist"),
                error.getMessage());
    }

    @Test
    void open_emptyFile_isRefused() throws Exception {
        Path empty = Files.createFile(temp.resolve("empty.onnx"));
        var error = assertThrows(ModelLoadException.class, () -> NeuralAdder.open(empty));
        assertTrue(error.getMessage().contains("is empty"), error.getMessage());
    }

    @Test
    void open_directory_isRefused() {
        var error = assertThrows(ModelLoadException.class, () -> NeuralAdder.open(temp));
        assertTrue(error.getMessage().contains("is a directory"), error.getMessage());
    }

    @Test
    void open_randomBytes_isRefusedByTheParser_andTheJvmLivesOn() throws Exception {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Path garbage = Files.write(temp.resolve("garbage.onnx"), noise);
        var error = assertThrows(ModelLoadException.class, () -> NeuralAdder.open(garbage));
        assertTrue(error.getMessage().contains("is not a valid ONNX file"), error.getMessage());
        assertEquals(596, NeuralAdder.add(535, 61));
    }

    @Test
    void open_theMutantThatAbortedOnnxRuntime_isRefusedBeforeNativeCodeSeesIt() throws Exception {
        // Found by ModelFuzzTest's longer run: one flipped bit turns the LSTM's W input into its node
        // name, and ONNX Runtime 1.26 then calls std::terminate, killing the JVM.
        Path mutant = Path.of(getClass().getResource("/fuzz/lstm-missing-w-aborts-ort-1.26.onnx").toURI());
        var error = assertThrows(ModelContractException.class, () -> NeuralAdder.open(mutant));
        assertTrue(error.getMessage().contains("expected LSTM with 4 inputs"), error.getMessage());
    }

    @Test
    void open_truncatedModel_isRefused() throws Exception {
        byte[] model = Files.readAllBytes(ShippedModels.requireDefault());
        Path truncated = Files.write(temp.resolve("truncated.onnx"), Arrays.copyOf(model, model.length / 2));
        assertThrows(ModelLoadException.class, () -> NeuralAdder.open(truncated));
    }

    @Test
    void builder_refusesFilesOverTheSizeLimit() {
        var error = assertThrows(ModelLoadException.class,
                () -> NeuralAdder.builder().model(ShippedModels.requireDefault()).maxModelBytes(100).build());
        assertTrue(error.getMessage().contains("over the limit of 100 bytes"), error.getMessage());
    }

    @Test
    void builder_refusesNonsenseOptions() {
        assertThrows(IllegalArgumentException.class, () -> NeuralAdder.builder().intraOpThreads(0));
        assertThrows(IllegalArgumentException.class, () -> NeuralAdder.builder().maxModelBytes(0));
        assertThrows(NullPointerException.class, () -> NeuralAdder.builder().model(null));
    }

    @Test
    void builder_withTwoIntraOpThreads_addsExactly() {
        try (Adder adder = NeuralAdder.builder().bundledModel().intraOpThreads(2).build()) {
            AddExactProperty.assertHolds("the bundled model on 2 threads", adder::add, 2_000);
        }
    }

    @Test
    void systemProperty_choosesTheModelFile() {
        String previous = System.getProperty(NeuralAdder.MODEL_PROPERTY);
        System.setProperty(NeuralAdder.MODEL_PROPERTY, ShippedModels.requireDefault().toString());
        try (Adder adder = DefaultModels.configuredAdder()) {
            assertEquals(ShippedModels.DEFAULT.toString(), adder.model().source());
        } finally {
            if (previous == null) {
                System.clearProperty(NeuralAdder.MODEL_PROPERTY);
            } else {
                System.setProperty(NeuralAdder.MODEL_PROPERTY, previous);
            }
        }
    }
}
