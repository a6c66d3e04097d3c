package io.neuraladder.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SameDiff plumbing the learners share: a graph unrolled over the training steps, with one
 * feature placeholder per input and noise array and one label placeholder per step, fed in the
 * order they were declared; the state noise drawn from its own seeded source; and outputs read
 * back for the parity tests.
 */
public final class UnrolledGraph {

    private static final Logger log = LoggerFactory.getLogger(UnrolledGraph.class);

    private final SameDiff sd = SameDiff.create();
    private final List<String> features = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Random noiseSource;

    /** A graph whose state noise is drawn from a source derived from {@code seed}. */
    public UnrolledGraph(long seed) {
        this.noiseSource = new Random(seed ^ 0x9E37_79B9_7F4A_7C15L);
    }

    /** The graph, for declaring variables and operations. */
    public SameDiff sameDiff() {
        return sd;
    }

    /** Declares the next feature placeholder, {@code [batch, width]}. */
    public SDVariable feature(String name, int width) {
        features.add(name);
        return sd.placeHolder(name, DataType.FLOAT, -1, width);
    }

    /** Declares the next label placeholder, {@code [batch, width]}. */
    public SDVariable label(String name, int width) {
        labels.add(name);
        return sd.placeHolder(name, DataType.FLOAT, -1, width);
    }

    /** The name of step {@code t}'s output, which the caller gives its probabilities. */
    public static String output(int t) {
        return "p" + t;
    }

    /**
     * Minimizes {@code loss} with Adam at {@code learningRate}. The gradient graph is built here,
     * as the first {@code fit} would build it; SameDiff prints a line per differentiated op to
     * {@code System.out} while it does, which goes to this class's SLF4J logger at DEBUG instead.
     */
    public void minimize(SDVariable loss, double learningRate) {
        sd.setLossVariables(loss.rename("loss"));
        sd.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping(features)
                .dataSetLabelMapping(labels)
                .build());
        StdoutToLog.run(log, sd::createGradFunction);
    }

    /** One optimizer step on these features and labels, in declaration order. */
    public void fit(INDArray[] featureValues, INDArray[] labelValues) {
        sd.fit(new MultiDataSet(featureValues, labelValues));
    }

    /** The outputs of the first {@code steps} steps for these features, each flattened row-major. */
    public float[][] outputs(INDArray[] featureValues, int steps) {
        String[] names = new String[steps];
        for (int t = 0; t < steps; t++) {
            names[t] = output(t);
        }
        Map<String, INDArray> result = sd.output(placeholders(featureValues), names);
        float[][] outputs = new float[steps][];
        for (int t = 0; t < steps; t++) {
            outputs[t] = result.get(output(t)).dup('c').data().asFloat();
        }
        return outputs;
    }

    /** The variable {@code name} computed for these features, flattened row-major. */
    public float[] evaluate(INDArray[] featureValues, String name) {
        return sd.output(placeholders(featureValues), name).get(name).dup('c').data().asFloat();
    }

    private Map<String, INDArray> placeholders(INDArray[] featureValues) {
        Map<String, INDArray> placeholders = new HashMap<>();
        for (int k = 0; k < featureValues.length; k++) {
            placeholders.put(features.get(k), featureValues[k]);
        }
        return placeholders;
    }

    /** A {@code rows × columns} array of Gaussian noise with standard deviation {@code sigma} (zeros for 0). */
    public INDArray gaussian(double sigma, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int k = 0; sigma > 0 && k < values.length; k++) {
            values[k] = (float) (noiseSource.nextGaussian() * sigma);
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }
}
