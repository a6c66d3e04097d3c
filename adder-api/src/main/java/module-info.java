/**
 * neural-adder's public types and model contract, shared by training and the runtime: what users
 * hold and catch ({@code io.neuraladder.api}), what a model file must be and what each operator's
 * step is ({@code io.neuraladder.contract}), and the operand samples that exercise carries and
 * borrows ({@code io.neuraladder.sampling}). No dependencies beyond the JDK.
 */
module io.neuraladder.api {
    exports io.neuraladder.api;
    exports io.neuraladder.contract;
    exports io.neuraladder.sampling;
}
