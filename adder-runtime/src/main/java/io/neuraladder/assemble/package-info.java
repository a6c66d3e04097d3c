/**
 * Where the layers meet: a model file, chosen by the builder or by the system configuration
 * ({@link io.neuraladder.assemble.DefaultModels}, the static methods' models, each made once on
 * first use), passes the one load path and becomes an engine of the radix it declares, and that
 * engine the handle users hold ({@link io.neuraladder.assemble.Networks}). Nothing below this
 * package knows which engines exist. Internal: not exported by the module.
 */
package io.neuraladder.assemble;
