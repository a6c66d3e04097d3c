package io.neuraladder.train.certify;

import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches for a cover of a binary adder's states by pieces ({@link CertificateFormat#METHOD_PIECES}):
 * small parallelotopes, each labelled with what the addition knows, such that every piece's image
 * through every string of K pairs lies in one piece of the label it reaches, the zero state's
 * images on the first 1 to K pairs lie in pieces, and every piece outputs its label's sum bit. It
 * proves networks that forget their past without contracting a box in every coordinate, which the
 * box certificate cannot (docs/import.md).
 *
 * <p>Worklist: from the zero state's images, every piece is stepped through every string
 * ({@link AffineCellStep}); an image that no piece of its label holds gets a new piece around it,
 * on the orthonormal axes of its linear part (QR, longest first), each radius its image's extent
 * along the axis times {@link Settings#grow} plus {@link Settings#minRadius}. The search closes when
 * every piece has been stepped, and gives up past {@link Settings#maxPieces} (or fewer, where the
 * format's limits or a model file under the runtime's default size allow fewer) or
 * {@link Settings#timeLimit}. Plain double arithmetic: what it finds, the runtime's kernel checks.
 */
public final class PieceCoverSearch {

    private static final Logger log = LoggerFactory.getLogger(PieceCoverSearch.class);

    /**
     * The most bytes a cover may take before compression: in Base64 (4/3 as many) it stays under
     * 12 MB, so that the model file stays under the runtime's default {@code maxModelBytes} (16 MB).
     */
    private static final long MAX_PROOF_BYTES = 9L << 20;

    /** A piece holds an image when the image lies within this fraction of it, in its own coordinates. */
    private static final double HOLD = 0.999;

    /**
     * The search's settings.
     *
     * @param history pairs in a label's window (1 to {@link CertificateFormat#MAX_HISTORY})
     * @param steps pairs in a string between pieces (1 to {@link CertificateFormat#MAX_STEPS})
     * @param minRadius added to every radius of a new piece
     * @param grow a new piece's radii over its image's extent
     * @param maxPieces the most pieces before giving up
     * @param timeLimit the longest search before giving up
     */
    public record Settings(int history, int steps, double minRadius, double grow, int maxPieces, Duration timeLimit) {

        /**
         * History 2, strings of 2 pairs, radii grown by half plus 10^-3, at most 20,000 pieces and
         * 25 s (so that an import, with its other searches, stays within a minute).
         */
        public static Settings defaults() {
            return new Settings(2, 2, 1e-3, 1.5, 20_000, Duration.ofSeconds(25));
        }

        /**
         * These settings with new pieces only 1.05× their images plus 5·10^-3, within {@code timeLimit}:
         * for networks that forget slowly. Along a cycle that keeps a fraction ρ of a change of state
         * per pair, a chain of new pieces grows by {@code grow · ρ^K} per piece, so it must stay below 1.
         */
        public Settings slowlyGrowing(Duration timeLimit) {
            return new Settings(history, steps, 5e-3, 1.05, maxPieces, timeLimit);
        }
    }

    /**
     * What the search found.
     *
     * @param closed whether every piece was stepped and every image held
     * @param pieces the pieces made
     * @param processed the pieces stepped through every string
     * @param worstOutputMargin the smallest lead of a piece's logit over the logit margin
     * @param millis time taken
     * @param failure why it is not closed; {@code null} when closed
     * @param proof the cover in {@link CertificateFormat}, {@code null} when not closed
     * @param settings what it searched with
     */
    public record Result(boolean closed, int pieces, int processed, double worstOutputMargin, long millis,
            String failure, String proof, Settings settings) {

        /** One line for cards and metadata. */
        public String summary() {
            return closed
                    ? String.format(Locale.ROOT, "proved: a cover by %d pieces (history %d, strings of %d pairs), "
                            + "worst output margin %.3f logits, found in %.1f s", pieces, settings.history(),
                            settings.steps(), worstOutputMargin, millis / 1000.0)
                    : "no cover by pieces: " + failure;
        }

        /** The metadata a proved model file carries: this summary and the proof. */
        public Map<MetadataKey, String> metadata() {
            Map<MetadataKey, String> metadata = new EnumMap<>(MetadataKey.class);
            metadata.put(MetadataKey.CERTIFICATE, summary());
            if (closed) {
                metadata.put(MetadataKey.CERTIFICATE_PROOF, proof);
            }
            return metadata;
        }
    }

    /** One piece: {@code {center + shape · u}} of one label, and where each string takes it. */
    private static final class Piece {
        final StepLabel label;
        final float[] center;
        final float[][] shape;
        final double[][] inverse;
        /** The largest extent of the piece along any coordinate: a quick test for holding. */
        final double reach;
        final int[] targets;

        Piece(StepLabel label, float[] center, float[][] shape, int strings) {
            this.label = label;
            this.center = center;
            this.shape = shape;
            this.inverse = Matrices.inverse(shape);
            double widest = 0;
            for (float[] row : shape) {
                double sum = 0;
                for (float v : row) {
                    sum += Math.abs(v);
                }
                widest = Math.max(widest, sum);
            }
            this.reach = widest;
            this.targets = new int[strings];
        }
    }

    private final AffineCellStep step;
    private final Operator operator;
    private final Settings settings;
    private final int n;
    private final int strings;
    private final List<Piece> pieces = new ArrayList<>();
    private final Map<StepLabel, List<Integer>> byLabel = new HashMap<>();
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    private double worstOutputMargin = Double.POSITIVE_INFINITY;
    private String failure;

    private PieceCoverSearch(CellWeights weights, Operator operator, Settings settings) {
        if (weights.radix() != 2) {
            throw new IllegalArgumentException("covers by pieces are for binary adders, not radix " + weights.radix());
        }
        this.step = new AffineCellStep(weights);
        this.operator = operator;
        this.settings = settings;
        this.n = step.stateSize();
        this.strings = 1 << (2 * settings.steps());
    }

    /** Searches for a cover of {@code weights} as a model of {@code operator}. */
    public static Result search(CellWeights weights, Operator operator, Settings settings) {
        return new PieceCoverSearch(weights, operator, settings).run();
    }

    /**
     * Searches with {@code settings}; where that ends without a cover and with at least a second of
     * its time left (a piece left its bit's side, or the cover outgrew its size), searches again in
     * the time left with {@link Settings#slowlyGrowing}. The first proves networks that forget fast
     * with few pieces; the second, a GRU that keeps 0.935 of a change per pair (docs/import.md).
     */
    public static Result searchThenSlowlyGrowing(CellWeights weights, Operator operator, Settings settings) {
        Result first = search(weights, operator, settings);
        Duration left = settings.timeLimit().minusMillis(first.millis());
        if (first.closed() || left.compareTo(Duration.ofSeconds(1)) < 0) {
            return first;
        }
        Result second = search(weights, operator, settings.slowlyGrowing(left));
        if (second.closed()) {
            return new Result(true, second.pieces(), second.processed(), second.worstOutputMargin(),
                    first.millis() + second.millis(), null, second.proof(), second.settings());
        }
        return new Result(false, second.pieces(), second.processed(), second.worstOutputMargin(),
                first.millis() + second.millis(), String.format(Locale.ROOT, "%s; then, with pieces %.2f× their "
                        + "images plus %s: %s", first.failure(), second.settings().grow(),
                        second.settings().minRadius(), second.failure()), null, second.settings());
    }

    private Result run() {
        long start = System.nanoTime();
        long deadline = start + settings.timeLimit().toNanos();
        int[][] starts = new int[settings.steps()][];
        for (int t = 0; t < settings.steps(); t++) {
            starts[t] = new int[1 << (2 * (t + 1))];
        }
        walkFromZero(AffineImage.point(new double[n]), null, 0, 0, starts);
        int processed = 0;
        int mostPieces = (int) Math.min(Math.min(settings.maxPieces(), CertificateFormat.MAX_PIECES),
                Math.min(CertificateFormat.MAX_PIECE_ENTRIES / (n * n), MAX_PROOF_BYTES / bytesPerPiece()));
        while (failure == null && !queue.isEmpty()) {
            if (pieces.size() > mostPieces) {
                failure = String.format(Locale.ROOT, "the cover grew past %,d pieces (%,d stepped)", mostPieces,
                        processed);
            } else if (System.nanoTime() > deadline) {
                failure = String.format(Locale.ROOT, "no closed cover within %d s: %,d pieces made, %,d stepped",
                        settings.timeLimit().toSeconds(), pieces.size(), processed);
            } else {
                Piece piece = pieces.get(queue.poll());
                walkFromPiece(AffineImage.parallelotope(piece.center, piece.shape), piece, piece.label, 0, 0);
                processed++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("piece cover: {} pieces, {} stepped, {} ms{}", pieces.size(), processed, millis,
                failure == null ? "" : ": " + failure);
        if (failure != null) {
            return new Result(false, pieces.size(), processed, worstOutputMargin, millis, failure, null, settings);
        }
        String proof = CertificateEncoder.encodePieces(n, settings.history(), settings.steps(), pieces.stream()
                .map(p -> new CertificateEncoder.EncodedPiece(p.label, p.center, p.shape, p.targets)).toList(), starts);
        return new Result(true, pieces.size(), processed, worstOutputMargin, millis, null, proof, settings);
    }

    /** A piece's bytes in the format: its label (at most 8), digit, center, shape and targets. */
    private long bytesPerPiece() {
        return 10 + 4L * (n + (long) n * n + strings);
    }

    private void walkFromZero(AffineImage form, StepLabel label, int depth, int string, int[][] starts) {
        AffineCellStep.Prepared prepared = step.prepare(form);
        for (int pair = 0; pair < 4 && failure == null; pair++) {
            AffineImage image = step.next(prepared, pair, new AffineImage.Symbols(form.width()))
                    .grown(CertificateFormat.STATE_MARGIN);
            StepLabel reached = label == null ? StepLabel.first(operator, 2, pair) : label.next(pair, settings.history());
            int extended = string * 4 + pair;
            starts[depth][extended] = holderOrNew(reached, image, false);
            if (depth + 1 < settings.steps()) {
                walkFromZero(image.condensed(0), reached, depth + 1, extended, starts);
            }
        }
    }

    private void walkFromPiece(AffineImage form, Piece source, StepLabel label, int depth, int string) {
        AffineCellStep.Prepared prepared = step.prepare(form);
        for (int pair = 0; pair < 4 && failure == null; pair++) {
            AffineImage image = step.next(prepared, pair, new AffineImage.Symbols(form.width()))
                    .grown(CertificateFormat.STATE_MARGIN);
            StepLabel reached = label.next(pair, settings.history());
            int extended = string * 4 + pair;
            if (depth + 1 < settings.steps()) {
                walkFromPiece(image.condensed(n), source, reached, depth + 1, extended);
            } else {
                source.targets[extended] = holderOrNew(reached, image, true);
            }
        }
    }

    private int holderOrNew(StepLabel label, AffineImage image, boolean hasPieceAxes) {
        for (int index : byLabel.computeIfAbsent(label, key -> new ArrayList<>())) {
            if (holds(pieces.get(index), image)) {
                return index;
            }
        }
        return around(label, image, hasPieceAxes);
    }

    private boolean holds(Piece piece, AffineImage image) {
        for (int k = 0; k < n; k++) {
            if (Math.abs(image.center[k] - piece.center[k]) > piece.reach) {
                return false;
            }
        }
        int width = image.width();
        double[] difference = new double[n];
        for (int k = 0; k < n; k++) {
            difference[k] = image.center[k] - piece.center[k];
        }
        double[] column = new double[width];
        for (int i = 0; i < n; i++) {
            double[] t = piece.inverse[i];
            double bound = 0;
            java.util.Arrays.fill(column, 0);
            for (int k = 0; k < n; k++) {
                bound += t[k] * difference[k];
                double[] g = image.generators[k];
                for (int j = 0; j < g.length; j++) {
                    column[j] += t[k] * g[j];
                }
            }
            bound = Math.abs(bound);
            for (int k = 0; k < n; k++) {
                bound += Math.abs(t[k]) * image.error[k];
            }
            for (double c : column) {
                bound += Math.abs(c);
            }
            if (!(bound <= HOLD)) {
                return false;
            }
        }
        return true;
    }

    /** A new piece around {@code image}: on its linear part's axes when it has one, else the coordinates. */
    private int around(StepLabel label, AffineImage image, boolean hasPieceAxes) {
        double[][] axes = hasPieceAxes ? Matrices.orthonormalAxes(image.generators, n) : Matrices.identity(n);
        double[] extent = new double[n];
        int width = image.width();
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int j = 0; j < width; j++) {
                double along = 0;
                for (int i = 0; i < n; i++) {
                    along += axes[i][k] * image.generator(i, j);
                }
                sum += Math.abs(along);
            }
            for (int i = 0; i < n; i++) {
                sum += Math.abs(axes[i][k]) * image.error[i];
            }
            extent[k] = sum;
        }
        Piece piece = piece(label, image, axes, extent, settings.grow(), settings.minRadius());
        double margin = outputMargin(piece);
        if (!(margin > 0)) {
            // A piece that does not outgrow its image may still decide the bit.
            piece = piece(label, image, axes, extent, 1.01, 1e-6);
            margin = outputMargin(piece);
        }
        if (!(margin > 0)) {
            failure = String.format(Locale.ROOT, "a piece of [%s] around states the network reaches leaves the sum "
                    + "bit's side by %.4f logits (a wrong network, or pieces too coarse)", label, -margin);
        }
        worstOutputMargin = Math.min(worstOutputMargin, margin);
        pieces.add(piece);
        byLabel.get(label).add(pieces.size() - 1);
        queue.add(pieces.size() - 1);
        return pieces.size() - 1;
    }

    private Piece piece(StepLabel label, AffineImage image, double[][] axes, double[] extent, double grow,
            double minRadius) {
        float[] center = new float[n];
        float[][] shape = new float[n][n];
        for (int i = 0; i < n; i++) {
            center[i] = (float) image.center[i];
            for (int k = 0; k < n; k++) {
                shape[i][k] = (float) (axes[i][k] * (grow * extent[k] + minRadius));
            }
        }
        return new Piece(label, center, shape, strings);
    }

    /** The piece's logit's least lead over the logit margin on its label's side. */
    private double outputMargin(Piece piece) {
        int hidden = step.hidden();
        double[] center = new double[n];
        for (int i = 0; i < n; i++) {
            center[i] = piece.center[i];
        }
        double logit = step.logit(center);
        double spread = 0;
        for (int k = 0; k < n; k++) {
            double column = 0;
            for (int j = 0; j < hidden; j++) {
                column += step.outputWeight(j) * piece.shape[j][k];
            }
            spread += Math.abs(column);
        }
        double lead = piece.label.sumDigit() == 1 ? logit - spread : -logit - spread;
        return lead - CertificateFormat.LOGIT_MARGIN;
    }
}
