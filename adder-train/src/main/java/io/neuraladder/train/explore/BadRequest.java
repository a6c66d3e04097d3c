package io.neuraladder.train.explore;

/** A request the explorer refuses, with the sentence that tells its sender why: answered with HTTP 400. */
final class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int SHOWN = 24;

    BadRequest(String message) {
        super(message);
    }

    /** {@code text} cut to a length that fits in a message, with the cut marked. */
    static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
