package io.neuraladder.train.certify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.train.CellWeights;
import io.neuraladder.train.ShippedModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the certificate's margin: one LSTM step run by ONNX Runtime (float32) from many states,
 * observed and arbitrary, differs from the certifier's double-precision step by far less than
 * {@link CarryCertifier#STATE_MARGIN}.
 */
class FloatMarginTest {

    private static final int STATES = 4096;

    static List<Path> shippedModels() {
        return ShippedModelFiles.all();
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void oneOnnxRuntimeStep_staysWithinTheStateMargin_ofTheDoubleStep(Path model) throws Exception {
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        CellWeights weights = CellWeights.fromModel(proto, model.toString());
        int hidden = weights.hidden();
        boolean lstm = weights.cell().hasCellState();
        RecurrentCell cell = RecurrentCell.of(weights);
        Random random = new Random(7);

        int radix = weights.radix();
        int inputs = weights.inputs();
        int[][] digits = new int[STATES][2];
        float[] x = new float[STATES * inputs];
        float[] h0 = new float[STATES * hidden];
        float[] c0 = new float[STATES * hidden];
        double[][] state = new double[STATES][cell.stateSize()];
        for (int n = 0; n < STATES; n++) {
            digits[n][0] = random.nextInt(radix);
            digits[n][1] = random.nextInt(radix);
            if (radix == 2) {
                x[2 * n] = digits[n][0];
                x[2 * n + 1] = digits[n][1];
            } else {
                x[n * inputs + digits[n][0]] = 1;
                x[n * inputs + radix + digits[n][1]] = 1;
            }
            if (n % 2 == 0) {
                // An observed state: the cell run from zero on a random prefix.
                for (int t = 0, length = random.nextInt(64); t < length; t++) {
                    cell.step(state[n], random.nextInt(radix), random.nextInt(radix));
                }
            } else {
                // An arbitrary state, corners included.
                for (int j = 0; j < hidden; j++) {
                    state[n][j] = random.nextBoolean() ? Math.signum(random.nextGaussian()) : 2 * random.nextDouble() - 1;
                    if (lstm) {
                        state[n][hidden + j] = 3 * (2 * random.nextDouble() - 1);
                    }
                }
            }
            for (int j = 0; j < state[n].length; j++) {
                state[n][j] = (float) state[n][j];
            }
            for (int j = 0; j < hidden; j++) {
                h0[n * hidden + j] = (float) state[n][j];
                c0[n * hidden + j] = lstm ? (float) state[n][hidden + j] : 0;
            }
        }

        float[][] onnx = OnnxStep.run(proto, STATES, x, h0, lstm ? c0 : null);
        double worst = 0;
        for (int n = 0; n < STATES; n++) {
            cell.step(state[n], digits[n][0], digits[n][1]);
            for (int j = 0; j < hidden; j++) {
                worst = Math.max(worst, Math.abs(onnx[0][n * hidden + j] - state[n][j]));
                if (lstm) {
                    worst = Math.max(worst, Math.abs(onnx[1][n * hidden + j] - state[n][hidden + j]));
                }
            }
        }
        System.out.printf("%s: max |ONNX Runtime float32 step - double step| = %.3g over %d states%n", model, worst,
                STATES);
        assertTrue(worst < CarryCertifier.STATE_MARGIN / 10, "worst difference " + worst);
    }
}
