package dev.mercato.core.settlement;

import dev.mercato.core.ledger.Account;

/**
 * Who a payout pays, and from which payable account: a seller from its {@link
 * Account.SellerPayable}, or a creator or referrer from its {@link Account.CreatorPayable}.
 * Sellers and creators are separate id spaces: a seller and a creator with the same id are paid
 * separately, each from its own account.
 */
public sealed interface Payee {

    /**
     * The seller's or party's id.
     *
     * @return the id
     */
    String id();

    /**
     * The payable account the payout is paid from.
     *
     * @return the account
     */
    Account payable();

    /**
     * The first segment of this payee's payout transaction ids.
     *
     * @return {@code payout} for sellers, {@code creator-payout} for creators
     */
    String idPrefix();

    /**
     * A seller, paid from its payable balance.
     *
     * @param id the seller, not blank
     */
    record Seller(String id) implements Payee {
        /** Validates the id. */
        public Seller {
            Account.sellerPayable(id);
        }

        @Override
        public Account payable() {
            return Account.sellerPayable(id);
        }

        @Override
        public String idPrefix() {
            return "payout";
        }
    }

    /**
     * A creator or referrer, paid its revenue shares from its creator payable balance.
     *
     * @param id the creator or referrer, not blank
     */
    record Creator(String id) implements Payee {
        /** Validates the id. */
        public Creator {
            Account.creatorPayable(id);
        }

        @Override
        public Account payable() {
            return Account.creatorPayable(id);
        }

        @Override
        public String idPrefix() {
            return "creator-payout";
        }
    }
}
