package io.neuraladder.train.cli;

/**
 * A subcommand the training command line offers when its provider is on the classpath, found with
 * {@link java.util.ServiceLoader}: the lab's {@code experiments}, on the lab's classpath only. The
 * product jar alone offers only what it can run.
 */
public interface CommandProvider {

    /** A new instance of the picocli command (a class annotated with {@code @Command}). */
    Object command();
}
