package io.neuraladder.api;

/** The shape of a carry certificate's proof ({@link io.neuraladder.contract.CertificateFormat}'s method). */
public enum CertificateMethod {
    /** A box of cell states per carry label, closed under every digit pair. */
    BOXES,
    /** A cover of the cell states by parallelotopes ("pieces"), closed under every string of a few bit pairs. */
    PIECES
}
