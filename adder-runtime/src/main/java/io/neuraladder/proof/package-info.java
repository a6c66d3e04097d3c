/**
 * The trusted base of "certified": a small, independent checker of the carry certificates that
 * model files carry ({@link io.neuraladder.contract.CertificateFormat}).
 *
 * <p>{@link io.neuraladder.proof.CertificateChecker} is the entry point. It shares no code with the
 * training side's search for certificates, only the contract's constants; it reads nothing from the
 * file that it can compute (successor labels, sum digits: {@code StepLabel}), runs in one pass
 * with no iteration, and rounds every bound outward ({@code Outward}, {@code IntervalStep} for boxes,
 * {@code AffineForm} and {@code Parallelotope} for a cover by pieces). To trust a certified sum,
 * read this package (about 2,000 lines, comments included) and what it assumes, in
 * docs/certification.md.
 */
package io.neuraladder.proof;
