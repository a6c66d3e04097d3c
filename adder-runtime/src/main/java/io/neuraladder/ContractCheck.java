package io.neuraladder;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.ModelContract;
import java.util.Arrays;
import java.util.Map;

/**
 * Checks a loaded session against {@link ModelContract}: one float input and one float output with
 * the contract's names and {@code [steps, batch, features]} shapes, and the required metadata.
 */
final class ContractCheck {

    private static final long SYMBOLIC = -1;

    private ContractCheck() {}

    /** Returns the model's metadata if the session follows the contract; throws otherwise. */
    static Map<String, String> verify(OrtSession session, String source) throws OrtException {
        verifyTensor(source, "input", session.getInputInfo(), ModelContract.INPUT_NAME, ModelContract.INPUT_FEATURES);
        verifyTensor(source, "output", session.getOutputInfo(), ModelContract.OUTPUT_NAME, ModelContract.OUTPUT_FEATURES);
        Map<String, String> metadata = session.getMetadata().getCustomMetadata();
        requireMetadata(source, metadata, MetadataKey.CONTRACT_VERSION, ModelContract.VERSION);
        requireMetadata(source, metadata, MetadataKey.OPERATOR, ModelContract.OPERATOR_ADD);
        return metadata;
    }

    private static void verifyTensor(String source, String role, Map<String, NodeInfo> tensors, String name,
            int features) {
        String expected = role + " '" + name + "' of type FLOAT and shape [" + ModelContract.STEPS_DIMENSION + ", "
                + ModelContract.BATCH_DIMENSION + ", " + features + "]";
        if (tensors.size() != 1 || !tensors.containsKey(name)) {
            throw violation(source, "exactly one " + expected, role + "s " + tensors.keySet());
        }
        if (!(tensors.get(name).getInfo() instanceof TensorInfo info)) {
            throw violation(source, expected, role + " '" + name + "' that is not a tensor: " + tensors.get(name));
        }
        long[] shape = info.getShape();
        boolean shapeMatches = shape.length == ModelContract.TENSOR_RANK
                && shape[0] == SYMBOLIC && shape[1] == SYMBOLIC && shape[2] == features;
        if (info.type != OnnxJavaType.FLOAT || !shapeMatches) {
            throw violation(source, expected, role + " '" + name + "' of type " + info.type + " and shape "
                    + describe(shape));
        }
    }

    private static void requireMetadata(String source, Map<String, String> metadata, MetadataKey key, String value) {
        String found = metadata.get(key.key());
        if (!value.equals(found)) {
            throw violation(source, "metadata " + key.key() + " = " + value + " (" + key.description() + ")",
                    found == null ? "no such metadata entry" : key.key() + " = " + found);
        }
    }

    private static String describe(long[] shape) {
        return Arrays.toString(Arrays.stream(shape).mapToObj(d -> d == SYMBOLIC ? "?" : Long.toString(d)).toArray());
    }

    private static ModelContractException violation(String source, String expected, String found) {
        return new ModelContractException("model " + source + " does not follow the neural-adder model contract "
                + "version " + ModelContract.VERSION + ": expected " + expected + ", found " + found);
    }
}
