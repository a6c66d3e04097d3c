/**
 * Operand pairs for validating adders: edge values, carry-heavy pairs and uniform pairs
 * ({@link io.neuraladder.sampling.OperandSamples}). Training validates on them; tests and users
 * can check any model with them.
 */
package io.neuraladder.sampling;
