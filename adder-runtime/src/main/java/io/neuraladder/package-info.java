/**
 * The runtime: {@link io.neuraladder.NeuralAdder} adds ints with a learned model through ONNX
 * Runtime, statically with the default model or through an {@link io.neuraladder.api.Adder} opened
 * on any model file. Everything else in this package is internal.
 */
package io.neuraladder;
