package io.neuraladder.assemble;

import io.neuraladder.api.ModelContractException;
import io.neuraladder.common.DigitOperands;
import io.neuraladder.compose.DigitSerialAdder;
import io.neuraladder.compose.DigitSerialSubtractor;
import io.neuraladder.compose.ReloadableAdder;
import io.neuraladder.compose.ReloadableSubtractor;
import io.neuraladder.contract.DigitSerialContract;
import io.neuraladder.contract.Operator;
import io.neuraladder.engine.BitSerialEngine;
import io.neuraladder.engine.DigitSerialEngine;
import io.neuraladder.engine.DigitStringEngine;
import io.neuraladder.engine.OperatorEngine;
import io.neuraladder.engine.ReloadableEngine;
import io.neuraladder.load.LoadSettings;
import io.neuraladder.load.ModelLoad;
import io.neuraladder.load.ModelSource;

/**
 * Where the layers meet: a model file chosen by {@code ModelBuilder} or {@link DefaultModels}
 * becomes an engine of the radix it declares (through {@link ModelLoad}, the one load path), and
 * that engine the handle users hold. Nothing below this class knows which engines exist.
 */
public final class Networks {

    private Networks() {}

    /** An adder of ints, longs and {@code BigInteger}s on the chosen file, hot-swappable. */
    public static ReloadableAdder adder(LoadSettings settings) {
        return new ReloadableAdder(reloadable(settings, Operator.ADD));
    }

    /** A subtractor of ints, longs and {@code BigInteger}s on the chosen file, hot-swappable. */
    public static ReloadableSubtractor subtractor(LoadSettings settings) {
        return new ReloadableSubtractor(reloadable(settings, Operator.SUBTRACT));
    }

    /** A digit-string adder in {@code radix}, or in whatever radix the file declares when it is 0. */
    public static DigitSerialAdder digitAdder(LoadSettings settings, int radix) {
        return new DigitSerialAdder(new DigitStringEngine(settings.source(), Operator.ADD, radix, settings.options()));
    }

    /** A decimal digit-string subtractor. */
    public static DigitSerialSubtractor decimalSubtractor(LoadSettings settings) {
        return new DigitSerialSubtractor(new DigitStringEngine(settings.source(), Operator.SUBTRACT,
                DigitSerialContract.DECIMAL, settings.options()));
    }

    private static ReloadableEngine reloadable(LoadSettings settings, Operator operator) {
        return new ReloadableEngine(settings, operator, chosen -> engine(chosen, operator));
    }

    /** The file as a model of {@code operator}, served by the engine its radix needs (2, or a power of two). */
    private static OperatorEngine engine(LoadSettings settings, Operator operator) {
        ModelSource source = settings.source();
        ModelLoad load = ModelLoad.open(source, operator, settings.options(), radix -> {
            if (radix != 2 && Integer.bitCount(radix) != 1) {
                throw new ModelContractException("model " + source.name() + " is a "
                        + DigitOperands.describe(operator, radix) + " (metadata neuraladder.radix = " + radix + "); "
                        + "ints and longs are computed by binary models and by digit-serial ones whose radix is a "
                        + "power of two (4, 8, 16, 32). Open it with NeuralAdder."
                        + (radix == 10 ? "openDecimal" : "openDigitSerial") + " instead");
            }
        });
        return load.radix() == 2 ? new BitSerialEngine(load) : new DigitSerialEngine(load);
    }
}
