package io.neuraladder;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.neuraladder.api.Adder;
import io.neuraladder.api.ModelInfo;
import io.neuraladder.api.Overflow;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Adder} backed by one ONNX Runtime session.
 *
 * <p>Calls share the session (ONNX Runtime's {@code run} is thread-safe) and hold a read lock;
 * {@link #close()} takes the write lock, so the session is never closed while a call is inside
 * {@code run}, which would crash the process. Per-call buffers come from a pool that grows to the
 * number of concurrent callers.
 */
final class OnnxAdder implements Adder {

    private static final Logger log = LoggerFactory.getLogger(OnnxAdder.class);

    private final OrtSession session;
    private final ModelInfo model;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Queue<SingleCall> idleCalls = new ConcurrentLinkedQueue<>();
    private boolean closed;

    OnnxAdder(ModelSource source, ExecutionProvider provider, int intraOpThreads) {
        this.session = Sessions.create(source, provider, intraOpThreads);
        try {
            this.model = new ModelInfo(source.name(), ContractCheck.verify(session, source.name()));
        } catch (OrtException | RuntimeException e) {
            closeSession();
            throw e instanceof ModelLoadException mle ? mle
                    : new ModelLoadException("model " + source.name() + " could not be inspected: " + e.getMessage(), e);
        }
        log.info("loaded model {} ({})", source.name(), model.metadata());
    }

    @Override
    public int add(int a, int b) {
        return Overflow.checked(a, b, addWrapping(a, b));
    }

    @Override
    public int addWrapping(int a, int b) {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            requireOpen();
            SingleCall call = idleCalls.poll();
            if (call == null) {
                call = new SingleCall(Sessions.environment());
            }
            try {
                return call.addWrapping(session, a, b);
            } finally {
                idleCalls.offer(call);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to add " + a + " and " + b + " with model "
                    + model.source() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ModelInfo model() {
        Lock lock = lifecycle.readLock();
        lock.lock();
        try {
            requireOpen();
            return model;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Lock lock = lifecycle.writeLock();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (SingleCall call; (call = idleCalls.poll()) != null; ) {
                call.close();
            }
            closeSession();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "OnnxAdder[" + model.source() + "]";
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this adder for model " + model.source() + " is closed; open a new one");
        }
    }

    private void closeSession() {
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("closing the ONNX Runtime session failed", e);
        }
    }
}
