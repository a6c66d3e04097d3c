package io.neuraladder.load;

import io.neuraladder.api.ExecutionProvider;

/**
 * How to load a model and run it.
 *
 * @param provider where ONNX Runtime runs
 * @param intraOpThreads threads inside one run of a single pair
 * @param batchThreads threads inside one run of an array's chunk
 * @param selfTest whether the engine self-tests
 * @param allowUncertified whether a model whose certificate is missing or fails may serve
 */
public record LoadOptions(ExecutionProvider provider, int intraOpThreads, int batchThreads, boolean selfTest,
        boolean allowUncertified) {}
