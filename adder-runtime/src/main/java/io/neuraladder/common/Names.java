package io.neuraladder.common;

/**
 * The names users configure the runtime by (system properties, environment variables) and the
 * files bundled in the jar, in one place below every class that reads or mentions them. The
 * facades publish them as their own constants ({@code NeuralAdder.MODEL_PROPERTY}, …).
 */
public final class Names {

    /** System property naming the default adder's file. */
    public static final String MODEL_PROPERTY = "neuraladder.model";

    /** Environment variable naming the default adder's file, used when the property is not set. */
    public static final String MODEL_ENV = "NEURALADDER_MODEL";

    /** System property pinning the default adder file's SHA-256 (hex). */
    public static final String MODEL_SHA256_PROPERTY = "neuraladder.model.sha256";

    /** System property naming the default models' execution provider. */
    public static final String PROVIDER_PROPERTY = "neuraladder.provider";

    /** System property with the threads ONNX Runtime uses inside one array call of the static methods. */
    public static final String BATCH_THREADS_PROPERTY = "neuraladder.batchThreads";

    /** System property naming the decimal adder's file. */
    public static final String DECIMAL_MODEL_PROPERTY = "neuraladder.decimal.model";

    /** System property naming the default subtractor's file. */
    public static final String SUBTRACT_MODEL_PROPERTY = "neuraladder.subtract.model";

    /** Environment variable naming the default subtractor's file, used when the property is not set. */
    public static final String SUBTRACT_MODEL_ENV = "NEURALADDER_SUBTRACT_MODEL";

    /** System property naming the default decimal subtractor's file. */
    public static final String SUBTRACT_DECIMAL_MODEL_PROPERTY = "neuraladder.subtract.decimal.model";

    /** System property that, set to {@code true}, lets the static methods serve uncertified models. */
    public static final String ALLOW_UNCERTIFIED_PROPERTY = "neuraladder.allowUncertified";

    /** Environment variable with the meaning of {@value #ALLOW_UNCERTIFIED_PROPERTY}; the property wins. */
    public static final String ALLOW_UNCERTIFIED_ENV = "NEURALADDER_ALLOW_UNCERTIFIED";

    /** The bundled binary adder, below {@value #BUNDLED_MODELS}. */
    public static final String BUNDLED_MODEL = "adder-lstm.onnx";

    /** The bundled decimal adder. */
    public static final String BUNDLED_DECIMAL_MODEL = "decimal/adder-decimal.onnx";

    /** The bundled binary subtractor. */
    public static final String BUNDLED_SUBTRACTOR = "subtractor-lstm.onnx";

    /** The bundled decimal subtractor. */
    public static final String BUNDLED_DECIMAL_SUBTRACTOR = "decimal/subtractor-decimal.onnx";

    /** Where the bundled models lie in the jar. */
    public static final String BUNDLED_MODELS = "/io/neuraladder/models/";

    private Names() {}
}
