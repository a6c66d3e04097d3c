/**
 * The public face of neural-adder: {@link io.neuraladder.api.Adder}, the type every learned adder
 * implements, and {@link io.neuraladder.api.ModelInfo}, what a model says about itself.
 *
 * <p>Obtain an adder from the runtime module ({@code io.neuraladder.NeuralAdder}).
 */
package io.neuraladder.api;
