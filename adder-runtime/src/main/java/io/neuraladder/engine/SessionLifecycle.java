package io.neuraladder.engine;

import ai.onnxruntime.OrtException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The lifecycle every loaded model shares: calls run under a read lock, {@link #close} takes the
 * write lock, so no ONNX Runtime session is closed while another thread is inside {@code run}
 * (which crashes the process). A call after close throws what {@code whenClosed} supplies; a
 * failure inside ONNX Runtime becomes an {@link IllegalStateException} naming the call and the
 * model.
 */
final class SessionLifecycle {

    /** A call into ONNX Runtime. */
    interface OrtCall<T> {
        T run() throws OrtException;
    }

    private final String source;
    private final Supplier<? extends RuntimeException> whenClosed;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    SessionLifecycle(String source, Supplier<? extends RuntimeException> whenClosed) {
        this.source = source;
        this.whenClosed = whenClosed;
    }

    /** Runs {@code call} unless closed; {@code what} says what it does, for the failure's message. */
    <T> T run(String what, OrtCall<T> call) {
        Lock read = lock.readLock();
        read.lock();
        try {
            if (closed) {
                throw whenClosed.get();
            }
            return call.run();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to " + what + " with model " + source + ": "
                    + e.getMessage(), e);
        } finally {
            read.unlock();
        }
    }

    /** Runs {@code release} once every call in flight has finished, the first time only. */
    void close(Runnable release) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (!closed) {
                closed = true;
                release.run();
            }
        } finally {
            write.unlock();
        }
    }
}
