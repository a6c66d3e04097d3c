package io.neuraladder.contract;

/**
 * The carry certificate as it travels inside a model file: the constants that the training-side
 * search writes and the runtime's checker reads. No code is shared beyond these constants, so that
 * a bug in the search cannot hide itself in the check.
 *
 * <p>The certificate is stored in the metadata entry {@link MetadataKey#CERTIFICATE_PROOF} as
 * Base64 (RFC 4648, no line breaks) of the DEFLATE-compressed ({@link java.util.zip.Deflater},
 * zlib wrapper) bytes below, written big-endian as by {@link java.io.DataOutputStream}:
 *
 * <pre>
 * int32   magic            {@value #MAGIC_HEX} ("NACF")
 * int32   format version   {@value #VERSION}
 * int32   method           {@value #METHOD_BOXES}: a box of states per carry label
 *                          ({@value #METHOD_PIECES}: a cover by pieces, below)
 * int32   radix            2 (bit-serial) or 10 (decimal digit-serial); must match the model
 * int32   state size n     H for an RNN or GRU, 2H for an LSTM (h, then c)
 * int32   history k        1 to {@value #MAX_HISTORY}: digit pairs in a label's window
 * float64 state margin     must be {@value #STATE_MARGIN}
 * float64 logit margin     must be {@value #LOGIT_MARGIN}
 * int32   region count m   1 to {@value #MAX_REGIONS}
 * m times:
 *   int8    carry in        0 or 1: the carry into the window's first pair
 *   int8    window length L 1 to k; shorter than k only at the start, with carry in 0
 *   L times int16 pair      a · radix + b, oldest first
 *   int16   sum digit       the digit the region outputs (checked, never trusted)
 *   n times float32 low     the box's lower bound of each state component
 *   n times float32 high    the box's upper bound of each state component
 * </pre>
 *
 * and nothing after the last region. A region's label says what the addition knows after a step:
 * the carry into a window of the last pairs, and those pairs. The checker computes from
 * arithmetic, never from the file, which label follows which on each next pair and which sum
 * digit a label's last step has; the claimed sum digit is there so that a certificate that claims
 * the wrong one is refused by name.
 *
 * <p>The proof the checker verifies for method {@value #METHOD_BOXES}, with {@code B(ℓ)} the box of label {@code ℓ}:
 * <ol>
 *   <li>start: the cell's step from the zero state on every first pair {@code p}, grown by the
 *       state margin, lies in {@code B(first(p))};
 *   <li>closure: for every region and every pair {@code p}, the step maps all of {@code B(ℓ)},
 *       grown by the state margin, into {@code B(ℓ·p)};
 *   <li>output: over every box, the output names the label's sum digit by more than the logit
 *       margin (binary: the logit's sign; decimal: the sum digit's logit leads every other's).
 * </ol>
 *
 * <p>Method {@value #METHOD_PIECES}, a cover by pieces, for binary adders: the same fields up to the
 * logit margin, then
 *
 * <pre>
 * int32   steps K          1 to {@value #MAX_STEPS}: the pairs in a string between pieces
 * int32   piece count m    1 to {@value #MAX_PIECES}, with m · n² at most {@value #MAX_PIECE_ENTRIES}
 * m times:
 *   the label, as a region's above (carry in, window length, pairs), and the sum digit
 *   n float32 center       p
 *   n·n float32 shape      G, row-major: the piece is {p + G u : |u_j| ≤ 1}
 *   4^K int32 target       for each string of K pairs (the first pair the most significant
 *                          base-4 digit of its index), the piece its image lies in
 * for t = 1 to K: 4^t int32 start target: the piece holding the state after the string of t pairs
 *                          from the zero state
 * </pre>
 *
 * and nothing after. A piece's label may repeat; the checker computes which label each string
 * reaches. The proof, with {@code P(i)} piece {@code i}'s parallelotope and the step grown by the
 * state margin:
 * <ol>
 *   <li>start: the zero state's image on each string of 1 to K pairs lies in its start target,
 *       whose label is the string's;
 *   <li>closure: for every piece and every string of K pairs, the image of all of {@code P(i)} lies
 *       in the target piece, whose label is {@code i}'s label followed by the string;
 *   <li>output: over every piece, the logit is on its label's sum bit's side by more than the logit
 *       margin.
 * </ol>
 * Every step count {@code t ≥ 1} is {@code t0 + jK} with {@code t0} from 1 to K, so by induction the
 * state after any number of steps lies in a piece of its true label.
 */
public final class CertificateFormat {

    /** The first four bytes of the decompressed certificate, "NACF". */
    public static final int MAGIC = 0x4E414346;

    /** {@link #MAGIC} in hex, for documentation. */
    public static final String MAGIC_HEX = "0x4E414346";

    /** The format version written and read. A checker refuses any other. */
    public static final int VERSION = 1;

    /** Method code: an axis-aligned box over the whole cell state for every label. */
    public static final int METHOD_BOXES = 1;

    /** Method code: a cover of the states by parallelotopes ("pieces"), strings of K pairs between them. */
    public static final int METHOD_PIECES = 2;

    /** The longest string of pairs between pieces (4^K targets per piece). */
    public static final int MAX_STEPS = 3;

    /** The most pieces a cover may hold. */
    public static final int MAX_PIECES = 200_000;

    /** The most shape entries (pieces times n²) a cover may hold: bounds the checker's memory. */
    public static final int MAX_PIECE_ENTRIES = 1 << 23;

    /** The longest label history a certificate may use. */
    public static final int MAX_HISTORY = 3;

    /** The most regions a certificate may hold (bounds the checker's memory and time). */
    public static final int MAX_REGIONS = 50_000;

    /**
     * Added to every step's image: covers ONNX Runtime's float32 error in one step, which was
     * measured about 100 times smaller.
     */
    public static final double STATE_MARGIN = 1e-4;

    /** Demanded of every output beyond the decision boundary: covers float32 error in the output layer. */
    public static final double LOGIT_MARGIN = 1e-3;

    private CertificateFormat() {}
}
