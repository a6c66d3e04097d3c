package io.neuraladder.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.neuraladder.api.ExecutionProvider;
import io.neuraladder.api.ModelLoadException;
import io.neuraladder.api.ProviderUnavailableException;
import io.neuraladder.load.ModelSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates ONNX Runtime sessions for a model on the chosen execution provider. */
public final class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    static final String CUDA_FIX = "use the com.microsoft.onnxruntime:onnxruntime_gpu artifact in place of "
            + "onnxruntime, with the CUDA and cuDNN libraries it was built for on the library path, "
            + "or choose the cpu or auto provider";

    private Sessions() {}

    /** The one process-wide environment; models never close it. */
    static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    static OrtSession create(ModelSource model, ExecutionProvider provider, int intraOpThreads) {
        try (SessionOptions options = new SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            addProvider(options, provider, model.name());
            return environment().createSession(model.bytes(), options);
        } catch (OrtException e) {
            throw new ModelLoadException("model " + model.name() + " could not be loaded by ONNX Runtime: "
                    + e.getMessage(), e);
        }
    }

    private static void addProvider(SessionOptions options, ExecutionProvider provider, String model) {
        boolean cudaBuilt = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        switch (provider) {
            case CPU -> log.debug("model {} runs on the CPU", model);
            case CUDA -> {
                if (!cudaBuilt) {
                    throw new ProviderUnavailableException("the CUDA execution provider was requested for model "
                            + model + " but this ONNX Runtime build has no CUDA support; " + CUDA_FIX, null);
                }
                try {
                    options.addCUDA(0);
                } catch (OrtException e) {
                    throw new ProviderUnavailableException("the CUDA execution provider was requested for model "
                            + model + " but no CUDA device could be initialised (" + e.getMessage() + "); "
                            + CUDA_FIX, e);
                }
                log.info("model {} runs on CUDA device 0", model);
            }
            case AUTO -> {
                if (cudaBuilt && tryAddCuda(options)) {
                    log.info("execution provider auto: model {} runs on CUDA device 0", model);
                } else {
                    log.info("execution provider auto: CUDA is {}, model {} runs on the CPU",
                            cudaBuilt ? "built in but no device initialised" : "not in this ONNX Runtime build", model);
                }
            }
        }
    }

    private static boolean tryAddCuda(SessionOptions options) {
        try {
            options.addCUDA(0);
            return true;
        } catch (OrtException e) {
            log.debug("CUDA could not be initialised", e);
            return false;
        }
    }

    /** Closes {@code session} (if any), logging rather than throwing a failure: it is already out of use. */
    static void close(OrtSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("closing the ONNX Runtime session failed", e);
        }
    }
}
