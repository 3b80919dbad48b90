package dev.mercato.core;

import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.escrow.Closed;
import dev.mercato.core.escrow.CreatorShare;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowFunds;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFundsProvider;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitPart;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * Provider-held funds (docs/funds-models.md): the facade's escrows keep their states and journal
 * entries, and this class turns what each escrow released (and took back after release) into
 * instructions to a {@link HeldFundsProvider}, with the journal mirroring where the money is.
 *
 * <p><b>Level, not edge.</b> For each escrow, what its released money should have sent to each
 * account (the seller's net less the platform's subsidy to the seller's sub-account; commission,
 * fees and tax to the platform's account; each creator's share to the creator's) is compared with
 * what the instructions that succeeded did send. A difference becomes a new split (more to send)
 * or a new return (money to take back, before a refund after release), recorded with its "sent"
 * journal entry in one unit of work, then sent. An escrow with an instruction whose outcome is
 * not final gets no new one: the open one is asked about ({@code status}) and sent again under
 * the same id when the provider has no record of it. So a split is never sent twice, whatever
 * crashes and retries happen, and the comparison runs again after every command and on every
 * {@link Commerce#runDueTimers}.
 *
 * <p>Ids are derived from the escrow: {@code fh.<escrow>.s<n>} for splits, {@code fh.<escrow>.r<n>}
 * for returns, {@code fh.<payment>.u<n>} for the unfreeze of a payment whose escrows are all
 * settled. A declined instruction (a frozen sub-account, a balance too low for a return) is tried
 * again under the next {@code n} after {@link #RETRY_DECLINED}.
 *
 * <p><b>Seller debts.</b> What a seller owes the platform outside its escrows (fees charged from its
 * payable: {@link SellerBalance}, kept by the facade's journal, {@link #tracking}) is taken from
 * the seller's part of its next split and sent to the platform's account in the same split, as a
 * {@link #DEBTS} part; the amount is fixed when the split is recorded, so it is collected once. A
 * refund after release takes back from the seller's sub-account only what the seller got, the rest
 * from the platform's account, and the seller owes it again (docs/funds-models.md, "Seller debts
 * in the splits").
 *
 * <p>Thread-safe: every change goes through the storage's optimistic units of work.
 */
final class ProviderFunds {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProviderFunds.class);
    private static final int ATTEMPTS = 50;
    /** How long after a declined instruction the next attempt waits. */
    static final Duration RETRY_DECLINED = Duration.ofHours(1);
    private static final Duration BACKOFF_BASE = Duration.ofSeconds(30);
    private static final Duration BACKOFF_MAX = Duration.ofHours(1);
    private static final String PREFIX = "fh.";
    private static final String OPEN = "open";

    /** What an instruction does. */
    enum Kind { SPLIT, RETURN, UNFREEZE }

    /** Where an instruction stands; {@code SUCCEEDED} and {@code DECLINED} are final. */
    enum Status {
        NOT_SENT, UNKNOWN, PENDING, SUCCEEDED, DECLINED;

        boolean isFinal() {
            return this == SUCCEEDED || this == DECLINED;
        }
    }

    /**
     * One stream of an instruction: {@code minor} units of a stream ({@code seller}, {@code sales},
     * {@code commission}, {@code service-fee}, {@code payment-fee}, {@code tax} or {@code
     * creator:<party>}) to or from an account at the provider.
     */
    record Part(String stream, FundsAccount.Role role, String token, long minor) {
        FundsAccount account() {
            return new FundsAccount(role, token);
        }
    }

    /**
     * A split, return or unfreeze as recorded: its id, the escrow (or, for an unfreeze, the
     * payment) it is for, its parts (none for an unfreeze), its status and, once succeeded, the
     * amount the provider reported (what an unfreeze released).
     */
    record Instruction(String id, Kind kind, String target, List<Part> parts, Status status, String detail,
            long settledMinor, int checks, Instant nextCheckAt) {
        Instruction {
            parts = List.copyOf(parts);
        }

        long totalMinor() {
            long total = 0;
            for (Part part : parts) {
                total = Exact.add(total, part.minor());
            }
            return total;
        }

        Instruction with(Status next, String why, long settled, int checksNow, Instant nextAt) {
            return new Instruction(id, kind, target, parts, next, why, settled, checksNow, nextAt);
        }
    }

    /**
     * A held buyer payment: the hold's transaction id, the escrows holding its shares and every
     * instruction sent for them. Open (reconciled) until its unfreeze succeeded and while any
     * instruction, such as a return after the unfreeze, is not final.
     */
    record HeldPayment(String paymentId, String hold, String currency, List<String> escrows,
            List<Instruction> instructions, boolean closed) {
        HeldPayment {
            escrows = List.copyOf(escrows);
            instructions = List.copyOf(instructions);
        }

        List<Instruction> of(String escrowId) {
            return instructions.stream().filter(i -> i.target().equals(escrowId)).toList();
        }

        Optional<Instruction> instruction(String id) {
            return instructions.stream().filter(i -> i.id().equals(id)).findFirst();
        }

        HeldPayment withEscrow(String escrowId) {
            if (escrows.contains(escrowId)) {
                return this;
            }
            List<String> more = new ArrayList<>(escrows);
            more.add(escrowId);
            return new HeldPayment(paymentId, hold, currency, more, instructions, closed);
        }

        HeldPayment with(Instruction changed) {
            List<Instruction> next = new ArrayList<>();
            boolean replaced = false;
            for (Instruction i : instructions) {
                if (i.id().equals(changed.id())) {
                    next.add(changed);
                    replaced = true;
                } else {
                    next.add(i);
                }
            }
            if (!replaced) {
                next.add(changed);
            }
            boolean nowClosed = closed || changed.kind() == Kind.UNFREEZE && changed.status() == Status.SUCCEEDED;
            return new HeldPayment(paymentId, hold, currency, escrows, next, nowClosed);
        }
    }

    /** Held payments by payment id; the generic JSON codec at schema version 1. */
    static final AggregateType<String, HeldPayment> TYPE = AggregateType
            .of("provider-held-payment", String.class, HeldPayment.class, Function.identity())
            .withIndex(OPEN, p -> !p.closed() || p.instructions().stream().anyMatch(i -> !i.status().isFinal()) ? OPEN : "");

    /**
     * What a seller owes the platform (negative) or is owed by it (positive) outside its escrows,
     * in one currency, and not settled through splits yet: every posting to the seller's payable
     * by an entry that is not an escrow's or an instruction's (annual fees and their rebates,
     * advertising top-ups, seller-borne carrier charges, late-delivery coupons and fundings), less
     * what splits collected ({@link #DEBTS} parts recorded and not declined), plus what returns
     * gave back of a collection. The next splits of the seller's escrows collect what it owes.
     */
    record SellerBalance(String sellerId, String currency, long minor) {}

    /** Seller balances outside escrows by {@code <seller>/<currency>}; the generic JSON codec at schema version 1. */
    static final AggregateType<String, SellerBalance> BALANCES = AggregateType
            .of("provider-seller-balance", String.class, SellerBalance.class, Function.identity());

    /**
     * A seller's balance outside its escrows ({@link SellerBalance}) as a unit of work reads it:
     * negative when the seller owes the platform fees the next splits collect.
     */
    static long sellerBalance(UnitOfWork uow, String sellerId, CurrencyUnit currency) {
        return uow.repository(BALANCES).find(balanceKey(sellerId, currency)).map(v -> v.value().minor()).orElse(0L);
    }

    private static void adjustBalance(UnitOfWork uow, String sellerId, CurrencyUnit currency, long delta) {
        if (delta == 0) {
            return;
        }
        Repository<String, SellerBalance> repo = uow.repository(BALANCES);
        String key = balanceKey(sellerId, currency);
        Optional<Versioned<SellerBalance>> found = repo.find(key);
        if (found.isEmpty()) {
            repo.insert(key, new SellerBalance(sellerId, currency.getCurrencyCode(), delta));
        } else {
            repo.update(key, new SellerBalance(sellerId, currency.getCurrencyCode(),
                    Exact.add(found.get().value().minor(), delta)), found.get().version());
        }
    }

    private static String balanceKey(String sellerId, CurrencyUnit currency) {
        return sellerId + "/" + currency.getCurrencyCode();
    }

    /**
     * The facade's journal with provider-held funds: the same journal, which also keeps each
     * seller's {@link SellerBalance} in the unit of work of every entry that posts to the seller's
     * payable and is not an escrow's (reference kind {@code ESCROW}, which the instructions' entries
     * use too). So whatever command charges a seller's payable, the next split collects it.
     */
    static TransactionalJournal tracking(TransactionalJournal journal) {
        return journal instanceof Tracking ? journal : new Tracking(journal);
    }

    private static final class Tracking implements TransactionalJournal {
        private final TransactionalJournal journal;

        Tracking(TransactionalJournal journal) {
            this.journal = journal;
        }

        @Override
        public PostResult post(UnitOfWork uow, JournalEntry entry) {
            PostResult result = journal.post(uow, entry);
            boolean escrows = entry.reference().map(r -> r.kind() == EntryReference.Kind.ESCROW).orElse(false);
            if (result instanceof PostResult.Posted && !escrows) {
                for (dev.mercato.core.ledger.Posting p : entry.postings()) {
                    if (p.account() instanceof Account.SellerPayable payable) {
                        adjustBalance(uow, payable.sellerId(), p.currency(), MinorUnits.toMinor(p.amount()));
                    }
                }
            }
            return result;
        }

        @Override
        public MonetaryAmount balance(UnitOfWork uow, Account account, CurrencyUnit currency) {
            return journal.balance(uow, account, currency);
        }

        @Override
        public Storage storage() {
            return journal.storage();
        }

        @Override
        public Optional<JournalEntry> entry(String key) {
            return journal.entry(key);
        }

        @Override
        public List<JournalEntry> entries() {
            return journal.entries();
        }

        @Override
        public MonetaryAmount balance(Account account, CurrencyUnit currency) {
            return journal.balance(account, currency);
        }

        @Override
        public Map<Account, Map<CurrencyUnit, MonetaryAmount>> balances() {
            return journal.balances();
        }

        @Override
        public dev.mercato.core.ledger.AccountStatement statement(Account account, CurrencyUnit currency, Instant from,
                Instant to) {
            return journal.statement(account, currency, from, to);
        }

        @Override
        public String toString() {
            return journal.toString();
        }
    }

    private final HeldFundsProvider provider;
    private final FundsAccounts accounts;
    private final Storage storage;
    private final TransactionalJournal journal;
    private final Clock clock;
    private final Supplier<EscrowService> escrows;

    ProviderFunds(HeldFundsProvider provider, FundsAccounts accounts, Storage storage, TransactionalJournal journal,
            Clock clock, Supplier<EscrowService> escrows) {
        this.provider = provider;
        this.accounts = accounts;
        this.storage = storage;
        this.journal = journal;
        this.clock = clock;
        this.escrows = escrows;
    }

    HeldFundsProvider provider() {
        return provider;
    }

    // ------------------------------------------------------------------ checkout

    /** The checkout's sale as a held sale: frozen at the provider, the platform's account settling it. */
    PaymentOutcome holdSale(TransactionId id, MonetaryAmount total, PaymentSource source, String reference) {
        return provider.holdSale(new HoldRequest(id, total, source, reference, accounts.platform()));
    }

    /** Records, in the capture's unit of work, that an escrow holds a share of a held payment. */
    void register(UnitOfWork uow, BuyerPayment payment, String escrowId) {
        Repository<String, HeldPayment> repo = uow.repository(TYPE);
        Optional<Versioned<HeldPayment>> found = repo.find(payment.paymentId());
        if (found.isEmpty()) {
            repo.insert(payment.paymentId(), new HeldPayment(payment.paymentId(), payment.lastAttempt().orElseThrow(),
                    payment.total().getCurrency().getCurrencyCode(), List.of(escrowId), List.of(), false));
            return;
        }
        HeldPayment next = found.get().value().withEscrow(escrowId);
        if (next != found.get().value()) {
            repo.update(payment.paymentId(), next, found.get().version());
        }
    }

    // ------------------------------------------------------------------ after commands

    /**
     * Brings an order's escrow's instructions up to what it released, then closes the payment's
     * hold if everything is settled. Never throws: what fails is retried by {@link #reconcile}.
     */
    void afterCommit(OrderId order) {
        try {
            Optional<String> payment = storage.inTransaction(uow -> uow.repository(Orders.TYPE).find(order))
                    .map(v -> v.value().facts().paymentId());
            if (payment.isEmpty()) {
                return;
            }
            String escrowId = Guarantee.escrowId(order);
            for (String hold : holdsOf(payment.get(), escrowId)) {
                sync(hold, escrowId);
                unfreezeIfSettled(hold);
            }
        } catch (RuntimeException e) {
            LOG.warn("instructing the provider for order {} failed; runDueTimers retries", order, e);
        }
    }

    /**
     * Whether a refund of an escrow may go to the provider: every return the escrow needs (money
     * it released and a refund after release took back) has succeeded, so the provider holds the
     * money again. Sends what is missing first.
     */
    boolean readyToRefund(String escrowId) {
        Optional<String> payment = paymentOf(escrowId);
        if (payment.isEmpty()) {
            return true;
        }
        java.util.Set<String> holds = holdsOf(payment.get(), escrowId);
        for (String hold : holds) {
            sync(hold, escrowId);
        }
        return storage.inTransaction(uow -> {
            Optional<Escrow> escrow = escrows.get().find(uow, escrowId);
            if (escrow.isEmpty()) {
                return true;
            }
            List<ProviderOperation> operations = escrows.get().operations(uow, escrowId);
            for (String hold : holds) {
                Optional<HeldPayment> held = uow.repository(TYPE).find(hold).map(Versioned::value);
                if (held.isEmpty()) {
                    continue;
                }
                List<Instruction> mine = held.get().of(escrowId);
                if (mine.stream().anyMatch(i -> !i.status().isFinal())) {
                    return false;
                }
                Map<String, Long> target = targets(escrow.get(), operations, hold);
                for (Map.Entry<String, Long> sent : sent(mine).entrySet()) {
                    if (sent.getValue() > target.getOrDefault(sent.getKey(), 0L)) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /**
     * The holds an escrow's money is part of: the checkout's payment, and for an order paid in
     * stages its balance sale once it succeeded (a held sale of its own, recorded here as a held
     * payment of that one escrow the first time it is seen).
     */
    java.util.Set<String> holdsOf(String paymentId, String escrowId) {
        return storage.inTransaction(ATTEMPTS, uow -> {
            java.util.Set<String> holds = new java.util.LinkedHashSet<>();
            holds.add(paymentId);
            Repository<String, HeldPayment> repo = uow.repository(TYPE);
            for (ProviderOperation op : escrows.get().operations(uow, escrowId)) {
                if (op.kind() != ProviderOperation.Kind.PAYMENT || !dev.mercato.core.escrow.EscrowService.isBalanceSale(op.transactionId())
                        || !(op.outcome() instanceof PaymentOutcome.Succeeded)) {
                    continue;
                }
                String hold = op.transactionId().value();
                holds.add(hold);
                if (repo.find(hold).isEmpty()) {
                    repo.insert(hold, new HeldPayment(hold, hold, op.amount().getCurrency().getCurrencyCode(),
                            List.of(escrowId), List.of(), false));
                }
            }
            return holds;
        }, dev.mercato.core.event.EventPublisher.none());
    }

    /** The payment whose hold an escrow's money is part of. */
    private Optional<String> paymentOf(String escrowId) {
        return storage.inTransaction(uow -> uow.repository(Orders.TYPE).find(new OrderId(escrowId)))
                .map(v -> v.value().facts().paymentId());
    }

    // ------------------------------------------------------------------ reconciliation

    /**
     * Sends what was recorded and not sent, asks the provider about every open instruction whose
     * check is due (sending it again, same id, when the provider has no record of it), brings
     * every open payment's escrows up to date and closes settled holds.
     *
     * @return how many instructions were sent or checked
     */
    int reconcile() {
        Instant now = clock.instant();
        List<HeldPayment> open = storage.inTransaction(uow -> uow.repository(TYPE).findBy(OPEN, OPEN)).stream()
                .map(Versioned::value).toList();
        int checked = 0;
        for (HeldPayment payment : open) {
            for (Instruction i : payment.instructions()) {
                if (i.status().isFinal() || i.status() != Status.NOT_SENT && i.nextCheckAt().isAfter(now)) {
                    continue;
                }
                // Asked first even when recorded as not sent: a crash after the provider took it and
                // before its answer was recorded must not send it twice (query sends it only when the
                // provider has no record of the id).
                PaymentOutcome outcome = query(payment, i);
                record(payment.paymentId(), i.id(), outcome, i.status() != Status.NOT_SENT);
                checked++;
            }
            try {
                java.util.Set<String> holds = new java.util.LinkedHashSet<>();
                for (String escrowId : payment.escrows()) {
                    for (String hold : holdsOf(payment.paymentId(), escrowId)) {
                        checked += sync(hold, escrowId);
                        holds.add(hold);
                    }
                }
                for (String hold : holds) {
                    checked += unfreezeIfSettled(hold);
                }
            } catch (RuntimeException e) {
                LOG.warn("instructing the provider for payment {} failed; the next run retries", payment.paymentId(), e);
            }
        }
        return checked;
    }

    private PaymentOutcome query(HeldPayment payment, Instruction i) {
        try {
            Optional<PaymentOutcome> status = provider.status(new TransactionId(i.id()));
            // No record: nothing moved under this id; the same id is sent again, so it happens once.
            return status.isPresent() ? status.get() : send(payment, i);
        } catch (RuntimeException e) {
            return new PaymentOutcome.Unknown(new TransactionId(i.id()), "status query failed: " + e);
        }
    }

    // ------------------------------------------------------------------ instructing

    /**
     * Records the instructions that bring one escrow's accounts to what it released, with their
     * "sent" entries, then sends every instruction of the escrow not sent yet.
     *
     * @return how many instructions were sent
     */
    private int sync(String paymentId, String escrowId) {
        Instant now = clock.instant();
        // Instructions recorded by an earlier call and still not sent may have reached the provider
        // before that call stopped (its answer lost): they are asked about first, never sent blind.
        java.util.Set<String> earlier = new java.util.HashSet<>();
        List<Instruction> toSend = storage.inTransaction(ATTEMPTS, uow -> {
            earlier.clear();
            Repository<String, HeldPayment> repo = uow.repository(TYPE);
            Optional<Versioned<HeldPayment>> found = repo.find(paymentId);
            Optional<Escrow> escrow = escrows.get().find(uow, escrowId);
            if (found.isEmpty() || escrow.isEmpty()) {
                return List.<Instruction>of();
            }
            HeldPayment held = found.get().value();
            List<Instruction> mine = held.of(escrowId);
            if (mine.stream().anyMatch(i -> !i.status().isFinal())) {
                List<Instruction> notSent = mine.stream().filter(i -> i.status() == Status.NOT_SENT).toList();
                notSent.forEach(i -> earlier.add(i.id()));
                return notSent;
            }
            if (mine.stream().anyMatch(i -> i.status() == Status.DECLINED && i.nextCheckAt().isAfter(now))) {
                return List.<Instruction>of();
            }
            EscrowTerms terms = escrow.get().terms();
            long owed = terms.selfOperated() ? 0 : Math.max(0, -sellerBalance(uow, terms.sellerId(), terms.currency()));
            List<Instruction> created = instructionsFor(escrow.get(), escrows.get().operations(uow, escrowId), mine,
                    held, owed, now);
            if (created.isEmpty()) {
                return List.<Instruction>of();
            }
            // What the splits collect of the seller's debts is settled when they are recorded (a
            // declined one gives it back), so no other split collects it again.
            long collected = 0;
            for (Instruction i : created) {
                if (i.kind() == Kind.SPLIT) {
                    collected = Exact.add(collected, debts(i));
                }
            }
            adjustBalance(uow, terms.sellerId(), terms.currency(), collected);
            HeldPayment next = held;
            for (Instruction i : created) {
                next = next.with(i);
                post(uow, sentEntry(escrow.get().terms(), i, now));
            }
            repo.update(paymentId, next, found.get().version());
            return created;
        }, dev.mercato.core.event.EventPublisher.none());
        if (toSend.isEmpty()) {
            return 0;
        }
        HeldPayment payment = storage.inTransaction(uow -> uow.repository(TYPE).find(paymentId)).orElseThrow().value();
        for (Instruction i : toSend) {
            record(paymentId, i.id(), earlier.contains(i.id()) ? query(payment, i) : send(payment, i), false);
        }
        return toSend.size();
    }

    /** The new instructions of an escrow whose earlier ones are all final: returns, then splits. */
    private List<Instruction> instructionsFor(Escrow escrow, List<ProviderOperation> operations, List<Instruction> mine,
            HeldPayment held, long owed, Instant now) {
        EscrowTerms terms = escrow.terms();
        Map<String, Long> target = targets(escrow, operations, held.paymentId());
        // A balance sale's own hold: its instructions' ids say so, apart from the checkout hold's.
        String tag = held.paymentId().equals(held.hold()) && dev.mercato.core.escrow.EscrowService.isBalanceSale(new TransactionId(held.hold()))
                ? "b" : "";
        Map<String, Long> sent = sent(mine);
        Map<String, FundsAccount> sentTo = lastAccounts(mine);
        Map<FundsAccount, List<Part>> returns = new LinkedHashMap<>();
        Map<FundsAccount, List<Part>> splits = new LinkedHashMap<>();
        java.util.Set<String> streams = new java.util.LinkedHashSet<>(target.keySet());
        streams.addAll(sent.keySet());
        long toCollect = owed;
        for (String stream : streams) {
            long delta = target.getOrDefault(stream, 0L) - sent.getOrDefault(stream, 0L);
            if (delta < 0 && stream.equals(SELLER)) {
                // Back from the seller's sub-account only what the seller got; the rest was its debt
                // the split collected, back from the platform's account (the seller owes it again).
                long fromSeller = Math.min(-delta, sellerGot(mine));
                if (fromSeller > 0) {
                    FundsAccount from = sentTo.get(SELLER);
                    returns.computeIfAbsent(from, a -> new ArrayList<>()).add(new Part(SELLER, from.role(), from.token(),
                            fromSeller));
                }
                if (-delta - fromSeller > 0) {
                    FundsAccount platform = accounts.platform();
                    returns.computeIfAbsent(platform, a -> new ArrayList<>()).add(new Part(DEBTS, platform.role(),
                            platform.token(), -delta - fromSeller));
                }
            } else if (delta < 0) {
                FundsAccount from = sentTo.get(stream);
                returns.computeIfAbsent(from, a -> new ArrayList<>()).add(new Part(stream, from.role(), from.token(), -delta));
            } else if (delta > 0) {
                Optional<FundsAccount> to = recipient(terms, stream);
                if (to.isEmpty()) {
                    LOG.warn("escrow {}: no account at the provider for {}; its {} minor units stay held until one is"
                            + " known", escrow.id(), stream, delta);
                    continue;
                }
                long collect = stream.equals(SELLER) ? Math.min(toCollect, delta) : 0;
                toCollect -= collect;
                if (delta - collect > 0) {
                    splits.computeIfAbsent(to.get(), a -> new ArrayList<>()).add(new Part(stream, to.get().role(),
                            to.get().token(), delta - collect));
                }
                if (collect > 0) {
                    FundsAccount platform = accounts.platform();
                    splits.computeIfAbsent(platform, a -> new ArrayList<>()).add(new Part(DEBTS, platform.role(),
                            platform.token(), collect));
                }
            }
        }
        List<Instruction> created = new ArrayList<>();
        int n = mine.size();
        for (List<Part> parts : returns.values()) {
            created.add(new Instruction(PREFIX + escrow.id() + "." + tag + "r" + (++n), Kind.RETURN, escrow.id(), parts,
                    Status.NOT_SENT, "", 0, 0, now));
        }
        int max = Math.max(1, provider.heldFundsCapabilities().maxPartsPerSplit());
        List<List<Part>> accountsParts = new ArrayList<>(splits.values());
        for (int from = 0; from < accountsParts.size(); from += max) {
            List<Part> parts = new ArrayList<>();
            accountsParts.subList(from, Math.min(accountsParts.size(), from + max)).forEach(parts::addAll);
            created.add(new Instruction(PREFIX + escrow.id() + "." + tag + "s" + (++n), Kind.SPLIT, escrow.id(), parts,
                    Status.NOT_SENT, "", 0, 0, now));
        }
        return created;
    }

    /** Who receives a stream: the seller's or a creator's sub-account, or the platform's account. */
    private Optional<FundsAccount> recipient(EscrowTerms terms, String stream) {
        if (stream.equals(SELLER)) {
            return accounts.seller(terms.sellerId());
        }
        if (stream.startsWith(CREATOR)) {
            return accounts.creator(stream.substring(CREATOR.length()));
        }
        return Optional.of(accounts.platform());
    }

    private static final String SELLER = "seller";
    private static final String SALES = "sales";
    private static final String COMMISSION = "commission";
    private static final String SERVICE_FEE = "service-fee";
    private static final String PAYMENT_FEE = "payment-fee";
    private static final String TAX = "tax";
    private static final String CREATOR = "creator:";
    /**
     * The stream of a seller's net that a split sends to the platform's account instead of the
     * seller's sub-account: what the seller owed the platform outside its escrows ({@link
     * SellerBalance}). It counts as the seller's stream when a split is compared with its target.
     */
    static final String DEBTS = "seller-debts";

    /** The {@link #DEBTS} units of an instruction. */
    private static long debts(Instruction i) {
        long total = 0;
        for (Part part : i.parts()) {
            if (part.stream().equals(DEBTS)) {
                total = Exact.add(total, part.minor());
            }
        }
        return total;
    }

    /** What the seller's sub-account got from succeeded instructions: seller parts of splits less returns. */
    private static long sellerGot(List<Instruction> instructions) {
        long got = 0;
        for (Instruction i : instructions) {
            if (i.status() != Status.SUCCEEDED || i.kind() == Kind.UNFREEZE) {
                continue;
            }
            for (Part part : i.parts()) {
                if (part.stream().equals(SELLER)) {
                    got = Exact.add(got, i.kind() == Kind.SPLIT ? part.minor() : -part.minor());
                }
            }
        }
        return got;
    }

    /**
     * What an escrow's released money (not taken back) should have sent, per stream: the seller's
     * net less the platform's subsidy inside it (the subsidy is the platform's own money, never in
     * the hold: it stays payable to the seller), or for the platform's own store all of it as
     * sales; commission, service fee, payment fee and tax; each creator's share. They sum to the
     * buyer's money released. A stream that would be negative (a subsidy larger than the seller's
     * net) is zero and takes its shortfall from the next streams, in this order.
     */
    static Map<String, Long> targets(Escrow escrow) {
        EscrowFunds f = escrow.funds();
        EscrowTerms t = escrow.terms();
        Map<String, Long> target = new LinkedHashMap<>();
        long net = MinorUnits.toMinor(f.sellerNet());
        long commission = MinorUnits.toMinor(f.commission());
        long serviceFee = MinorUnits.toMinor(f.serviceFee());
        long paymentFee = MinorUnits.toMinor(f.paymentFee());
        long subsidy = MinorUnits.toMinor(f.platformSubsidy());
        if (t.selfOperated()) {
            target.put(SALES, Exact.sum(net, commission, serviceFee, paymentFee) - subsidy);
        } else {
            target.put(SELLER, net - subsidy);
            target.put(COMMISSION, commission);
            target.put(SERVICE_FEE, serviceFee);
            target.put(PAYMENT_FEE, paymentFee);
        }
        target.put(TAX, MinorUnits.toMinor(f.tax()));
        List<CreatorShare> shares = t.deductions().shares();
        for (int i = 0; i < shares.size(); i++) {
            target.merge(CREATOR + shares.get(i).partyId(), MinorUnits.toMinor(f.share(i)), Exact::add);
        }
        long carry = 0;
        for (Map.Entry<String, Long> e : target.entrySet()) {
            long v = Exact.add(e.getValue(), carry);
            carry = Math.min(0, v);
            e.setValue(Math.max(0, v));
        }
        return target;
    }

    /**
     * What {@link #targets(Escrow)} sends from one of the escrow's holds. An escrow paid in full
     * (or whose balance was never paid) has one, the checkout's, and sends everything from it. An
     * escrow paid in stages also has its balance sale's hold: what the balance still holds (its
     * capture less the refunds of the balance's sale, {@code -b}) is its share of what the
     * escrow keeps (captured less refunded); that share of the released money comes from the
     * balance's hold, stream by stream in the targets' order, and the rest from the checkout's.
     * Once everything is released each hold sends exactly what it still holds.
     *
     * @param escrow the escrow
     * @param operations its provider operations (its sales and refunds)
     * @param hold the hold's payment id: the checkout's payment id or a balance sale's transaction id
     * @return the minor units per stream the hold sends
     */
    static Map<String, Long> targets(Escrow escrow, List<ProviderOperation> operations, String hold) {
        Map<String, Long> all = targets(escrow);
        java.util.Set<String> resent = new java.util.HashSet<>();
        for (ProviderOperation op : operations) {
            if (op.transactionId().value().endsWith(AGAIN)) {
                String value = op.transactionId().value();
                resent.add(value.substring(0, value.length() - AGAIN.length()));
            }
        }
        long balanceHeld = 0;
        for (ProviderOperation op : operations) {
            if (op.kind() == ProviderOperation.Kind.PAYMENT && dev.mercato.core.escrow.EscrowService.isBalanceSale(op.transactionId())
                    && op.outcome() instanceof PaymentOutcome.Succeeded) {
                balanceHeld = Exact.add(balanceHeld, MinorUnits.toMinor(op.amount()));
            } else if (op.kind() == ProviderOperation.Kind.REFUND && refundsBalance(op.transactionId())
                    && !resent.contains(op.transactionId().value())) {
                balanceHeld -= MinorUnits.toMinor(op.amount());
            }
        }
        long kept = MinorUnits.toMinor(escrow.funds().captured()) - MinorUnits.toMinor(escrow.funds().refunded());
        long total = 0;
        for (long v : all.values()) {
            total = Exact.add(total, v);
        }
        long fromBalance = balanceHeld <= 0 || kept <= 0 ? 0
                : java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(Math.min(balanceHeld, kept)))
                        .divide(java.math.BigInteger.valueOf(kept)).longValueExact();
        boolean balanceHold = dev.mercato.core.escrow.EscrowService.isBalanceSale(new TransactionId(hold));
        Map<String, Long> mine = new LinkedHashMap<>();
        long left = fromBalance;
        for (Map.Entry<String, Long> e : all.entrySet()) {
            long b = Math.min(left, e.getValue());
            left -= b;
            mine.put(e.getKey(), balanceHold ? b : e.getValue() - b);
        }
        return mine;
    }

    private static final String AGAIN = "-again";

    /** Whether an escrow's refund returns its balance's sale ({@code ...-b}, {@code ...-b-again}). */
    private static boolean refundsBalance(TransactionId id) {
        String value = id.value();
        String last = value.substring(value.lastIndexOf('.') + 1);
        return last.endsWith("-b") || last.endsWith("-b" + AGAIN);
    }

    /**
     * What the succeeded instructions sent, per stream: splits less returns; a {@link #DEBTS}
     * part counts as the seller's (it is the seller's net, paid to the platform for its debts).
     */
    private static Map<String, Long> sent(List<Instruction> instructions) {
        Map<String, Long> sent = new LinkedHashMap<>();
        for (Instruction i : instructions) {
            if (i.status() != Status.SUCCEEDED || i.kind() == Kind.UNFREEZE) {
                continue;
            }
            for (Part part : i.parts()) {
                String stream = part.stream().equals(DEBTS) ? SELLER : part.stream();
                sent.merge(stream, i.kind() == Kind.SPLIT ? part.minor() : -part.minor(), Exact::add);
            }
        }
        return sent;
    }

    /** The account each stream's latest succeeded split went to: where a return takes it from. */
    private static Map<String, FundsAccount> lastAccounts(List<Instruction> instructions) {
        Map<String, FundsAccount> to = new LinkedHashMap<>();
        for (Instruction i : instructions) {
            if (i.kind() == Kind.SPLIT && i.status() == Status.SUCCEEDED) {
                i.parts().forEach(part -> to.put(part.stream(), part.account()));
            }
        }
        return to;
    }

    private PaymentOutcome send(HeldPayment payment, Instruction i) {
        TransactionId id = new TransactionId(i.id());
        TransactionId hold = new TransactionId(payment.hold());
        CurrencyUnit currency = Monetary.getCurrency(payment.currency());
        try {
            if (i.kind() == Kind.UNFREEZE) {
                return provider.unfreeze(new UnfreezeRequest(id, hold, "payment " + payment.paymentId() + " settled"));
            }
            Map<FundsAccount, Long> byAccount = new LinkedHashMap<>();
            i.parts().forEach(part -> byAccount.merge(part.account(), part.minor(), Exact::add));
            if (i.kind() == Kind.RETURN) {
                Map.Entry<FundsAccount, Long> from = byAccount.entrySet().iterator().next();
                return provider.returnFunds(new ReturnRequest(id, hold, from.getKey(),
                        MinorUnits.toAmount(from.getValue(), currency), "refund of order " + i.target()));
            }
            List<SplitPart> parts = new ArrayList<>();
            byAccount.forEach((account, minor) -> parts.add(new SplitPart(account, MinorUnits.toAmount(minor, currency),
                    "order " + i.target())));
            return provider.split(new SplitRequest(id, hold, parts));
        } catch (InvalidPaymentRequestException refused) {
            // Refused before anything moved: declined, and tried again later under a new id.
            return new PaymentOutcome.Declined(id, DeclineReason.REFUSED, refused.problem().name(), refused.getMessage());
        } catch (RuntimeException e) {
            // Unknown, never failed: the money may have moved; status tells.
            return new PaymentOutcome.Unknown(id, "provider call failed: " + e);
        }
    }

    /** Folds a reported outcome into its instruction and posts what it means. */
    private void record(String paymentId, String instructionId, PaymentOutcome reported, boolean check) {
        Instant now = clock.instant();
        storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, HeldPayment> repo = uow.repository(TYPE);
            Optional<Versioned<HeldPayment>> found = repo.find(paymentId);
            if (found.isEmpty() || found.get().value().instruction(instructionId).isEmpty()) {
                return null;
            }
            HeldPayment held = found.get().value();
            Instruction i = held.instruction(instructionId).get();
            if (i.status().isFinal()) {
                if (reported.isFinal() && (reported instanceof PaymentOutcome.Succeeded) != (i.status() == Status.SUCCEEDED)) {
                    LOG.error("provider contradicts itself on {}: keeping {}", instructionId, i.status());
                }
                return null;
            }
            int checks = check ? i.checks() + 1 : i.checks();
            Instruction next;
            if (reported instanceof PaymentOutcome.Succeeded s) {
                long amount = MinorUnits.toMinor(s.amount(), Monetary.getCurrency(held.currency()));
                if (i.kind() != Kind.UNFREEZE && amount != i.totalMinor()) {
                    LOG.error("instruction {}: the provider answered {} for {} minor units; the answer changes nothing",
                            instructionId, s.amount(), i.totalMinor());
                    return null;
                }
                next = i.with(Status.SUCCEEDED, s.providerReference(), amount, checks, now);
            } else if (reported instanceof PaymentOutcome.Declined d) {
                next = i.with(Status.DECLINED, d.reason() + " " + d.message(), 0, checks, now.plus(RETRY_DECLINED));
            } else {
                Status status = reported instanceof PaymentOutcome.Pending ? Status.PENDING : Status.UNKNOWN;
                next = i.with(status, reported.toString(), 0, checks, now.plus(backoff(checks)));
            }
            repo.update(paymentId, held.with(next), found.get().version());
            if (next.status().isFinal()) {
                Optional<EscrowTerms> terms = i.kind() == Kind.UNFREEZE ? Optional.empty()
                        : escrows.get().find(uow, i.target()).map(Escrow::terms);
                finalEntry(held, terms, next, now).ifPresent(entry -> post(uow, entry));
                long debts = debts(i);
                boolean givenBack = i.kind() == Kind.SPLIT && next.status() == Status.DECLINED
                        || i.kind() == Kind.RETURN && next.status() == Status.SUCCEEDED;
                if (debts > 0 && givenBack) {
                    // A declined split collected nothing; a succeeded return gave a collection back.
                    adjustBalance(uow, terms.orElseThrow().sellerId(), terms.get().currency(), -debts);
                }
            }
            return null;
        }, dev.mercato.core.event.EventPublisher.none());
    }

    private static Duration backoff(int checks) {
        Duration d = BACKOFF_BASE.multipliedBy(1L << Math.min(checks, 20));
        return d.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : d;
    }

    // ------------------------------------------------------------------ closing a payment's hold

    /**
     * Unfreezes a payment's hold once every escrow holding a share of it is settled (released,
     * refunded or closed), every instruction and refund of theirs is final and nothing more is to
     * be split: what the provider still holds then is no order's money.
     *
     * @return 1 if an unfreeze was sent, else 0
     */
    private int unfreezeIfSettled(String paymentId) {
        Instant now = clock.instant();
        Optional<HeldPayment> found = storage.inTransaction(uow -> uow.repository(TYPE).find(paymentId)).map(Versioned::value);
        if (found.isEmpty() || found.get().closed() || !provider.heldFundsCapabilities()
                .supports(dev.mercato.payments.HeldFundsCapabilities.Part.UNFREEZE)) {
            return 0;
        }
        HeldPayment held = found.get();
        EscrowService service = escrows.get();
        for (String escrowId : held.escrows()) {
            Optional<Escrow> escrow = service.find(escrowId);
            if (escrow.isEmpty() || !(escrow.get() instanceof Released || escrow.get() instanceof Refunded
                    || escrow.get() instanceof Closed)) {
                return 0;
            }
            if (service.operations(escrowId).stream().anyMatch(op -> !op.isFinal()
                    || op.kind() == ProviderOperation.Kind.REFUND && op.outcome() instanceof PaymentOutcome.Declined)) {
                return 0;
            }
            List<Instruction> mine = held.of(escrowId);
            if (mine.stream().anyMatch(i -> !i.status().isFinal())) {
                return 0;
            }
            Map<String, Long> target = targets(escrow.get(), service.operations(escrowId), paymentId);
            Map<String, Long> sent = sent(mine);
            java.util.Set<String> streams = new java.util.HashSet<>(target.keySet());
            streams.addAll(sent.keySet());
            for (String stream : streams) {
                if (!target.getOrDefault(stream, 0L).equals(sent.getOrDefault(stream, 0L))) {
                    return 0;
                }
            }
        }
        List<Instruction> unfreezes = held.instructions().stream().filter(i -> i.kind() == Kind.UNFREEZE).toList();
        if (unfreezes.stream().anyMatch(i -> !i.status().isFinal() || i.nextCheckAt().isAfter(now))) {
            return 0;
        }
        Instruction unfreeze = new Instruction(PREFIX + paymentId + ".u" + (unfreezes.size() + 1), Kind.UNFREEZE,
                paymentId, List.of(), Status.NOT_SENT, "", 0, 0, now);
        boolean created = storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, HeldPayment> repo = uow.repository(TYPE);
            Versioned<HeldPayment> current = repo.find(paymentId).orElseThrow();
            if (!current.value().instructions().equals(held.instructions())) {
                return false;
            }
            repo.update(paymentId, current.value().with(unfreeze), current.version());
            return true;
        }, dev.mercato.core.event.EventPublisher.none());
        if (!created) {
            return 0;
        }
        record(paymentId, unfreeze.id(), send(held, unfreeze), false);
        return 1;
    }

    // ------------------------------------------------------------------ payouts by the provider

    /** The scope of a recorded provider payout's idempotency key. */
    static final String PAYOUT_SCOPE = "provider-payout";
    /** Journal keys of recorded provider payouts: {@code funds:payout:<payee>:<provider reference>}. */
    static final String PAYOUT_KEY = "funds:payout:";
    /** The event of a recorded provider payout's entry (reference kind PAYOUT, aggregate: the payee's id). */
    static final String PAYOUT_EVENT = "provider-payout";

    /**
     * Records a payout the provider made from a seller's or creator's sub-account to the party's
     * bank (a withdrawal or settlement it reported): the sub-account's mirror in the journal goes
     * down, {@code Payouts} (money that left for the party's bank) up. Once per provider reference;
     * a replay with the same content returns the first result, other content under the same
     * reference is refused. Refused, changing nothing, when the party has no sub-account or the
     * payout is more than the ledger says the sub-account holds (what splits sent less returns
     * and earlier payouts).
     */
    Payouts.ProviderPayout recordPayout(dev.mercato.core.settlement.Payee payee, MonetaryAmount amount, String reference) {
        Instant now = clock.instant();
        String role = payee instanceof dev.mercato.core.settlement.Payee.Seller ? "seller" : "creator";
        dev.mercato.core.storage.IdempotencyKey key = dev.mercato.core.storage.IdempotencyKey.of(PAYOUT_SCOPE,
                role + ":" + payee.id(), reference);
        String fingerprint = "amount=" + amount.getCurrency().getCurrencyCode() + " " + MinorUnits.toMinor(amount);
        return storage.inTransaction(ATTEMPTS, uow -> {
            Optional<String> done;
            try {
                done = uow.idempotency().find(key, fingerprint, String.class);
            } catch (dev.mercato.core.storage.IdempotencyKeyReusedException reused) {
                return new Payouts.ProviderPayout.Refused(Payouts.ProviderPayout.Reason.REFERENCE_REUSED, "provider reference "
                        + reference + " was recorded for " + payee + " with another amount; nothing recorded");
            }
            if (done.isPresent()) {
                return recorded(payee, amount, reference, Instant.parse(done.get()));
            }
            Optional<FundsAccount> account = payee instanceof dev.mercato.core.settlement.Payee.Seller
                    ? accounts.seller(payee.id()) : accounts.creator(payee.id());
            if (account.isEmpty()) {
                return new Payouts.ProviderPayout.Refused(Payouts.ProviderPayout.Reason.NO_SUB_ACCOUNT, payee
                        + " has no sub-account at the provider (FundsAccounts): nothing was split to it to pay out");
            }
            Account sub = Account.providerSubAccount(role, account.get().token());
            long holds = MinorUnits.toMinor(journal.balance(uow, sub, amount.getCurrency()));
            long paid = MinorUnits.toMinor(amount);
            if (paid > holds) {
                return new Payouts.ProviderPayout.Refused(Payouts.ProviderPayout.Reason.EXCEEDS_SUB_ACCOUNT, "a payout of "
                        + amount + " from " + account.get() + " is more than the ledger says it holds ("
                        + MinorUnits.toAmount(holds, amount.getCurrency()) + ": splits less returns and earlier payouts);"
                        + " reconcile the sub-account with the provider first");
            }
            JournalEntry entry = JournalEntry.builder(PAYOUT_KEY + role + ":" + payee.id() + ":" + reference, now,
                            "provider payout " + reference + " from " + account.get().token() + " to " + payee)
                    .reference(new EntryReference(EntryReference.Kind.PAYOUT, role + ":" + payee.id(), 0, PAYOUT_EVENT))
                    .minor(sub, amount.getCurrency(), -paid)
                    .minor(Account.payouts(), amount.getCurrency(), paid).build();
            post(uow, entry);
            uow.idempotency().remember(key, fingerprint, now.toString());
            return recorded(payee, amount, reference, now);
        }, dev.mercato.core.event.EventPublisher.none());
    }

    private static Payouts.ProviderPayout recorded(dev.mercato.core.settlement.Payee payee, MonetaryAmount amount,
            String reference, Instant at) {
        TransactionId id = new TransactionId(reference);
        return new Payouts.ProviderPayout.Recorded(new dev.mercato.core.settlement.Payout(id, payee, amount,
                new PaymentOutcome.Succeeded(id, amount, reference), 0, at));
    }

    /** The payouts recorded for a payee with {@link #recordPayout}, oldest first, read from the journal. */
    List<dev.mercato.core.settlement.Payout> payouts(dev.mercato.core.settlement.Payee payee) {
        String role = payee instanceof dev.mercato.core.settlement.Payee.Seller ? "seller" : "creator";
        String prefix = PAYOUT_KEY + role + ":" + payee.id() + ":";
        List<dev.mercato.core.settlement.Payout> out = new ArrayList<>();
        for (JournalEntry e : journal.entries()) {
            if (!e.key().startsWith(prefix)) {
                continue;
            }
            for (dev.mercato.core.ledger.Posting p : e.postings()) {
                if (p.account() instanceof Account.Payouts) {
                    Payouts.ProviderPayout r = recorded(payee, p.amount(), e.key().substring(prefix.length()), e.at());
                    out.add(((Payouts.ProviderPayout.Recorded) r).payout());
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the journal's mirror

    /**
     * The obligation a stream's money comes from when a split sends it (and goes back to when a
     * return succeeds): the seller's or creator's payable, or the platform's revenue stream or
     * tax payable. A {@link #DEBTS} part only passes through transit: it comes from, and arrives
     * at, the platform's own account at the provider ({@code ProviderSubAccount(platform)}, zero
     * once it succeeded), since the revenue (or the carrier's, advertising or credit balance) it
     * pays was booked when the fee was charged and the seller's payable was left what it owed.
     */
    private Account obligation(EscrowTerms terms, String stream) {
        return switch (stream) {
            case DEBTS -> Account.providerSubAccount("platform", accounts.platform().token());
            case SELLER -> Account.sellerPayable(terms.sellerId());
            case SALES -> Account.revenue(RevenueStream.SALES);
            case COMMISSION -> Account.revenue(RevenueStream.COMMISSION);
            case SERVICE_FEE -> Account.revenue(RevenueStream.SERVICE_FEE);
            case PAYMENT_FEE -> Account.revenue(RevenueStream.PAYMENT_FEE);
            case TAX -> Account.taxPayable();
            default -> Account.creatorPayable(stream.substring(CREATOR.length()));
        };
    }

    /**
     * Where a stream's money is once a split delivered it: a seller's or creator's sub-account,
     * or, for the platform's account, the revenue stream (or tax payable) itself, which is then
     * the platform's own money at the provider.
     */
    private Account location(EscrowTerms terms, Part part) {
        return part.role() == FundsAccount.Role.PLATFORM ? obligation(terms, part.stream())
                : Account.providerSubAccount(part.role().name().toLowerCase(java.util.Locale.ROOT), part.token());
    }

    /**
     * The entry of an instruction recorded: a split takes its streams from their obligations
     * into transit (so nothing is the platform's revenue, or a party's, before the split
     * succeeded); a return takes them from the accounts into transit.
     */
    private JournalEntry sentEntry(EscrowTerms terms, Instruction i, Instant at) {
        CurrencyUnit c = terms.currency();
        JournalEntry.Builder b = entry(i, "sent", at).minor(Account.providerInTransit(i.id()), c, i.totalMinor());
        for (Part part : i.parts()) {
            b.minor(i.kind() == Kind.SPLIT ? obligation(terms, part.stream()) : location(terms, part), c, -part.minor());
        }
        return b.build();
    }

    /**
     * The entry of an instruction's final outcome: a split delivered its streams to their accounts,
     * a return brought them back to their obligations (the refund after release took them from
     * there), a declined one goes back where it came from. An unfreeze that released money
     * (which no escrow held) moves it from the payment's provider-held account to the platform.
     */
    private Optional<JournalEntry> finalEntry(HeldPayment held, Optional<EscrowTerms> terms, Instruction i, Instant at) {
        CurrencyUnit c = Monetary.getCurrency(held.currency());
        if (i.kind() == Kind.UNFREEZE) {
            if (i.status() != Status.SUCCEEDED || i.settledMinor() == 0) {
                return Optional.empty();
            }
            return Optional.of(entry(i, "unfrozen", at).minor(Account.providerHeld(held.paymentId()), c, -i.settledMinor())
                    .minor(Account.providerSubAccount("platform", accounts.platform().token()), c, i.settledMinor()).build());
        }
        EscrowTerms t = terms.orElseThrow();
        boolean succeeded = i.status() == Status.SUCCEEDED;
        JournalEntry.Builder b = entry(i, succeeded ? "succeeded" : "declined", at)
                .minor(Account.providerInTransit(i.id()), c, -i.totalMinor());
        for (Part part : i.parts()) {
            boolean toAccount = succeeded == (i.kind() == Kind.SPLIT);
            b.minor(toAccount ? location(t, part) : obligation(t, part.stream()), c, part.minor());
        }
        return Optional.of(b.build());
    }

    private static JournalEntry.Builder entry(Instruction i, String event, Instant at) {
        String kind = i.kind().name().toLowerCase(java.util.Locale.ROOT);
        return JournalEntry.builder("funds:" + i.id() + ":" + event, at, kind + " " + i.id() + " " + event)
                .reference(new EntryReference(EntryReference.Kind.ESCROW, i.target(), 0, "provider-" + kind + "-" + event));
    }

    private void post(UnitOfWork uow, JournalEntry entry) {
        PostResult result = journal.post(uow, entry);
        if (!result.isAccepted()) {
            throw new IllegalStateException("the journal refused provider-funds entry " + entry.key() + ": " + result);
        }
    }
}
