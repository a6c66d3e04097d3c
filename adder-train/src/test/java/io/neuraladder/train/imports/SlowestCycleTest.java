package io.neuraladder.train.imports;

import static io.neuraladder.train.imports.PyTorchFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.contract.CellType;
import io.neuraladder.train.CellWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SlowestCycle}: the spectral radius against matrices whose radius is known, the slowest cycle of
 * a one-unit RNN whose answer is known in closed form, and the fixtures that the cards' 0.94 rests on.
 */
class SlowestCycleTest {

    @Test
    void spectralRadius_ofARotationAndOfAJordanBlock_isTheirEigenvaluesModulus() {
        assertEquals(0.9, SlowestCycle.spectralRadius(new double[][] {{0, -0.9}, {0.9, 0}}), 1e-12);
        // ‖J^k‖ overstates 0.5^k by the factor 20k; at k = 1,024 its root is 1% high.
        assertEquals(0.5, SlowestCycle.spectralRadius(new double[][] {{0.5, 10}, {0, 0.5}}), 0.006);
        assertEquals(0, SlowestCycle.spectralRadius(new double[][] {{0, 1}, {0, 0}}));
    }

    @Test
    void cycles_areCountedOnceUpToRotation() {
        assertTrue(SlowestCycle.isLyndonWord(List.of(1, 2, 2, 2)));
        assertFalse(SlowestCycle.isLyndonWord(List.of(2, 1, 2, 2)), "a rotation of (0,1) (1,0) (1,0) (1,0)");
        assertFalse(SlowestCycle.isLyndonWord(List.of(3, 3)), "(1,1) twice");
        assertFalse(SlowestCycle.isLyndonWord(List.of(1, 2, 1, 2)), "(0,1) (1,0) twice");
        assertTrue(SlowestCycle.isLyndonWord(List.of(3)));
    }

    /**
     * h' = tanh(a + b + 0.9 h): on (0,0) the state stays at 0, where the step's derivative is 0.9; every
     * other pair drives tanh into saturation, where it is far smaller.
     */
    @Test
    void aOneUnitRnn_forgetsSlowestOnZeros_atItsRecurrentWeight() {
        CellWeights weights = new CellWeights(CellType.RNN, 1, new double[][] {{1, 1}}, new double[][] {{0.9}},
                new double[] {0}, new double[] {1}, 0);
        SlowestCycle slowest = SlowestCycle.of(weights);
        assertEquals(List.of(0), slowest.pairs());
        assertEquals(0.9, slowest.radiusPerPair(), 1e-8);
        assertEquals("(0,0) repeated", slowest.cycle());
    }

    @Test
    void theFixtures_theSlowestProvedGruBelow094_andAnUnknownLstmNear1() throws IOException {
        assertTrue(slowest("rnn8-noisy") < 0.4);
        assertEquals(0.935, slowest("gru8-noisy"), 0.001);
        assertTrue(slowest("gru8-noisy") < SlowestCycle.PROVED_SO_FAR);
        assertTrue(slowest("lstm16-sigmoid-batch-first") > 0.99);
    }

    private static double slowest(String name) throws IOException {
        ImportedAdder adder = ForeignAdderReader.read(Files.readAllBytes(fixture(name)), name);
        return SlowestCycle.of(adder.weights()).radiusPerPair();
    }
}
