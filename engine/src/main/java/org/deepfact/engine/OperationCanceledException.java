package org.deepfact.engine;

/** Thrown by engine work that stopped because its {@link ProgressCallback} asked it to. */
public final class OperationCanceledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OperationCanceledException() {
        super("Canceled by the user");
    }
}
