package dev.mercato.examples.docs.host;

import java.time.InstantSource;

/** The reader's payment plug-in, as the README names it. */
public final class AcmePay extends AcmePayProvider {
    /**
     * @param client its HTTP client
     * @param clock its clock
     */
    public AcmePay(AcmeTestAccount.AcmeHttpClient client, InstantSource clock) {
        super(client, clock);
    }
}
