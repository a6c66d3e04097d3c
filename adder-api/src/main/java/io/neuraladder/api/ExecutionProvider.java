package io.neuraladder.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where ONNX Runtime executes a model. */
public enum ExecutionProvider {

    /** The CPU. Always available; the default. */
    CPU,

    /**
     * An NVIDIA GPU through CUDA. Needs the {@code com.microsoft.onnxruntime:onnxruntime_gpu}
     * artifact in place of {@code onnxruntime}, and the CUDA and cuDNN libraries it was built for.
     */
    CUDA,

    /** CUDA when ONNX Runtime has it and a device initialises; otherwise the CPU. */
    AUTO;

    /**
     * Parses a provider name such as {@code cpu}, {@code cuda} or {@code auto}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values if {@code name} is none of them
     */
    public static ExecutionProvider fromName(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown execution provider '" + name
                        + "'; expected one of " + Arrays.stream(values())
                                .map(p -> p.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
