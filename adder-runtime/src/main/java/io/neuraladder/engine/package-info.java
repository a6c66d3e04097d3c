/**
 * Loaded models running in ONNX Runtime: {@link io.neuraladder.engine.OperatorEngine} with its
 * bit-serial and digit-serial implementations, the digit-string engine, hot swapping
 * ({@link io.neuraladder.engine.ReloadableEngine}), the process-wide environment and sessions, and
 * the graphs derived from a checked model's weights (logits for single calls, packed rows for
 * arrays, sum trees for products). Every derived graph passes the self-test before it serves.
 * Internal.
 */
package io.neuraladder.engine;
