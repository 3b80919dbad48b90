package dev.mercato.examples.docs.host;

import dev.mercato.payments.contract.Fault;

/** The reader's stub around its HTTP client, which can fail the next call. */
public final class FaultyHttpClient {
    /** @param client the client it wraps */
    public FaultyHttpClient(AcmeTestAccount.AcmeHttpClient client) {
    }

    /** @return whether the fault could be arranged */
    public boolean failNextCall(Fault fault) {
        throw new UnsupportedOperationException("a stand-in for the reader's code");
    }
}
