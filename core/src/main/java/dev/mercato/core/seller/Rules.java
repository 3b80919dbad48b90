package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.money.MonetaryAmount;

/** Who may do what to a seller, and the deposit's journal entries. */
final class Rules {
    /** Key prefix of every deposit journal entry. */
    static final String ENTRY_PREFIX = "seller-deposit:";

    private Rules() {}

    static boolean isOwner(Actor actor, Seller seller) {
        return actor instanceof Actor.Seller s && s.sellerId().equals(seller.sellerId());
    }

    static boolean isOperator(Actor actor) {
        return actor instanceof Actor.PlatformOperator;
    }

    static boolean isOperatorOrSystem(Actor actor) {
        return actor instanceof Actor.PlatformOperator || actor instanceof Actor.System;
    }

    static SellerResult notAllowed(Seller seller, Actor actor, String action) {
        return new SellerResult.Refused(seller, SellerRefusal.ACTOR_NOT_ALLOWED,
                InvalidInputException.requireNonNull(actor, "actor") + " may not " + action + " seller " + seller.sellerId());
    }

    static SellerResult accepted(Seller seller) {
        return new SellerResult.Accepted(seller);
    }

    /** Refuses documents that do not cover the type's required qualifications. */
    static SellerResult missing(Seller seller, List<QualificationDocument> documents, SellerRequirements required) {
        InvalidInputException.requireNonNull(documents, "documents");
        Set<Qualification> provided = EnumSet.noneOf(Qualification.class);
        documents.forEach(d -> provided.add(InvalidInputException.requireNonNull(d, "document").qualification()));
        Set<Qualification> missing = EnumSet.noneOf(Qualification.class);
        missing.addAll(required.qualifications());
        missing.removeAll(provided);
        return missing.isEmpty() ? null : new SellerResult.Refused(seller, SellerRefusal.MISSING_QUALIFICATIONS,
                seller.profile().type() + " must also submit " + missing);
    }

    /** A debit of a deposit by an operator, as the same kind of state with the debited deposit. */
    static SellerResult debit(Seller seller, Deposit deposit, Actor actor, DebitKind kind, MonetaryAmount amount,
            String key, Instant at, Function<Deposit, Seller> with) {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(at, "at");
        long minor = MinorUnits.toMinor(InvalidInputException.requireNonNull(amount, "amount"), deposit.currency());
        if (!isOperator(actor)) {
            return notAllowed(seller, actor, "debit the deposit of");
        }
        if (minor <= 0) {
            return new SellerResult.Refused(seller, SellerRefusal.AMOUNT_NOT_POSITIVE, "debit of " + amount);
        }
        if (minor > deposit.heldMinor()) {
            return new SellerResult.Refused(seller, SellerRefusal.EXCEEDS_DEPOSIT,
                    "debit of " + amount + " but the deposit holds " + deposit.held());
        }
        Account to = kind == DebitKind.PENALTY ? Account.revenue(RevenueStream.PENALTY) : Account.refunds();
        JournalEntry entry = JournalEntry.builder(ENTRY_PREFIX + seller.sellerId() + ":debit:" + key, at,
                        kind.name().toLowerCase(java.util.Locale.ROOT) + " from the deposit of " + seller.sellerId())
                .reference(new EntryReference(EntryReference.Kind.SELLER_DEPOSIT, seller.sellerId(), 0, "debit"))
                .credit(Account.sellerDeposit(seller.sellerId()), amount).debit(to, amount).build();
        return accepted(with.apply(deposit.debit(amount, entry)));
    }

    static JournalEntry lodgeEntry(String sellerId, TransactionId payment, MonetaryAmount amount, Instant at) {
        return JournalEntry.builder(ENTRY_PREFIX + sellerId + ":lodge:" + payment.value(), at, "deposit of " + sellerId)
                .reference(new EntryReference(EntryReference.Kind.SELLER_DEPOSIT, sellerId, 0, "lodge"))
                .credit(new Account.SellerFundsIn(sellerId), amount).debit(Account.sellerDeposit(sellerId), amount).build();
    }

    static JournalEntry topUpEntry(String sellerId, TransactionId payment, MonetaryAmount amount, Instant at) {
        return JournalEntry.builder(ENTRY_PREFIX + sellerId + ":top-up:" + payment.value(), at,
                        "deposit of " + sellerId + " topped up")
                .reference(new EntryReference(EntryReference.Kind.SELLER_DEPOSIT, sellerId, 0, "top-up"))
                .credit(new Account.SellerFundsIn(sellerId), amount).debit(Account.sellerDeposit(sellerId), amount).build();
    }

    static JournalEntry returnEntry(String sellerId, TransactionId refund, MonetaryAmount amount, Instant at) {
        return JournalEntry.builder(ENTRY_PREFIX + sellerId + ":return:" + refund.value(), at,
                        "deposit returned to " + sellerId)
                .reference(new EntryReference(EntryReference.Kind.SELLER_DEPOSIT, sellerId, 0, "return"))
                .credit(Account.sellerDeposit(sellerId), amount).debit(new Account.SellerFundsIn(sellerId), amount).build();
    }
}
