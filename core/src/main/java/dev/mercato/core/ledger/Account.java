package dev.mercato.core.ledger;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * A ledger account. Each record is one kind of account; its components say whose it is.
 * Accounts are values: two instances with equal components are the same account.
 *
 * <p>Immutable and thread-safe. See the package documentation for the sign convention.
 */
public sealed interface Account {

    /**
     * A stable, human-readable code, for example {@code escrow-held:order-17}.
     *
     * @return the code, never {@code null}
     */
    String code();

    /**
     * Money received from a buyer (outside world): its balance is minus what the buyer paid in.
     *
     * @param buyerId the buyer, not blank
     */
    record BuyerFundsIn(String buyerId) implements Account {
        /** Validates the id. */
        public BuyerFundsIn {
            requireId(buyerId, "buyerId");
        }

        @Override
        public String code() {
            return "buyer-funds-in:" + buyerId;
        }
    }

    /**
     * Money received from a seller (outside world): security deposits, annual fees paid in.
     *
     * @param sellerId the seller, not blank
     */
    record SellerFundsIn(String sellerId) implements Account {
        /** Validates the id. */
        public SellerFundsIn {
            requireId(sellerId, "sellerId");
        }

        @Override
        public String code() {
            return "seller-funds-in:" + sellerId;
        }
    }

    /**
     * The platform's own funds at its payment provider: the source of platform-funded subsidies
     * and of compensation the platform pays itself.
     */
    record PlatformClearing() implements Account {
        @Override
        public String code() {
            return "platform-clearing";
        }
    }

    /**
     * Money the platform holds for one escrow (one order) until it is released or refunded.
     *
     * @param escrowId the escrow, not blank
     */
    record EscrowHeld(String escrowId) implements Account {
        /** Validates the id. */
        public EscrowHeld {
            requireId(escrowId, "escrowId");
        }

        @Override
        public String code() {
            return "escrow-held:" + escrowId;
        }
    }

    /**
     * What the platform owes a seller: released sales net of commission and fees, minus
     * clawbacks and payouts. Negative when the seller owes the platform.
     *
     * @param sellerId the seller, not blank
     */
    record SellerPayable(String sellerId) implements Account {
        /** Validates the id. */
        public SellerPayable {
            requireId(sellerId, "sellerId");
        }

        @Override
        public String code() {
            return "seller-payable:" + sellerId;
        }
    }

    /**
     * What the platform owes a creator or referrer: the revenue shares of released sales, minus
     * shares taken back by refunds after release and payouts. Negative when the party owes the
     * platform.
     *
     * @param partyId the creator or referrer, not blank
     */
    record CreatorPayable(String partyId) implements Account {
        /** Validates the id. */
        public CreatorPayable {
            requireId(partyId, "partyId");
        }

        @Override
        public String code() {
            return "creator-payable:" + partyId;
        }
    }

    /**
     * A seller's security deposit held by the platform; debited for penalties, clawbacks and
     * buyer compensation.
     *
     * @param sellerId the seller, not blank
     */
    record SellerDeposit(String sellerId) implements Account {
        /** Validates the id. */
        public SellerDeposit {
            requireId(sellerId, "sellerId");
        }

        @Override
        public String code() {
            return "seller-deposit:" + sellerId;
        }
    }

    /**
     * The platform's revenue from one stream.
     *
     * @param stream the stream, not {@code null}
     */
    record PlatformRevenue(RevenueStream stream) implements Account {
        /** Validates the stream. */
        public PlatformRevenue {
            InvalidInputException.requireNonNull(stream, "stream");
        }

        @Override
        public String code() {
            return "platform-revenue:" + stream.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Tax the platform collected with buyers' payments and owes the tax authority: credited with
     * each line's tax when its sale becomes final (release), debited by the tax reversed on
     * refunds after release (docs/escrow-and-ledger.md, "Tax and cash rounding"). One account per
     * currency; the per-line figures are in the escrow's terms.
     */
    record TaxPayable() implements Account {
        @Override
        public String code() {
            return "tax-payable";
        }
    }

    /**
     * The platform's cash rounding: what buyers paid above the exact total of their orders
     * (credit) or below it (debit) when the payable total is rounded to a cash increment. The
     * difference belongs to no order line, seller or split (docs/escrow-and-ledger.md, "Tax and
     * cash rounding").
     */
    record CashRounding() implements Account {
        @Override
        public String code() {
            return "cash-rounding";
        }
    }

    /**
     * The cost of the self-operated goods the platform sold: debited with each line's cost when its
     * sale becomes final (release), credited with the cost of what refunds after release take
     * back, in proportion (docs/escrow-and-ledger.md, "Self-operated goods"). Its balance is the
     * cost of the sales on {@link RevenueStream#SALES}; their difference is the platform's margin.
     */
    record CostOfGoods() implements Account {
        @Override
        public String code() {
            return "cost-of-goods";
        }
    }

    /**
     * The platform's own stock, at cost: credited with the cost of self-operated goods as their
     * sales become final, debited back by refunds after release. Goods bought into stock are the
     * host's to post (debit this account); without them its balance is minus the cost of the
     * goods sold.
     */
    record Inventory() implements Account {
        @Override
        public String code() {
            return "inventory";
        }
    }

    /** Money paid back to buyers (outside world): refunds and compensation. */
    record Refunds() implements Account {
        @Override
        public String code() {
            return "refunds";
        }
    }

    /**
     * A refund the provider declined: the money never left, and the platform owes it to the
     * buyer until an operator sends it again ({@code EscrowService.resendDeclinedRefunds}) or by
     * another channel. Its balance is what is still owed.
     *
     * @param buyerId the buyer, not blank
     */
    record RefundOwed(String buyerId) implements Account {
        /** Validates the id. */
        public RefundOwed {
            requireId(buyerId, "buyerId");
        }

        @Override
        public String code() {
            return "refund-owed:" + buyerId;
        }
    }

    /**
     * What the platform claims from a carrier: late-delivery compensation the platform paid at the
     * carrier's expense (outside world, like the funds-in accounts: its balance is minus what is
     * claimed). The host books the carrier's settlement against it.
     *
     * @param carrierId the carrier, not blank
     */
    record CarrierClaims(String carrierId) implements Account {
        /** Validates the id. */
        public CarrierClaims {
            requireId(carrierId, "carrierId");
        }

        @Override
        public String code() {
            return "carrier-claims:" + carrierId;
        }
    }

    /**
     * A seller's prepaid advertising balance (docs/fees.md): debited by top-ups (from the seller's
     * payable), credited by each ad charge into {@link RevenueStream#ADVERTISING}. Never negative:
     * a charge beyond it is refused.
     *
     * @param sellerId the seller, not blank
     */
    record AdBalance(String sellerId) implements Account {
        /** Validates the id. */
        public AdBalance {
            requireId(sellerId, "sellerId");
        }

        @Override
        public String code() {
            return "ad-balance:" + sellerId;
        }
    }

    /**
     * Provider-held funds (docs/funds-models.md): an instruction (a split or a return) sent to
     * the payment provider whose money is on its way between the payment's hold and an account;
     * debited when the instruction is recorded, credited when it succeeds or is declined. Its
     * balance is what is in transit, zero once the instruction is final.
     *
     * @param instructionId the instruction's transaction id, not blank
     */
    record ProviderInTransit(String instructionId) implements Account {
        /** Validates the id. */
        public ProviderInTransit {
            requireId(instructionId, "instructionId");
        }

        @Override
        public String code() {
            return "provider-in-transit:" + instructionId;
        }
    }

    /**
     * Provider-held funds (docs/funds-models.md): what the split instructions sent to a seller's or
     * a creator's sub-account at the payment provider, less what returns took back from it. The
     * party, not the platform, owns this money; the provider pays it out.
     *
     * @param role the account's role, {@code seller} or {@code creator}, not blank
     * @param token the provider's reference to the account, not blank
     */
    record ProviderSubAccount(String role, String token) implements Account {
        /** Validates the fields. */
        public ProviderSubAccount {
            requireId(role, "role");
            requireId(token, "token");
        }

        @Override
        public String code() {
            return "provider-sub-account:" + role + ":" + token;
        }
    }

    /**
     * Provider-held funds (docs/funds-models.md): a payment's hold at the provider beyond the
     * shares its escrows hold ({@link EscrowHeld}). Debited by nothing in the facade's flows, so
     * it stays zero unless the provider's unfreeze released a remainder the ledger did not
     * expect (credited, with the platform's account at the provider debited): a non-zero balance
     * is a reconciliation difference for an operator.
     *
     * @param paymentId the buyer payment, not blank
     */
    record ProviderHeld(String paymentId) implements Account {
        /** Validates the id. */
        public ProviderHeld {
            requireId(paymentId, "paymentId");
        }

        @Override
        public String code() {
            return "provider-held:" + paymentId;
        }
    }

    /**
     * The platform's costs of one kind (docs/fees.md): credited with each cost the platform bears,
     * so its balance is minus what the kind cost the platform, and revenue plus expenses is the
     * platform's result. The cost's counterpart names who received it ({@link ProviderFees},
     * {@link CarrierPayable}).
     *
     * @param kind the kind of cost, not {@code null}
     */
    record PlatformExpense(ExpenseKind kind) implements Account {
        /** Validates the kind. */
        public PlatformExpense {
            InvalidInputException.requireNonNull(kind, "kind");
        }

        @Override
        public String code() {
            return "platform-expense:" + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What payment providers kept as their channel fee on captured payments (outside world, like
     * {@link Payouts}: its balance is what went to the providers), debited by each payment's
     * channel cost (docs/fees.md, "Payment-channel cost").
     */
    record ProviderFees() implements Account {
        @Override
        public String code() {
            return "provider-fees";
        }
    }

    /**
     * What the platform owes a carrier for parcels booked through it (docs/fees.md, "Carrier
     * charges"): debited with each parcel's charge, from the seller's payable or the platform's
     * expense by the configured bearer. The host books its payments to the carrier against it.
     *
     * @param carrierId the carrier, not blank
     */
    record CarrierPayable(String carrierId) implements Account {
        /** Validates the id. */
        public CarrierPayable {
            requireId(carrierId, "carrierId");
        }

        @Override
        public String code() {
            return "carrier-payable:" + carrierId;
        }
    }

    /**
     * What the platform owes a buyer as coupon credit (late-delivery coupons, docs/fees.md):
     * debited when a coupon is issued, from its funder; credited when it is redeemed (into the
     * platform's clearing, which funds the discount) or expires (back to its funder). Its balance
     * is the credit buyers hold.
     *
     * @param buyerId the buyer, not blank
     */
    record BuyerCredit(String buyerId) implements Account {
        /** Validates the id. */
        public BuyerCredit {
            requireId(buyerId, "buyerId");
        }

        @Override
        public String code() {
            return "buyer-credit:" + buyerId;
        }
    }

    /** Money paid out to sellers' bank accounts (outside world). */
    record Payouts() implements Account {
        @Override
        public String code() {
            return "payouts";
        }
    }

    /**
     * The buyer's funds-in account.
     *
     * @param buyerId the buyer
     * @return the account
     */
    static Account buyerFundsIn(String buyerId) {
        return new BuyerFundsIn(buyerId);
    }

    /**
     * The platform's clearing account.
     *
     * @return the account
     */
    static Account platformClearing() {
        return new PlatformClearing();
    }

    /**
     * The held-funds account of one escrow.
     *
     * @param escrowId the escrow
     * @return the account
     */
    static Account escrowHeld(String escrowId) {
        return new EscrowHeld(escrowId);
    }

    /**
     * A seller's payable balance.
     *
     * @param sellerId the seller
     * @return the account
     */
    static Account sellerPayable(String sellerId) {
        return new SellerPayable(sellerId);
    }

    /**
     * A creator's or referrer's payable balance.
     *
     * @param partyId the creator or referrer
     * @return the account
     */
    static Account creatorPayable(String partyId) {
        return new CreatorPayable(partyId);
    }

    /**
     * A seller's security deposit.
     *
     * @param sellerId the seller
     * @return the account
     */
    static Account sellerDeposit(String sellerId) {
        return new SellerDeposit(sellerId);
    }

    /**
     * A platform revenue account.
     *
     * @param stream the revenue stream
     * @return the account
     */
    static Account revenue(RevenueStream stream) {
        return new PlatformRevenue(stream);
    }

    /**
     * The platform's tax-payable account.
     *
     * @return the account
     */
    static Account taxPayable() {
        return new TaxPayable();
    }

    /**
     * The platform's cash-rounding account.
     *
     * @return the account
     */
    static Account cashRounding() {
        return new CashRounding();
    }

    /**
     * The platform's cost-of-goods account.
     *
     * @return the account
     */
    static Account costOfGoods() {
        return new CostOfGoods();
    }

    /**
     * The platform's inventory account.
     *
     * @return the account
     */
    static Account inventory() {
        return new Inventory();
    }

    /**
     * The refunds account.
     *
     * @return the account
     */
    static Account refunds() {
        return new Refunds();
    }

    /**
     * What the platform owes a buyer after the provider declined a refund.
     *
     * @param buyerId the buyer
     * @return the account
     */
    static Account refundOwed(String buyerId) {
        return new RefundOwed(buyerId);
    }

    /**
     * A seller's prepaid advertising balance.
     *
     * @param sellerId the seller
     * @return the account
     */
    static Account adBalance(String sellerId) {
        return new AdBalance(sellerId);
    }

    /**
     * The payouts account.
     *
     * @return the account
     */
    static Account payouts() {
        return new Payouts();
    }

    /**
     * An instruction's money in transit at the payment provider.
     *
     * @param instructionId the split's or return's transaction id
     * @return the account
     */
    static Account providerInTransit(String instructionId) {
        return new ProviderInTransit(instructionId);
    }

    /**
     * A seller's or creator's sub-account at the payment provider.
     *
     * @param role {@code seller} or {@code creator}
     * @param token the provider's reference to the account
     * @return the account
     */
    static Account providerSubAccount(String role, String token) {
        return new ProviderSubAccount(role, token);
    }

    /**
     * A payment's hold at the provider beyond its escrows' shares.
     *
     * @param paymentId the buyer payment
     * @return the account
     */
    static Account providerHeld(String paymentId) {
        return new ProviderHeld(paymentId);
    }

    /**
     * What the platform claims from a carrier.
     *
     * @param carrierId the carrier
     * @return the account
     */
    static Account carrierClaims(String carrierId) {
        return new CarrierClaims(carrierId);
    }

    /**
     * The platform's expense account of one kind.
     *
     * @param kind the kind of cost
     * @return the account
     */
    static Account expense(ExpenseKind kind) {
        return new PlatformExpense(kind);
    }

    /**
     * What payment providers kept as channel fees.
     *
     * @return the account
     */
    static Account providerFees() {
        return new ProviderFees();
    }

    /**
     * What the platform owes a carrier.
     *
     * @param carrierId the carrier
     * @return the account
     */
    static Account carrierPayable(String carrierId) {
        return new CarrierPayable(carrierId);
    }

    /**
     * The coupon credit a buyer holds.
     *
     * @param buyerId the buyer
     * @return the account
     */
    static Account buyerCredit(String buyerId) {
        return new BuyerCredit(buyerId);
    }

    private static void requireId(String id, String field) {
        InvalidInputException.requireNonNull(id, field);
        if (id.isBlank()) {
            throw new InvalidInputException(field, "\"" + id + "\"", "must not be blank");
        }
    }
}
