/**
 * The model contract shared by training and runtime: tensor names, shapes and bit order
 * ({@link io.neuraladder.contract.ModelContract}), metadata keys
 * ({@link io.neuraladder.contract.MetadataKey}) and the encoding itself
 * ({@link io.neuraladder.contract.BitCodec}).
 */
package io.neuraladder.contract;
