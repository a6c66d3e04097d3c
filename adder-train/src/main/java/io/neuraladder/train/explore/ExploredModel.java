package io.neuraladder.train.explore;

import io.neuraladder.ModelBuilder;
import io.neuraladder.NeuralAdder;
import io.neuraladder.NeuralMath;
import io.neuraladder.api.CertificateCheck;
import io.neuraladder.api.ModelCertificateException;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.contract.CertificateFormat;
import io.neuraladder.contract.MetadataKey;
import io.neuraladder.contract.Operator;
import io.neuraladder.train.CellWeights;
import io.neuraladder.train.certify.CertificateRegions;
import io.neuraladder.train.certify.EmbeddedCertificate;
import io.neuraladder.train.certify.RecurrentCell;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import onnx.Onnx.ModelProto;
import onnx.Onnx.StringStringEntryProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model the explorer shows, an adder or a subtractor: served by the runtime, as applications
 * see it (its results, its
 * refusals, its certificate checked at load), and read by this module for the states the page
 * draws ({@link StepTracer}). A model whose certificate is missing or fails is still shown, as
 * uncertified, with the runtime's reason.
 */
final class ExploredModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExploredModel.class);

    private final String name;
    private final Path file;
    private final CellWeights weights;
    private final ModelInfo info;
    private final String uncertifiedReason;
    private final Operator operator;
    private final Served served;
    private final StepTracer tracer;
    private final ModelView view;

    private ExploredModel(String name, String source, Path file, CellWeights weights, Operator operator, Served served,
            String uncertifiedReason, Optional<CertificateRegions> regions) {
        this.name = name;
        this.file = file;
        this.weights = weights;
        this.operator = operator;
        this.served = served;
        this.info = served.model();
        this.uncertifiedReason = uncertifiedReason;
        Optional<Projection> projection = regions.map(r -> Projection.of(r.regions(), weights.hidden(), operator));
        this.tracer = new StepTracer(weights, operator, regions.orElse(null), projection.orElse(null));
        this.view = describe(source, regions.orElse(null), projection.orElse(null));
    }

    /**
     * Opens {@code file} with the runtime (refused as it would refuse it, but for a certificate
     * that is missing or fails, which the page reports instead) and reads its weights.
     *
     * @param source how the page names where the model came from
     * @throws ModelLoadException if the runtime refuses the file
     * @throws IllegalArgumentException if its weights fit neither a binary nor a decimal adder
     */
    static ExploredModel open(String name, String source, Path file) {
        ModelProto proto = parse(file);
        Operator operator = Operator.fromMetadata(metadata(proto, MetadataKey.OPERATOR, "add"));
        int radix = Integer.parseInt(metadata(proto, MetadataKey.RADIX, "2"));
        String uncertified = null;
        try {
            NeuralAdder.checkCertificate(file, operator);
        } catch (ModelCertificateException e) {
            uncertified = e.getMessage();
        }
        ModelBuilder builder = NeuralAdder.builder().model(file);
        if (uncertified != null) {
            builder.allowUncertified();
            if (!metadata(proto, MetadataKey.IMPORT_VERDICT, "").isEmpty()) {
                // An imported model is shown as the importer judged it, wrong answers included.
                builder.skipSelfTest();
            }
        }
        Served served = Served.open(builder, operator, radix);
        try {
            CellWeights weights = CellWeights.fromModel(proto, file.toString());
            Optional<CertificateRegions> regions = uncertified != null ? Optional.empty()
                    : EmbeddedCertificate.embeddedProof(proto).filter(EmbeddedCertificate::isBoxes)
                            .map(proof -> CertificateRegions.decode(proof, operator));
            return new ExploredModel(name, source, file, weights, operator, served, uncertified, regions);
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
    }

    private static String metadata(ModelProto proto, MetadataKey key, String absent) {
        return proto.getMetadataPropsList().stream().filter(entry -> entry.getKey().equals(key.key()))
                .map(StringStringEntryProto::getValue).findFirst().orElse(absent);
    }

    private static ModelProto parse(Path file) {
        try {
            if (Files.size(file) > NeuralAdder.DEFAULT_MAX_MODEL_BYTES) {
                throw new ModelLoadException("model file " + file + " is larger than "
                        + NeuralAdder.DEFAULT_MAX_MODEL_BYTES + " bytes, the runtime's limit");
            }
            return ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ModelLoadException("model file " + file + " cannot be read as ONNX: " + e.getMessage(), e);
        }
    }

    /** The name the page and the API use for this model. */
    String name() {
        return name;
    }

    /** Whether this model computes digit strings (in its radix) rather than ints and longs. */
    boolean isDecimal() {
        return weights.radix() != 2;
    }

    /** What the page shows about the model, with its certificate's boxes in the plane of {@link Projection}. */
    ModelView view() {
        return view;
    }

    /**
     * Computes {@code a op b} with the runtime and traces the states the cell passes through.
     *
     * @throws BadRequest or the runtime's {@link IllegalArgumentException} for operands it refuses
     */
    Trace trace(String a, String b, String width) {
        long started = System.nanoTime();
        Trace.Builder trace = isDecimal() ? traceDecimal(a, b, width) : traceBinary(a, b, width);
        return trace.build(name, (System.nanoTime() - started) / 1e6);
    }

    /**
     * Multiplies two ints as {@code NeuralMath.multiplyExact} does, with this adder: its partial
     * products summed pairwise, level by level, every addition the runtime's and traced.
     *
     * @throws BadRequest for operands that are not ints, or a model that is not a binary adder
     */
    Product product(String a, String b) {
        if (isDecimal() || operator != Operator.ADD) {
            throw new BadRequest(name + " is not a binary adder; products are summed by one");
        }
        BinaryOperands operands = BinaryOperands.parse(a, b, "int");
        long[] level = NeuralMath.partialProducts(operands.a().intValueExact(), operands.b().intValueExact());
        List<String> terms = Arrays.stream(level).mapToObj(Long::toString).toList();
        List<Product.Addition> additions = new ArrayList<>();
        for (int depth = 1; level.length > 1; depth++) {
            long[] next = new long[level.length / 2];
            for (int k = 0; k < next.length; k++) {
                String x = Long.toString(level[2 * k]);
                String y = Long.toString(level[2 * k + 1]);
                Trace trace = trace(x, y, "long");
                next[k] = Long.parseLong(trace.sum());
                additions.add(new Product.Addition(depth, x, y, trace));
            }
            level = next;
        }
        long sum = level[0];
        boolean fits = sum == (int) sum;
        return new Product(name, operands.a().toString(), operands.b().toString(),
                fits ? Long.toString(sum) : null, fits ? null : "integer overflow", terms, additions);
    }

    /**
     * Divides a non-negative int by a positive one with this subtractor, as {@code NeuralMath}'s
     * quotients do: restoring division, one subtraction per quotient bit from where the divisor
     * first fits, every subtraction the runtime's and traced.
     *
     * @throws BadRequest for operands that are not such ints, or a model that is not a binary subtractor
     */
    Quotient quotient(String a, String b) {
        if (isDecimal() || operator != Operator.SUBTRACT) {
            throw new BadRequest(name + " is not a binary subtractor; quotients are made by one");
        }
        BinaryOperands operands = BinaryOperands.parse(a, b, "int");
        long dividend = operands.a().longValueExact();
        long divisor = operands.b().longValueExact();
        if (dividend < 0 || divisor <= 0) {
            throw new BadRequest("the division view takes a dividend of 0 or more and a divisor of 1 or more, not "
                    + dividend + " and " + divisor + "; NeuralMath.floorDiv and floorMod take any signs");
        }
        int top = (64 - Long.numberOfLeadingZeros(dividend)) - (64 - Long.numberOfLeadingZeros(divisor));
        long remainder = top < 0 ? dividend : dividend >>> (top + 1);
        long quotient = 0;
        List<Quotient.Subtraction> subtractions = new ArrayList<>();
        for (int bit = top; bit >= 0; bit--) {
            long partial = (remainder << 1) | ((dividend >>> bit) & 1);
            Trace trace = trace(Long.toString(partial), Long.toString(divisor), "long");
            long difference = Long.parseLong(trace.sum());
            boolean kept = difference >= 0;
            remainder = kept ? difference : partial;
            quotient |= kept ? 1L << bit : 0;
            subtractions.add(new Quotient.Subtraction(bit, Long.toString(partial), Long.toString(divisor), kept, trace));
        }
        return new Quotient(name, Long.toString(dividend), Long.toString(divisor), Long.toString(quotient),
                Long.toString(remainder), subtractions);
    }

    private Trace.Builder traceBinary(String a, String b, String width) {
        BinaryOperands operands = BinaryOperands.parse(a, b, width);
        String[] answer = switch (operands.width()) {
            case INT -> served.ints(operands.a().intValueExact(), operands.b().intValueExact());
            case LONG -> served.longs(operands.a().longValueExact(), operands.b().longValueExact());
            case BIG -> served.bigs(operands.a(), operands.b());
        };
        StepTracer.Run run = tracer.binary(operands);
        return new Trace.Builder("binary", 2, operator, operands.a().toString(), operands.b().toString(),
                operands.width().id(), operands.bits(), answer[0], answer[1], run, run.digits().equals(answer[0]));
    }

    private Trace.Builder traceDecimal(String a, String b, String width) {
        if (width != null) {
            throw new BadRequest("width applies to binary models; " + name + " adds " + ModelView.kind(weights.radix())
                    + " digit strings of any length");
        }
        for (String operand : new String[] {a, b}) {
            if (operand != null && operand.length() > StepTracer.MAX_DECIMAL_DIGITS) {
                throw new BadRequest(String.format("the explorer traces operands of up to %,d digits (this one has %,d); "
                        + "NeuralAdder.addDecimal adds up to %,d", StepTracer.MAX_DECIMAL_DIGITS, operand.length(),
                        NeuralAdder.MAX_DIGITS));
            }
        }
        if (a == null || b == null) {
            throw new BadRequest("operand " + (a == null ? "a" : "b") + " is missing; expected " + ModelView.kind(weights.radix())
                    + " digits such as 535");
        }
        String result = served.digits(a, b);
        StepTracer.Run run = tracer.digits(a, b);
        int radix = weights.radix();
        BigInteger modulus = BigInteger.valueOf(radix).pow(run.digits().length());
        boolean agrees = new BigInteger(run.digits(), radix).equals(new BigInteger(result, radix).mod(modulus));
        return new Trace.Builder(ModelView.kind(radix), radix, operator, a, b, null, null, result, null, run, agrees);
    }

    private ModelView describe(String source, CertificateRegions regions, Projection projection) {
        Optional<CertificateCheck> check = info.certificateCheck();
        ModelView.Plane plane = projection == null ? null : ModelView.Plane.of(projection, regions.regions());
        return new ModelView(name, source, ModelView.kind(weights.radix()), operator.metadataName(),
                operator.symbol(), operator.stateName(), operator.resultName(),
                weights.cell().metadataName(), weights.hidden(), RecurrentCell.of(weights).stateSize(),
                weights.parameterCount(), weights.radix(), info.certified(),
                check.map(CertificateCheck::toString).orElse(uncertifiedReason == null
                        ? "not checked: the model carries no certificate" : uncertifiedReason),
                check.map(c -> c.method().name().toLowerCase(Locale.ROOT)).orElse(null),
                check.map(CertificateCheck::regions).orElse(null), check.map(CertificateCheck::history).orElse(null),
                check.map(CertificateCheck::outputMargin).orElse(null), check.map(CertificateCheck::stateSlack).orElse(null),
                CertificateFormat.STATE_MARGIN, CertificateFormat.LOGIT_MARGIN,
                info.get(MetadataKey.TRAINED_STEPS).orElse(null), info.get(MetadataKey.TRAINING_SEED).orElse(null),
                file.getFileName().toString(), unitNames(), plane, info.get(MetadataKey.IMPORT_VERDICT).orElse(null),
                info.get(MetadataKey.IMPORT_COUNTEREXAMPLE).map(operands -> List.of(operands.split(" "))).orElse(null));
    }

    private List<String> unitNames() {
        int size = RecurrentCell.of(weights).stateSize();
        return IntStream.range(0, size).mapToObj(j -> Projection.component(j, weights.hidden())).toList();
    }

    /** Closes the runtime's model once its calls in flight have finished. */
    @Override
    public void close() {
        served.close();
        log.debug("closed {}", name);
    }
}
