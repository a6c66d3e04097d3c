/**
 * The one load path every served model passes ({@link io.neuraladder.load.ModelLoad}): the bytes
 * read and pinned ({@link io.neuraladder.load.ModelSource}), the structure checked in Java before
 * native code sees them ({@link io.neuraladder.load.StructureCheck}), the weights read once
 * ({@link io.neuraladder.load.ModelWeights}), the certificate checked by the kernel as a model of the
 * operator asked for, and the self-test every engine runs before it serves
 * ({@link io.neuraladder.load.SelfTest}). Nothing here runs ONNX Runtime. Internal.
 */
package io.neuraladder.load;
