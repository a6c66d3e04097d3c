/**
 * The runtime's public API, the only package its module exports besides {@code io.neuraladder.api}:
 * {@link io.neuraladder.NeuralAdder} and {@link io.neuraladder.NeuralMath} (static, on the default
 * models), {@link io.neuraladder.LearnedMath} (the same arithmetic on chosen models) and
 * {@link io.neuraladder.ModelBuilder}, the one builder. What they hand out are the interfaces of
 * {@code io.neuraladder.api}; the packages below do the work, each depending only on those under it:
 *
 * <ol>
 *   <li>{@code assemble}: files chosen by the builder or the system configuration, loaded and put
 *       behind engines and handles (the static methods' default models);</li>
 *   <li>{@code compose}: the exact contracts wired around network calls (overflow, negation,
 *       products, quotients);</li>
 *   <li>{@code engine}: ONNX Runtime sessions and the graphs derived from a checked model, bit- and
 *       digit-serial, with hot swapping;</li>
 *   <li>{@code load}: the one load path (bytes, structure, weights read once, certificate) and the
 *       self-test;</li>
 *   <li>{@code proof}: the kernel that checks certificates;</li>
 *   <li>{@code common}: the names, limits and argument checks they share.</li>
 * </ol>
 */
package io.neuraladder;
