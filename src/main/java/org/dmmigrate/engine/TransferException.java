package org.dmmigrate.engine;

/**
 * A transfer step failed. {@link #isRetryable()} says whether trying again may help.
 */
public final class TransferException extends Exception {

    private final boolean retryable;

    public TransferException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public TransferException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
