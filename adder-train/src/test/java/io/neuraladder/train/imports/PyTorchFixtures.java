package io.neuraladder.train.imports;

import java.nio.file.Path;

/**
 * The networks trained and exported by PyTorch 1.13 ({@code src/test/python/train_pytorch_adders.py}),
 * committed so that the tests need no PyTorch.
 */
final class PyTorchFixtures {

    private PyTorchFixtures() {}

    static Path fixture(String name) {
        return Path.of("src/test/resources/pytorch", name + ".onnx");
    }
}
