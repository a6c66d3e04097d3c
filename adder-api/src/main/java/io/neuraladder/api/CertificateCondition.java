package io.neuraladder.api;

/** Which part of a model's carry certificate failed when the runtime refused it. */
public enum CertificateCondition {
    /** The model file has no certificate. */
    MISSING,
    /** The certificate's bytes are not a certificate of a known format version: garbled, truncated, unknown. */
    MALFORMED,
    /** The certificate is for another kind of model (radix, state size) or other margins than the contract's. */
    MISMATCH,
    /** A region claims a sum digit other than the one its label's arithmetic gives. */
    SUM_DIGIT,
    /** A label that the addition reaches has no region. */
    MISSING_REGION,
    /** A first step from the zero state leaves its region's box. */
    START,
    /** A step from a region's box leaves the box of the region that follows. */
    CLOSURE,
    /** Over a region's box the output does not name the region's sum digit by the logit margin. */
    OUTPUT
}
