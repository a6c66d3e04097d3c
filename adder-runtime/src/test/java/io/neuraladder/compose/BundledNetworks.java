package io.neuraladder.compose;

import io.neuraladder.NeuralAdder;
import io.neuraladder.NeuralMath;
import io.neuraladder.ShippedModels;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test method the bundled certified adder ({@link ReloadableAdder}) and subtractor
 * ({@link ReloadableSubtractor}) as parameters, each opened once for the whole test run and closed
 * at its end: {@code @ExtendWith(BundledNetworks.class)}.
 */
final class BundledNetworks implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BundledNetworks.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ReloadableAdder.class || type == ReloadableSubtractor.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Class<?> type = parameter.getParameter().getType();
        return store.getOrComputeIfAbsent(type, key -> new Opened(key == ReloadableAdder.class
                ? NeuralAdder.open(ShippedModels.DEFAULT) : NeuralMath.builder().buildSubtractor()), Opened.class).network();
    }

    /** A network that the store closes when the run is over. */
    private record Opened(AutoCloseable network) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws Exception {
            network.close();
        }
    }
}
