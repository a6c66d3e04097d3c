package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.neuraladder.api.Adder;
import io.neuraladder.api.ExecutionProvider;
import io.neuraladder.api.ProviderUnavailableException;
import io.neuraladder.properties.AddExactProperty;
import org.junit.jupiter.api.Test;

class ExecutionProviderTest {

    private static boolean cudaBuiltIn() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }

    @Test
    void fromName_acceptsAnyCase_andListsChoicesOnError() {
        assertEquals(ExecutionProvider.CUDA, ExecutionProvider.fromName(" Cuda "));
        var error = assertThrows(IllegalArgumentException.class, () -> ExecutionProvider.fromName("tpu"));
        assertEquals("unknown execution provider 'tpu'; expected one of cpu, cuda, auto", error.getMessage());
    }

    @Test
    void cuda_onABuildWithoutCuda_failsNamingTheFix() {
        assumeFalse(cudaBuiltIn(), "this ONNX Runtime build has CUDA");
        var error = assertThrows(ProviderUnavailableException.class,
                () -> NeuralAdder.builder().provider(ExecutionProvider.CUDA).build());
        assertTrue(error.getMessage().contains("onnxruntime_gpu") && error.getMessage().contains("cuDNN"),
                error.getMessage());
    }

    @Test
    void auto_addsExactly_onWhateverProviderIsHere() {
        try (Adder adder = NeuralAdder.builder().provider(ExecutionProvider.AUTO).build()) {
            AddExactProperty.assertHolds("the bundled model on provider auto", adder::add, 2_000);
        }
    }

    @Test
    void cuda_addsExactly_whereAGpuIsAvailable() {
        assumeTrue(cudaBuiltIn(), "needs the onnxruntime_gpu artifact and a CUDA device");
        try (Adder adder = NeuralAdder.builder().provider(ExecutionProvider.CUDA).build()) {
            AddExactProperty.assertHolds("the bundled model on CUDA", adder::add, AddExactProperty.DEFAULT_SAMPLES);
        }
    }
}
