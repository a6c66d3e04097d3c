package io.neuraladder.train;

import io.neuraladder.contract.BitCodec;
import io.neuraladder.contract.ModelContract;
import io.neuraladder.sampling.IntPairs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Converts operand pairs to DL4J's recurrent layout, {@code [batch, features, steps]} (NCW), and
 * reads sums back from network output. The bit encoding itself is {@link BitCodec}'s.
 */
final class SequenceData {

    private SequenceData() {}

    /** Features {@code [n, 2, steps]}: the operands' low {@code steps} bits. */
    private static INDArray features(IntPairs pairs, int steps) {
        int count = pairs.size();
        float[] data = new float[count * ModelContract.INPUT_FEATURES * steps];
        for (int i = 0; i < count; i++) {
            int a = pairs.a()[i];
            int b = pairs.b()[i];
            int base = i * ModelContract.INPUT_FEATURES * steps;
            for (int t = 0; t < steps; t++) {
                data[base + t] = BitCodec.bit(a, t);
                data[base + steps + t] = BitCodec.bit(b, t);
            }
        }
        return Nd4j.create(data, new long[] {count, ModelContract.INPUT_FEATURES, steps}, DataType.FLOAT);
    }

    /** Labels {@code [n, 1, steps]}: the low {@code steps} bits of each wrapped sum. */
    private static INDArray labels(IntPairs pairs, int steps) {
        int count = pairs.size();
        float[] data = new float[count * steps];
        for (int i = 0; i < count; i++) {
            int sum = pairs.a()[i] + pairs.b()[i];
            for (int t = 0; t < steps; t++) {
                data[i * steps + t] = BitCodec.bit(sum, t);
            }
        }
        return Nd4j.create(data, new long[] {count, ModelContract.OUTPUT_FEATURES, steps}, DataType.FLOAT);
    }

    /** The pairs as DL4J training data, truncated to {@code steps} bits. */
    static DataSet dataSet(IntPairs pairs, int steps) {
        return new DataSet(features(pairs, steps), labels(pairs, steps));
    }
}
