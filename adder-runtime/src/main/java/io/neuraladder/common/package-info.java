/**
 * What several layers of the runtime share, at the bottom so that no import runs back up: the
 * configuration names and bundled files ({@link io.neuraladder.common.Names}), the size limits
 * ({@link io.neuraladder.common.Limits}) and the argument checks ({@link io.neuraladder.common.Checks},
 * {@link io.neuraladder.common.DigitOperands}). Internal: not exported by the module.
 */
package io.neuraladder.common;
