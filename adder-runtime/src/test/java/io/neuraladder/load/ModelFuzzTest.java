package io.neuraladder.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.neuraladder.NeuralAdder;
import io.neuraladder.ShippedModels;
import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelContractException;
import io.neuraladder.api.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated model files (bit flips, truncations, splices) fed to the loader: every outcome must be a
 * clean refusal or a model that passes the self-test, and the JVM must live. The seed and count
 * are fixed; a longer run: {@code mvn -pl adder-runtime test -Dtest=ModelFuzzTest
 * -Dneuraladder.fuzz.mutations=100000}.
 */
class ModelFuzzTest {

    private static final long SEED = 20261122L;

    @TempDir
    Path temp;

    @Test
    void mutatedModels_areRefusedCleanly_orPassTheSelfTest() throws Exception {
        int mutations = Integer.getInteger("neuraladder.fuzz.mutations", 2_000);
        byte[] original = Files.readAllBytes(ShippedModels.requireDefault());
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        Path file = temp.resolve("mutant.onnx");
        for (int i = 0; i < mutations; i++) {
            byte[] mutant = mutate(original, random);
            Files.write(file, mutant);
            String outcome;
            try (Adder adder = NeuralAdder.open(file)) {
                assertEquals(596, adder.add(535, 61), "a loaded mutant passed the self-test and adds");
                outcome = "loaded (passed the self-test)";
            } catch (ModelLoadException e) {
                outcome = e.getClass().getSimpleName();
                assertTrue(e.getMessage().contains(file.toString()) || e.getMessage().contains("mutant"),
                        "the refusal names the file: " + e.getMessage());
            } catch (RuntimeException e) {
                fail("mutation " + i + " (seed " + SEED + ") escaped as " + e, e);
                return;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.printf("fuzzed %d mutants of %s (seed %d): %s%n", mutations, ShippedModels.DEFAULT, SEED, outcomes);
        assertTrue(outcomes.getOrDefault("ModelContractException", 0) > 0,
                "some mutants must reach, and be refused by, the Java structure check: " + outcomes);
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
            case 1 -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case 2 -> {
                int length = 1 + random.nextInt(64);
                int from = random.nextInt(bytes.length - length);
                int to = random.nextInt(bytes.length - length);
                System.arraycopy(original, from, bytes, to, length);
                return bytes;
            }
            default -> {
                int at = random.nextInt(bytes.length);
                int length = 1 + random.nextInt(Math.min(32, bytes.length - at));
                byte[] spliced = new byte[bytes.length - length + 4];
                System.arraycopy(bytes, 0, spliced, 0, at);
                spliced[at] = (byte) 0xFF;
                spliced[at + 1] = (byte) 0xFF;
                spliced[at + 2] = (byte) 0xFF;
                spliced[at + 3] = (byte) 0x7F;
                System.arraycopy(bytes, at + length, spliced, at + 4, bytes.length - at - length);
                return spliced;
            }
        }
    }
}
