package org.dmmigrate.protocol;

/**
 * A paginated listing that cannot be trusted: the service repeats pages, reports pages past
 * its own total, or answers without a {@code list}. Not retryable: the same listing would
 * loop again.
 */
public final class PagingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String callName;
    private final long page;

    public PagingException(String callName, long page, String problem) {
        super("call " + callName + " page " + page + ": " + problem
                + "; the service is paging inconsistently, rerun later or report it");
        this.callName = callName;
        this.page = page;
    }

    public String callName() {
        return callName;
    }

    /** The 1-based page whose answer was inconsistent. */
    public long page() {
        return page;
    }
}
