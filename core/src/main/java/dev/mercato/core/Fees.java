package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.BuyerPayments;
import dev.mercato.core.fee.AdAccount;
import dev.mercato.core.fee.AdPayment;
import dev.mercato.core.fee.AdPaymentResult;
import dev.mercato.core.fee.AdStanding;
import dev.mercato.core.fee.AnnualFeePlan;
import dev.mercato.core.fee.AnnualFeeYear;
import dev.mercato.core.fee.Enrolment;
import dev.mercato.core.fee.FeeRefusal;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.fee.UnknownSellerException;
import dev.mercato.core.fulfilment.Parcels;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.ExpenseKind;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.settlement.SettlementStatement;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.AnnualFee;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.BillingModel;
import dev.mercato.pricing.fee.CampaignDay;
import dev.mercato.pricing.fee.PaymentFees;
import dev.mercato.pricing.fee.Placement;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade's fees ({@link Commerce.Builder#fees}, docs/fees.md): what the fee calculators of
 * {@code dev.mercato.pricing.fee} compute, booked to the facade's ledger, each booking once.
 *
 * <ul>
 *   <li><b>Annual technical-service fee</b> ({@link #enrolAnnualFee}): charged from the seller's
 *       payable at the start of each fee year by the {@value #ANNUAL_CHARGE_TIMER} timer, and at
 *       the year's end the rebate {@link AnnualFee#assess} computes from the seller's GMV of the
 *       year is booked back by the {@value #ANNUAL_REBATE_TIMER} timer; once per seller and year.</li>
 *   <li><b>Advertising</b> ({@link #setAdDailyBudget}, {@link #topUpAds}, {@link #chargeAd}): a
 *       prepaid balance topped up from the payable, a daily budget, and clicks, impressions or
 *       slots charged at the auction's price; a charge beyond the balance or the budget is refused;
 *       the seller may also pay into the balance through the payment provider ({@link #payInAds}).</li>
 *   <li><b>Payment-channel cost</b> ({@link #bookPaymentCost}, {@link #bookBalanceCosts} for the
 *       balances of orders paid in stages): what the provider kept from each captured buyer
 *       payment, a platform expense, booked when the payment is captured.</li>
 *   <li><b>Carrier charges</b> ({@link #bookCarrierCharges}): each parcel's charge owed to the
 *       carrier, outbound and return labels, from the seller's payable or as a platform expense by
 *       {@link FeeSettings#carrierChargeBearer} and {@link FeeSettings#returnLabelBearer}, booked
 *       when the dispatch or the return records the parcel.</li>
 * </ul>
 *
 * <p>Who may do what: the platform (an operator or the system) issues every command; a seller
 * reads its own fee years and advertising standing; anyone else is refused with {@link
 * NotPermittedException} before anything is read or changed. A seller the platform does not know
 * ({@link FeeSettings#knownSellers}) throws {@link UnknownSellerException}, a non-positive amount
 * {@link InvalidInputException} and an amount in another currency {@link
 * dev.mercato.pricing.money.CurrencyMismatchException}; a business refusal is a {@link
 * FeeResult.Refused}. In every case nothing changed. Thread-safe.
 */
public final class Fees {
    /** The timer that charges a seller's annual fee at the start of each fee year (target: the seller). */
    public static final String ANNUAL_CHARGE_TIMER = "fees.annual-charge";
    /** The timer that books a fee year's rebate back at its end (target: {@code <seller>/<year>}). */
    public static final String ANNUAL_REBATE_TIMER = "fees.annual-rebate";

    static final AggregateType<String, AnnualFeePlan> PLANS = AggregateType
            .of("annual-fee-plan", String.class, AnnualFeePlan.class, Function.identity());
    static final AggregateType<String, AnnualFeeYear> YEARS = AggregateType
            .of("annual-fee-year", String.class, AnnualFeeYear.class, Function.identity())
            .withIndex("seller", AnnualFeeYear::sellerId);
    static final AggregateType<String, AdAccount> ADS = AggregateType
            .of("ad-account", String.class, AdAccount.class, Function.identity());
    static final AggregateType<String, AdPayment> AD_PAYMENTS = AggregateType
            .of("ad-payment", String.class, AdPayment.class, Function.identity());

    /** The timer that asks the provider about a seller's ad payment still awaiting it (target: {@code <seller>/<key>}). */
    public static final String AD_PAYMENT_RECONCILE_TIMER = "fees.ad-payment-reconcile";
    private static final java.time.Duration AD_PAYMENT_RECONCILE_EVERY = java.time.Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Fees.class);
    private static final Actor SYSTEM = new Actor.System("fees");

    private final Context context;
    private final TransactionalJournal journal;
    private final FeeSettings settings;

    Fees(Context context, TransactionalJournal journal, FeeSettings settings) {
        this.context = context;
        this.journal = journal;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ annual fee

    /**
     * Enrols a seller in an annual technical-service fee: fee year 1 starts at {@code
     * firstYearStart} (which may be now or past: the charge is then due at once), each later year
     * a calendar year after the one before (UTC). Enrolling again on the same terms returns the
     * stored plan.
     *
     * @param actor a platform operator or the system
     * @param sellerId the seller
     * @param terms the fee and its rebate thresholds; the fee must be positive
     * @param firstYearStart when fee year 1 starts
     * @return the plan, or {@link FeeRefusal#ALREADY_ENROLLED} when the seller has other terms
     * @throws NotPermittedException for a buyer or a seller
     * @throws UnknownSellerException for a seller the platform does not know
     * @throws InvalidInputException for a fee that is not positive
     */
    public Enrolment enrolAnnualFee(Actor actor, String sellerId, AnnualFee terms, Instant firstYearStart) {
        Access.system(actor, "enrol a seller in an annual fee");
        requireSeller(sellerId);
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(firstYearStart, "firstYearStart");
        requirePositive(terms.fee(), "fee");
        AnnualFeePlan plan = new AnnualFeePlan(sellerId, terms.fee(), terms.rebates(), firstYearStart, 1);
        return context.tx(uow -> {
            Repository<String, AnnualFeePlan> plans = uow.repository(PLANS);
            Optional<Versioned<AnnualFeePlan>> existing = plans.find(sellerId);
            if (existing.isPresent()) {
                AnnualFeePlan stored = existing.get().value();
                boolean same = stored.terms().equals(terms) && stored.firstYearStart().equals(firstYearStart);
                return same ? new Enrolment.Enrolled(stored)
                        : new Enrolment.Refused(FeeRefusal.ALREADY_ENROLLED, sellerId + " already pays "
                                + stored.fee() + " a year from " + stored.firstYearStart());
            }
            plans.insert(sellerId, plan);
            uow.timers().schedule(new TimerKey(ANNUAL_CHARGE_TIMER, sellerId), plan.yearStart(1));
            return new Enrolment.Enrolled(plan);
        });
    }

    /**
     * A seller's annual-fee plan.
     *
     * @param actor the seller itself, a platform operator or the system
     * @param sellerId the seller
     * @return the plan, or empty when the seller is not enrolled
     * @throws NotPermittedException for anyone else
     */
    public Optional<AnnualFeePlan> annualFeePlan(Actor actor, String sellerId) {
        ownOrPlatform(actor, sellerId, "read the annual fee");
        return context.tx(uow -> uow.repository(PLANS).find(sellerId)).map(Versioned::value);
    }

    /**
     * A seller's fee years, charged or settled, oldest first.
     *
     * @param actor the seller itself, a platform operator or the system
     * @param sellerId the seller
     * @return the years
     * @throws NotPermittedException for anyone else
     */
    public List<AnnualFeeYear> annualFeeYears(Actor actor, String sellerId) {
        ownOrPlatform(actor, sellerId, "read the annual fee");
        return context.tx(uow -> uow.repository(YEARS).findBy("seller", sellerId)).stream().map(Versioned::value)
                .sorted(Comparator.comparingInt(AnnualFeeYear::year)).toList();
    }

    /** Registers the annual fee's timers with the facade's scheduler. */
    void registerTimers(DueTaskRunner timers) {
        timers.on(ANNUAL_CHARGE_TIMER, (timer, now) -> chargeYear(timer, now))
                .on(ANNUAL_REBATE_TIMER, (timer, now) -> rebateYear(timer, now))
                .on(AD_PAYMENT_RECONCILE_TIMER, (timer, now) -> reconcileAdPayment(timer));
    }

    /**
     * Charges the plan's next fee year once it has started: the whole fee from the payable (the
     * part the payable does not cover leaves it negative: owed), the year's record, the rebate
     * timer at the year's end and this timer at the next year's start, in one unit of work.
     */
    private void chargeYear(DueTimer timer, Instant now) {
        String sellerId = timer.key().target();
        context.tx(uow -> {
            Optional<Versioned<AnnualFeePlan>> found = uow.repository(PLANS).find(sellerId);
            if (found.isEmpty()) {
                return null;
            }
            AnnualFeePlan plan = found.get().value();
            int year = plan.nextYear();
            Instant start = plan.yearStart(year);
            Instant end = plan.yearStart(year + 1);
            if (start.isAfter(now)) {
                uow.timers().schedule(timer.key(), start);
                return null;
            }
            Repository<String, AnnualFeeYear> years = uow.repository(YEARS);
            String yearKey = AnnualFeeYear.key(sellerId, year);
            if (years.find(yearKey).isEmpty()) {
                CurrencyUnit currency = plan.fee().getCurrency();
                long fee = MinorUnits.toMinor(plan.fee());
                long payable = MinorUnits.toMinor(journal.balance(uow, Account.sellerPayable(sellerId), currency));
                long owed = fee - Math.max(0, Math.min(payable, fee));
                post(uow, JournalEntry.builder(annualKey(sellerId, year, "charge"), now,
                                "annual fee " + year + " of " + sellerId)
                        .reference(new EntryReference(EntryReference.Kind.FEE, sellerId, year, "annual-fee-charge"))
                        .credit(Account.sellerPayable(sellerId), plan.fee())
                        .debit(Account.revenue(RevenueStream.ANNUAL_FEE), plan.fee()).build());
                years.insert(yearKey, new AnnualFeeYear.Charged(sellerId, year, start, end, plan.fee(),
                        MinorUnits.toAmount(owed, currency), now));
                uow.timers().schedule(new TimerKey(ANNUAL_REBATE_TIMER, yearKey), end);
            }
            uow.repository(PLANS).update(sellerId, plan.charged(), found.get().version());
            uow.timers().schedule(timer.key(), end);
            return null;
        });
    }

    /** Books a charged year's rebate back once the year has ended; the GMV is read from the ledger. */
    private void rebateYear(DueTimer timer, Instant now) {
        String target = timer.key().target();
        int slash = target.lastIndexOf('/');
        String sellerId = target.substring(0, slash);
        Optional<AnnualFeeYear> before = context.tx(uow -> uow.repository(YEARS).find(target)).map(Versioned::value);
        if (!(before.orElse(null) instanceof AnnualFeeYear.Charged charged)) {
            return;
        }
        if (charged.end().isAfter(now)) {
            context.tx(uow -> {
                uow.timers().schedule(timer.key(), charged.end());
                return null;
            });
            return;
        }
        CurrencyUnit currency = charged.charged().getCurrency();
        MonetaryAmount gmv = gmv(sellerId, currency, charged.start(), charged.end());
        context.tx(uow -> {
            Optional<Versioned<AnnualFeeYear>> current = uow.repository(YEARS).find(target);
            if (current.isEmpty() || !(current.get().value() instanceof AnnualFeeYear.Charged year)) {
                return null;
            }
            AnnualFeePlan plan = uow.repository(PLANS).find(sellerId).orElseThrow().value();
            AnnualFee.Assessment assessment = new AnnualFee(year.charged(), plan.rebates()).assess(gmv, settings.rounding());
            if (assessment.rebate().isPositive()) {
                post(uow, JournalEntry.builder(annualKey(sellerId, year.year(), "rebate"), now,
                                "annual fee " + year.year() + " rebate of " + sellerId + ": " + assessment.explanation())
                        .reference(new EntryReference(EntryReference.Kind.FEE, sellerId, year.year(), "annual-fee-rebate"))
                        .credit(Account.revenue(RevenueStream.ANNUAL_FEE), assessment.rebate())
                        .debit(Account.sellerPayable(sellerId), assessment.rebate()).build());
            }
            uow.repository(YEARS).update(target, year.settle(gmv, assessment.rebate(), assessment.explanation(), now),
                    current.get().version());
            return null;
        });
    }

    /**
     * The seller's GMV of a period from the ledger: what was released to it (its completed sales,
     * platform subsidies included) less refunds after release, never below zero.
     */
    private MonetaryAmount gmv(String sellerId, CurrencyUnit currency, Instant from, Instant to) {
        SettlementStatement statement = SettlementStatement.of(journal, sellerId, currency, from, to, id -> Optional.empty());
        long gmv = MinorUnits.toMinor(statement.gross()) - MinorUnits.toMinor(statement.refunds());
        return MinorUnits.toAmount(Math.max(0, gmv), currency);
    }

    private static String annualKey(String sellerId, int year, String step) {
        return "fee:annual:" + sellerId + ":" + year + ":" + step;
    }

    // ------------------------------------------------------------------ advertising

    /**
     * Sets a seller's advertising daily budget, opening its advertising in the budget's currency.
     * Today's spend so far counts against a new budget.
     *
     * @param actor a platform operator or the system
     * @param sellerId the seller
     * @param dailyBudget the most its ads spend in one day, positive, in the currency of its
     *     advertising once opened
     * @return the standing after
     * @throws NotPermittedException for a buyer or a seller
     * @throws UnknownSellerException for a seller the platform does not know
     * @throws InvalidInputException for a budget that is not positive
     * @throws dev.mercato.pricing.money.CurrencyMismatchException for another currency than the account's
     */
    public AdStanding setAdDailyBudget(Actor actor, String sellerId, MonetaryAmount dailyBudget) {
        Access.system(actor, "set an advertising budget");
        requireSeller(sellerId);
        requirePositive(dailyBudget, "dailyBudget");
        LocalDate today = today();
        context.tx(uow -> {
            Repository<String, AdAccount> ads = uow.repository(ADS);
            Optional<Versioned<AdAccount>> found = ads.find(sellerId);
            if (found.isPresent()) {
                AdAccount account = found.get().value();
                MinorUnits.requireCurrency(dailyBudget, account.dailyBudget().getCurrency());
                ads.update(sellerId, new AdAccount(sellerId, dailyBudget, account.day(), account.spentToday()),
                        found.get().version());
            } else {
                ads.insert(sellerId, new AdAccount(sellerId, dailyBudget, today,
                        MinorUnits.toAmount(0, dailyBudget.getCurrency())));
            }
            return null;
        });
        return adStanding(actor, sellerId).orElseThrow();
    }

    /**
     * Tops a seller's prepaid advertising balance up from its payable: {@code SellerPayable -a,
     * AdBalance +a}. Idempotent by the caller's key.
     *
     * @param actor a platform operator or the system
     * @param sellerId the seller
     * @param amount the top-up, positive, in the advertising's currency
     * @param key the caller's idempotency key
     * @return booked (a replay returns the first booking), {@link FeeRefusal#NO_AD_BUDGET} before a
     *     budget is set, {@link FeeRefusal#EXCEEDS_PAYABLE} when the payable does not cover it; with
     *     provider-held funds {@link FeeRefusal#EXCEEDS_CREDIT_WITH_PROVIDER_HELD_FUNDS} when the
     *     seller's credit outside its escrows does not (its net is on its sub-account)
     * @throws NotPermittedException for a buyer or a seller
     * @throws UnknownSellerException for a seller the platform does not know
     * @throws InvalidInputException for an amount that is not positive, or a blank key
     * @throws dev.mercato.pricing.money.CurrencyMismatchException for another currency
     * @throws dev.mercato.core.storage.IdempotencyKeyReusedException for the key of another top-up
     */
    public FeeResult topUpAds(Actor actor, String sellerId, MonetaryAmount amount, String key) {
        Access.system(actor, "top up advertising");
        requireSeller(sellerId);
        requirePositive(amount, "amount");
        IdempotencyKey idempotency = IdempotencyKey.of("fees.ad-top-up", sellerId, key);
        String fingerprint = amount.getCurrency().getCurrencyCode() + " " + MinorUnits.toMinor(amount);
        Instant now = context.now();
        return context.tx(uow -> {
            Optional<FeeResult.Booked> replay = uow.idempotency().find(idempotency, fingerprint, FeeResult.Booked.class);
            if (replay.isPresent()) {
                return replay.get();
            }
            Optional<Versioned<AdAccount>> found = uow.repository(ADS).find(sellerId);
            if (found.isEmpty()) {
                return new FeeResult.Refused(FeeRefusal.NO_AD_BUDGET, sellerId + " has no advertising daily budget yet");
            }
            AdAccount account = found.get().value();
            CurrencyUnit currency = account.dailyBudget().getCurrency();
            long units = MinorUnits.toMinor(amount, currency);
            if (context.guarantee().flatMap(Guarantee::providerFunds).isPresent()) {
                // The seller's net is at the provider: only its credit outside its escrows is the platform's to move.
                long credit = Math.max(0, ProviderFunds.sellerBalance(uow, sellerId, currency));
                if (units > credit) {
                    return new FeeResult.Refused(FeeRefusal.EXCEEDS_CREDIT_WITH_PROVIDER_HELD_FUNDS, "top-up " + amount
                            + " is more than " + sellerId + "'s credit with the platform (" + MinorUnits.toAmount(credit,
                            currency) + "): with provider-held funds its net is on its sub-account; pay in with payInAds");
                }
            }
            long payable = MinorUnits.toMinor(journal.balance(uow, Account.sellerPayable(sellerId), currency));
            if (units > payable) {
                return new FeeResult.Refused(FeeRefusal.EXCEEDS_PAYABLE, "top-up " + amount + " is more than the payable "
                        + MinorUnits.toAmount(payable, currency));
            }
            String entryKey = "fee:ad-top-up:" + sellerId + "/" + key;
            post(uow, JournalEntry.builder(entryKey, now, "advertising top-up of " + sellerId)
                    .reference(new EntryReference(EntryReference.Kind.FEE, sellerId, 0, "ad-top-up"))
                    .credit(Account.sellerPayable(sellerId), amount)
                    .debit(Account.adBalance(sellerId), amount).build());
            // Every change of the ad balance moves the account's version, so a charge and a top-up
            // of one seller never commit on the same stale balance.
            uow.repository(ADS).update(sellerId, account, found.get().version());
            FeeResult.Booked booked = new FeeResult.Booked(entryKey, amount, "top-up from the payable");
            uow.idempotency().remember(idempotency, fingerprint, booked);
            return booked;
        });
    }

    /**
     * A seller pays into its prepaid advertising balance through the facade's payment provider
     * (a sale from the seller's payment source): once captured, {@code SellerFundsIn -a, AdBalance
     * +a} ({@code fee:ad-payment:<seller>/<key>}). The payment is stored under its transaction id
     * before the provider is called; a pending or unknown outcome (a timeout, an exception) leaves
     * it {@link AdPayment.AwaitingProvider}, and the {@value #AD_PAYMENT_RECONCILE_TIMER} timer asks
     * the provider until the outcome is final (no record there: declined, nothing moved). A capture
     * of another amount than asked is not booked and waits for an operator. Idempotent by the
     * caller's key: a replay answers from the stored payment without paying again (one still
     * awaiting the provider is asked about once more).
     *
     * @param actor the seller itself, a platform operator or the system
     * @param sellerId the seller
     * @param amount the payment, positive, in the advertising's currency
     * @param source the seller's payment source
     * @param key the caller's idempotency key
     * @return the payment as it stands, or refused with {@link FeeRefusal#NO_AD_BUDGET} before a
     *     budget is set (nothing sent or stored)
     * @throws NotPermittedException for a buyer or another seller
     * @throws UnknownSellerException for a seller the platform does not know
     * @throws InvalidInputException for an amount that is not positive, a missing source, or a blank key
     * @throws dev.mercato.pricing.money.CurrencyMismatchException for another currency
     * @throws dev.mercato.core.storage.IdempotencyKeyReusedException for the key of another payment
     */
    public AdPaymentResult payInAds(Actor actor, String sellerId, MonetaryAmount amount, PaymentSource source,
            String key) {
        ownOrPlatform(actor, sellerId, "pay into advertising");
        requireSeller(sellerId);
        requirePositive(amount, "amount");
        InvalidInputException.requireNonNull(source, "source");
        IdempotencyKey idempotency = IdempotencyKey.of("fees.ad-payment", sellerId, key);
        String fingerprint = amount.getCurrency().getCurrencyCode() + " " + MinorUnits.toMinor(amount);
        String stored = AdPayment.storedKey(sellerId, key);
        Instant now = context.now();
        Object answer = context.tx(uow -> {
            Optional<String> replay = uow.idempotency().find(idempotency, fingerprint, String.class);
            if (replay.isPresent()) {
                return uow.repository(AD_PAYMENTS).find(stored).orElseThrow().value();
            }
            Optional<Versioned<AdAccount>> account = uow.repository(ADS).find(sellerId);
            if (account.isEmpty()) {
                return new AdPaymentResult.Refused(FeeRefusal.NO_AD_BUDGET, sellerId + " has no advertising daily budget yet");
            }
            MinorUnits.requireCurrency(amount, account.get().value().dailyBudget().getCurrency());
            AdPayment.AwaitingProvider awaiting = new AdPayment.AwaitingProvider(sellerId, key, amount,
                    adTransactionId(sellerId, key), now);
            uow.repository(AD_PAYMENTS).insert(stored, awaiting);
            uow.timers().schedule(new TimerKey(AD_PAYMENT_RECONCILE_TIMER, stored), now.plus(AD_PAYMENT_RECONCILE_EVERY));
            uow.idempotency().remember(idempotency, fingerprint, stored);
            return new Sending(awaiting);
        });
        if (answer instanceof AdPaymentResult.Refused refused) {
            return refused;
        }
        if (answer instanceof AdPayment.AwaitingProvider replayed) {
            return new AdPaymentResult.Sent(reconcileAdPayment(stored, replayed));
        }
        if (answer instanceof AdPayment done) {
            return new AdPaymentResult.Sent(done);
        }
        AdPayment.AwaitingProvider awaiting = ((Sending) answer).payment();
        TransactionId transaction = new TransactionId(awaiting.transactionId());
        PaymentOutcome outcome;
        try {
            outcome = context.payments().sale(new PaymentRequest(transaction, amount, source,
                    "advertising top-up " + sellerId));
        } catch (InvalidPaymentRequestException refused) {
            // Refused before anything moved: definitive.
            outcome = new PaymentOutcome.Declined(transaction, DeclineReason.OTHER, refused.problem().name(),
                    refused.getMessage());
        } catch (RuntimeException e) {
            outcome = new PaymentOutcome.Unknown(transaction, "the provider failed: " + e);
        }
        return new AdPaymentResult.Sent(foldAdPayment(stored, outcome));
    }

    /** A new payment stored and about to be sent to the provider. */
    private record Sending(AdPayment.AwaitingProvider payment) {}

    /**
     * A seller's payment into advertising, by its key.
     *
     * @param actor the seller itself, a platform operator or the system
     * @param sellerId the seller
     * @param key the caller's key
     * @return the payment, or empty when there is none under the key
     * @throws NotPermittedException for anyone else
     */
    public Optional<AdPayment> adPayment(Actor actor, String sellerId, String key) {
        ownOrPlatform(actor, sellerId, "read advertising payments");
        InvalidInputException.requireNonNull(key, "key");
        return context.tx(uow -> uow.repository(AD_PAYMENTS).find(AdPayment.storedKey(sellerId, key)))
                .map(Versioned::value);
    }

    /** The reconcile timer: asks the provider about a payment still awaiting it. */
    private void reconcileAdPayment(DueTimer timer) {
        String stored = timer.key().target();
        Optional<AdPayment> payment = context.tx(uow -> uow.repository(AD_PAYMENTS).find(stored)).map(Versioned::value);
        if (payment.orElse(null) instanceof AdPayment.AwaitingProvider awaiting) {
            reconcileAdPayment(stored, awaiting);
        }
    }

    private AdPayment reconcileAdPayment(String stored, AdPayment.AwaitingProvider awaiting) {
        TransactionId transaction = new TransactionId(awaiting.transactionId());
        PaymentOutcome outcome;
        try {
            outcome = context.payments().status(transaction).orElseGet(() -> new PaymentOutcome.Declined(transaction,
                    DeclineReason.OTHER, "no-record", "the provider has no record of the payment: nothing moved"));
        } catch (RuntimeException e) {
            outcome = new PaymentOutcome.Unknown(transaction, "the provider failed: " + e);
        }
        return foldAdPayment(stored, outcome);
    }

    /**
     * Applies the provider's outcome to a payment that still awaits it, in one unit of work:
     * captured (of the amount asked) credits the ad balance, declined ends it, anything else keeps
     * it awaiting with its reconcile timer.
     */
    private AdPayment foldAdPayment(String stored, PaymentOutcome outcome) {
        Instant now = context.now();
        return context.tx(uow -> {
            Repository<String, AdPayment> payments = uow.repository(AD_PAYMENTS);
            Versioned<AdPayment> current = payments.find(stored).orElseThrow();
            if (!(current.value() instanceof AdPayment.AwaitingProvider awaiting)
                    || !outcome.transactionId().value().equals(awaiting.transactionId())) {
                return current.value();
            }
            TimerKey timer = new TimerKey(AD_PAYMENT_RECONCILE_TIMER, stored);
            if (outcome instanceof PaymentOutcome.Declined declined) {
                AdPayment.Declined done = awaiting.declined(declined.reason() + " " + declined.providerCode() + ": "
                        + declined.message(), now);
                payments.update(stored, done, current.version());
                uow.timers().cancel(timer);
                return done;
            }
            if (outcome instanceof PaymentOutcome.Succeeded succeeded) {
                if (!PaymentOutcome.sameAmount(succeeded.amount(), awaiting.amount())) {
                    LOG.warn("ad payment {} captured {} instead of {}: not booked", stored, succeeded.amount(),
                            awaiting.amount());
                    uow.timers().schedule(timer, now.plus(AD_PAYMENT_RECONCILE_EVERY));
                    return awaiting;
                }
                String sellerId = awaiting.sellerId();
                String entryKey = "fee:ad-payment:" + stored;
                post(uow, JournalEntry.builder(entryKey, now, "advertising payment of " + sellerId + " through the provider")
                        .reference(new EntryReference(EntryReference.Kind.FEE, sellerId, 0, "ad-payment"))
                        .credit(new Account.SellerFundsIn(sellerId), awaiting.amount())
                        .debit(Account.adBalance(sellerId), awaiting.amount()).build());
                // The ad account's version moves with every change of the balance, as for top-ups.
                Versioned<AdAccount> account = uow.repository(ADS).find(sellerId).orElseThrow();
                uow.repository(ADS).update(sellerId, account.value(), account.version());
                AdPayment.Paid paid = awaiting.paid(entryKey, now);
                payments.update(stored, paid, current.version());
                uow.timers().cancel(timer);
                return paid;
            }
            uow.timers().schedule(timer, now.plus(AD_PAYMENT_RECONCILE_EVERY));
            return awaiting;
        });
    }

    /** The provider transaction id of a seller's ad payment: readable when the ids allow it, else a digest. */
    private static String adTransactionId(String sellerId, String key) {
        String readable = "ad." + sellerId + "." + key;
        if (readable.length() <= 64 && readable.matches("[A-Za-z0-9._:-]+")) {
            return readable;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((sellerId + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "ad." + java.util.HexFormat.of().formatHex(digest, 0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK guarantees SHA-256", e);
        }
    }

    /**
     * Charges a seller's ads: {@code units} clicks (CPC), impressions (CPM) or slots (CPT) at the
     * price the auction gave the placement ({@link dev.mercato.pricing.fee.AdAuction#run}), billed
     * by {@link CampaignDay#bill} against today's budget and then against the prepaid balance:
     * {@code AdBalance -c, PlatformRevenue(ADVERTISING) +c}. Idempotent by the caller's key.
     *
     * @param actor a platform operator or the system (the ad server reporting events)
     * @param sellerId the seller whose campaign won the placement
     * @param placement the auction's placement
     * @param model how the events are billed
     * @param units how many events, positive
     * @param key the caller's idempotency key (e.g. the ad server's event batch id)
     * @return booked (a replay returns the first booking), or refused with {@link
     *     FeeRefusal#NO_AD_BUDGET}, {@link FeeRefusal#EXCEEDS_DAILY_BUDGET} or {@link
     *     FeeRefusal#EXCEEDS_AD_BALANCE}; a refusal changes nothing
     * @throws NotPermittedException for a buyer or a seller
     * @throws UnknownSellerException for a seller the platform does not know
     * @throws InvalidInputException for non-positive units or a charge of nothing, or a blank key
     * @throws dev.mercato.pricing.money.CurrencyMismatchException for a price in another currency
     * @throws dev.mercato.core.storage.IdempotencyKeyReusedException for the key of another charge
     */
    public FeeResult chargeAd(Actor actor, String sellerId, Placement placement, BillingModel model, long units,
            String key) {
        Access.system(actor, "charge advertising");
        requireSeller(sellerId);
        InvalidInputException.requireNonNull(placement, "placement");
        InvalidInputException.requireNonNull(model, "model");
        if (units <= 0) {
            throw new InvalidInputException("units", units, "must be positive");
        }
        MonetaryAmount price = placement.price();
        long cost = model.cost(MinorUnits.toMinor(price), units, settings.rounding());
        if (cost <= 0) {
            throw new InvalidInputException("placement", price, "charges nothing for " + units + " " + model
                    + " events: a charge must be positive");
        }
        IdempotencyKey idempotency = IdempotencyKey.of("fees.ad-charge", sellerId, key);
        String fingerprint = placement.bid().campaignId() + " " + model + " " + units + " x "
                + price.getCurrency().getCurrencyCode() + " " + MinorUnits.toMinor(price);
        Instant now = context.now();
        LocalDate today = today();
        return context.tx(uow -> {
            Optional<FeeResult.Booked> replay = uow.idempotency().find(idempotency, fingerprint, FeeResult.Booked.class);
            if (replay.isPresent()) {
                return replay.get();
            }
            Optional<Versioned<AdAccount>> found = uow.repository(ADS).find(sellerId);
            if (found.isEmpty()) {
                return new FeeResult.Refused(FeeRefusal.NO_AD_BUDGET, sellerId + " has no advertising daily budget yet");
            }
            AdAccount account = found.get().value();
            CurrencyUnit currency = account.dailyBudget().getCurrency();
            MinorUnits.requireCurrency(price, currency);
            long budget = MinorUnits.toMinor(account.dailyBudget());
            long spent = account.day().equals(today) ? MinorUnits.toMinor(account.spentToday()) : 0;
            if (spent > budget) {
                return new FeeResult.Refused(FeeRefusal.EXCEEDS_DAILY_BUDGET, "today's spend "
                        + MinorUnits.toAmount(spent, currency) + " is already above the daily budget " + account.dailyBudget());
            }
            CampaignDay.Billing billing = new CampaignDay(placement.bid().campaignId(), model, today,
                    account.dailyBudget(), MinorUnits.toAmount(spent, currency)).bill(price, units, settings.rounding());
            if (!billing.accepted()) {
                return new FeeResult.Refused(FeeRefusal.EXCEEDS_DAILY_BUDGET, billing.reason());
            }
            long balance = MinorUnits.toMinor(journal.balance(uow, Account.adBalance(sellerId), currency));
            if (cost > balance) {
                return new FeeResult.Refused(FeeRefusal.EXCEEDS_AD_BALANCE, model + " cost "
                        + MinorUnits.toAmount(cost, currency) + " is more than the advertising balance "
                        + MinorUnits.toAmount(balance, currency));
            }
            MonetaryAmount charged = billing.charged();
            String entryKey = "fee:ad-charge:" + sellerId + "/" + key;
            post(uow, JournalEntry.builder(entryKey, now, "advertising " + placement.bid().campaignId() + ": "
                            + billing.reason())
                    .reference(new EntryReference(EntryReference.Kind.FEE, sellerId, 0, "ad-charge"))
                    .credit(Account.adBalance(sellerId), charged)
                    .debit(Account.revenue(RevenueStream.ADVERTISING), charged).build());
            uow.repository(ADS).update(sellerId, new AdAccount(sellerId, account.dailyBudget(), today,
                    billing.next().spent()), found.get().version());
            FeeResult.Booked booked = new FeeResult.Booked(entryKey, charged, billing.reason());
            uow.idempotency().remember(idempotency, fingerprint, booked);
            return booked;
        });
    }

    /**
     * A seller's advertising now.
     *
     * @param actor the seller itself, a platform operator or the system
     * @param sellerId the seller
     * @return the balance, the budget and today's spend; empty before a budget is set
     * @throws NotPermittedException for anyone else
     */
    public Optional<AdStanding> adStanding(Actor actor, String sellerId) {
        ownOrPlatform(actor, sellerId, "read advertising");
        LocalDate today = today();
        Optional<AdAccount> account = context.tx(uow -> uow.repository(ADS).find(sellerId)).map(Versioned::value);
        return account.map(a -> {
            CurrencyUnit currency = a.dailyBudget().getCurrency();
            MonetaryAmount spent = a.day().equals(today) ? a.spentToday() : MinorUnits.toAmount(0, currency);
            return new AdStanding(sellerId, journal.balance(Account.adBalance(sellerId), currency), a.dailyBudget(),
                    today, spent);
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(context.now(), settings.adDayZone());
    }

    // ------------------------------------------------------------------ payment-channel cost

    /**
     * Books what the payment provider kept from a captured buyer payment: its channel fee, at
     * {@link FeeSettings#paymentChannelRate} (or the revenue schedule's payment-fee rate for the
     * facade's payment method) on the amount captured, rounded once by {@link FeeSettings#rounding}:
     * {@code PlatformExpense(PAYMENT_CHANNEL) -c, ProviderFees +c}, dated at the capture. The
     * facade books it by itself when the payment is captured; this command is the same booking,
     * once per payment: a replay returns the first booking. Where the schedule's payment fee is
     * borne by the seller, the release of each order recovers it from the seller's payable into
     * {@code PlatformRevenue(PAYMENT_FEE)}; refunds return nothing of it (docs/fees.md).
     *
     * @param actor a platform operator or the system
     * @param paymentId the buyer payment of a checkout
     * @return booked, or refused with {@link FeeRefusal#PAYMENT_NOT_CAPTURED}, {@link
     *     FeeRefusal#NO_CHANNEL_RATE} or {@link FeeRefusal#NOTHING_TO_BOOK}; a refusal changes nothing
     * @throws NotPermittedException for a buyer or a seller
     * @throws InvalidInputException for a payment the facade does not know
     */
    public FeeResult bookPaymentCost(Actor actor, String paymentId) {
        Access.system(actor, "book a payment's channel cost");
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        context.guarantee().orElseThrow();
        return context.tx(uow -> {
            IdempotencyKey idempotency = channelCostKey(paymentId);
            Optional<FeeResult.Booked> replay = uow.idempotency().find(idempotency, paymentId, FeeResult.Booked.class);
            if (replay.isPresent()) {
                return replay.get();
            }
            BuyerPayment payment = uow.repository(BuyerPayments.TYPE).find(paymentId).map(Versioned::value)
                    .orElseThrow(() -> new InvalidInputException("paymentId", paymentId, "is not a known payment"));
            if (payment.paid().isEmpty()) {
                return new FeeResult.Refused(FeeRefusal.PAYMENT_NOT_CAPTURED, "payment " + paymentId
                        + " is not captured yet: its channel cost is booked once it is");
            }
            return bookChannelCost(uow, paymentId, payment.total(), payment.paid().get().paidAt(),
                    "payment channel cost of " + paymentId);
        });
    }

    /**
     * Books the channel cost of the balance payments of an order paid in stages ({@code
     * Commerce.payBalance}): for each balance sale the provider captured ({@code
     * esc.<order>.balance-<n>}), the same entry as {@link #bookPaymentCost} on the amount that sale
     * captured ({@code fee:payment-cost:<transaction id>}), dated when it is booked. The facade
     * books it by itself when {@code payBalance} answers paid and, for a balance that was pending
     * and captured later by reconciliation, when the order ships through the carrier; this command
     * is the same booking, once per balance sale.
     *
     * @param actor a platform operator or the system
     * @param orderId the order
     * @return one result per captured balance sale, oldest first: booked, or refused with {@link
     *     FeeRefusal#NO_CHANNEL_RATE} or {@link FeeRefusal#NOTHING_TO_BOOK}; empty when the order
     *     has no captured balance (not paid in stages, or its balance not captured yet)
     * @throws NotPermittedException for a buyer or a seller
     * @throws InvalidInputException for an order the facade does not know
     */
    public List<FeeResult> bookBalanceCosts(Actor actor, OrderId orderId) {
        Access.system(actor, "book a balance's channel cost");
        InvalidInputException.requireNonNull(orderId, "orderId");
        Guarantee guarantee = context.guarantee().orElseThrow();
        if (context.tx(uow -> uow.repository(Orders.TYPE).find(orderId)).isEmpty()) {
            throw new InvalidInputException("orderId", orderId, "is not a known order");
        }
        String escrowId = Guarantee.escrowId(orderId);
        if (guarantee.escrows().find(escrowId).isEmpty()) {
            return List.of();
        }
        List<PaymentOutcome.Succeeded> balances = guarantee.escrows().operations(escrowId).stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.PAYMENT
                        && dev.mercato.core.escrow.EscrowService.isBalanceSale(op.transactionId()))
                .map(ProviderOperation::outcome).filter(PaymentOutcome.Succeeded.class::isInstance)
                .map(PaymentOutcome.Succeeded.class::cast).toList();
        return balances.stream().map(sale -> context.tx(uow -> {
            String id = sale.transactionId().value();
            Optional<FeeResult.Booked> replay = uow.idempotency().find(channelCostKey(id), id, FeeResult.Booked.class);
            if (replay.isPresent()) {
                return (FeeResult) replay.get();
            }
            return bookChannelCost(uow, id, sale.amount(), context.now(), "payment channel cost of the balance "
                    + id + " of order " + orderId.value());
        })).toList();
    }

    private static IdempotencyKey channelCostKey(String capturedPayment) {
        return IdempotencyKey.of("fees.payment-cost", "platform", capturedPayment);
    }

    /** The channel cost of one captured payment, posted and remembered under its id, in {@code uow}. */
    private FeeResult bookChannelCost(UnitOfWork uow, String capturedPayment, MonetaryAmount captured, Instant at,
            String label) {
        Guarantee guarantee = context.guarantee().orElseThrow();
        Optional<PaymentFees> scheduled = guarantee.schedule().fees().paymentFees();
        Optional<Rate> rate = settings.paymentChannelRate()
                .or(() -> scheduled.map(pf -> pf.rateFor(guarantee.paymentMethod())));
        if (rate.isEmpty()) {
            return new FeeResult.Refused(FeeRefusal.NO_CHANNEL_RATE, "neither FeeSettings.paymentChannelRate nor the"
                    + " schedule " + guarantee.schedule().name() + " names a payment-channel rate");
        }
        CurrencyUnit currency = captured.getCurrency();
        long cost = rate.get().applyToMinor(MinorUnits.toMinor(captured), settings.rounding());
        if (cost <= 0) {
            return new FeeResult.Refused(FeeRefusal.NOTHING_TO_BOOK, rate.get() + " of " + captured + " rounds to nothing");
        }
        MonetaryAmount amount = MinorUnits.toAmount(cost, currency);
        boolean sellerBorne = scheduled.map(pf -> pf.bearer() == Bearer.SELLER).orElse(false);
        String explanation = rate.get() + " of " + captured + " captured = " + amount + (sellerBorne
                ? "; the schedule passes its payment fee on to the sellers at release"
                : "; borne by the platform");
        String entryKey = "fee:payment-cost:" + capturedPayment;
        post(uow, JournalEntry.builder(entryKey, at, label + ": " + explanation)
                .reference(new EntryReference(EntryReference.Kind.FEE, capturedPayment, 0, "payment-channel-cost"))
                .credit(Account.expense(ExpenseKind.PAYMENT_CHANNEL), amount)
                .debit(Account.providerFees(), amount).build());
        FeeResult.Booked booked = new FeeResult.Booked(entryKey, amount, explanation);
        uow.idempotency().remember(channelCostKey(capturedPayment), capturedPayment, booked);
        return booked;
    }

    /** Books the channel cost of an order's captured balances after they committed; a failure is logged. */
    void afterBalance(OrderId orderId) {
        try {
            bookBalanceCosts(SYSTEM, orderId);
        } catch (RuntimeException e) {
            LOG.warn("could not book the balance channel cost of order {}; run Fees.bookBalanceCosts", orderId, e);
        }
    }

    /** Books a payment's channel cost after its capture committed; a failure is logged, the command catches up. */
    void afterCapture(String paymentId) {
        try {
            bookPaymentCost(SYSTEM, paymentId);
        } catch (RuntimeException e) {
            LOG.warn("could not book the channel cost of payment {}; run Fees.bookPaymentCost", paymentId, e);
        }
    }

    // ------------------------------------------------------------------ carrier charges

    /**
     * Books the carrier's charge for each parcel of an order booked through the carrier ({@code
     * Commerce.shipWithCarrier}, and the return labels of {@code Commerce.shipReturn}): the
     * parcel's {@code Shipment.charge} into {@code CarrierPayable(carrier)}, from the order's
     * seller's payable ({@code SellerPayable -c}) when the bearer is the seller, or as a platform
     * expense ({@code PlatformExpense(CARRIER) -c}) when it is the platform; the bearer is {@link
     * FeeSettings#carrierChargeBearer} for outbound parcels and {@link
     * FeeSettings#returnLabelBearer} for return labels. The facade books it by itself when a
     * dispatch or a return records its parcels; this command is the same booking, once per parcel:
     * a parcel already booked returns its first booking (under the bearer of that time).
     *
     * @param actor a platform operator or the system
     * @param orderId the order
     * @return one result per parcel (outbound and return labels), oldest first: booked, or {@link
     *     FeeRefusal#NOTHING_TO_BOOK} for a parcel the carrier charged nothing for; empty when the
     *     order has no carrier parcel
     * @throws NotPermittedException for a buyer or a seller
     * @throws InvalidInputException for an order the facade does not know
     */
    public List<FeeResult> bookCarrierCharges(Actor actor, OrderId orderId) {
        Access.system(actor, "book carrier charges");
        InvalidInputException.requireNonNull(orderId, "orderId");
        String sellerId = context.tx(uow -> uow.repository(Orders.TYPE).find(orderId)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("orderId", orderId, "is not a known order"))
                .facts().sellerId();
        List<TrackedParcel> parcels = context.tx(uow -> uow.repository(Parcels.TYPE).findBy(Parcels.BY_ORDER,
                orderId.value())).stream().map(Versioned::value)
                .sorted(Comparator.comparing(p -> p.shipment().createdAt())).toList();
        return parcels.stream().map(parcel -> bookCarrierCharge(sellerId, parcel)).toList();
    }

    private FeeResult bookCarrierCharge(String sellerId, TrackedParcel parcel) {
        String parcelKey = parcel.key();
        IdempotencyKey idempotency = IdempotencyKey.of("fees.carrier-charge", "platform", parcelKey);
        MonetaryAmount charge = parcel.shipment().charge();
        String carrierId = parcel.shipment().carrier().value();
        String fingerprint = charge.getCurrency().getCurrencyCode() + " " + MinorUnits.toMinor(charge);
        return context.tx(uow -> {
            Optional<FeeResult.Booked> replay = uow.idempotency().find(idempotency, fingerprint, FeeResult.Booked.class);
            if (replay.isPresent()) {
                return replay.get();
            }
            if (!charge.isPositive()) {
                return new FeeResult.Refused(FeeRefusal.NOTHING_TO_BOOK, "carrier " + carrierId + " charged nothing for"
                        + " parcel " + parcel.trackingNumber().value());
            }
            Bearer bearer = parcel.isReturn() ? settings.returnLabelBearer() : settings.carrierChargeBearer();
            Account payer = bearer == Bearer.SELLER ? Account.sellerPayable(sellerId) : Account.expense(ExpenseKind.CARRIER);
            String explanation = "carrier " + carrierId + " charged " + charge + " for "
                    + (parcel.isReturn() ? "the return label " + parcel.trackingNumber().value() + " of case "
                            + parcel.returnCase().orElse("?") : "parcel " + parcel.trackingNumber().value())
                    + " of order " + parcel.orderId().value() + ", borne by "
                    + (bearer == Bearer.SELLER ? "the seller " + sellerId : "the platform");
            String entryKey = "fee:carrier-charge:" + parcelKey;
            post(uow, JournalEntry.builder(entryKey, parcel.shipment().createdAt(), explanation)
                    .reference(new EntryReference(EntryReference.Kind.FEE, parcel.orderId().value(), 0,
                            parcel.isReturn() ? "return-label-charge" : "carrier-charge"))
                    .credit(payer, charge)
                    .debit(Account.carrierPayable(carrierId), charge).build());
            FeeResult.Booked booked = new FeeResult.Booked(entryKey, charge, explanation);
            uow.idempotency().remember(idempotency, fingerprint, booked);
            return booked;
        });
    }

    /** Books an order's carrier charges after a dispatch committed; a failure is logged, the command catches up. */
    void afterDispatch(OrderId orderId) {
        try {
            bookCarrierCharges(SYSTEM, orderId);
        } catch (RuntimeException e) {
            LOG.warn("could not book the carrier charges of order {}; run Fees.bookCarrierCharges", orderId, e);
        }
    }

    // ------------------------------------------------------------------ shared

    private void post(UnitOfWork uow, JournalEntry entry) {
        PostResult result = journal.post(uow, entry);
        if (!result.isAccepted()) {
            throw new IllegalStateException("fee entry " + entry.key() + " refused by the journal: " + result);
        }
    }

    private void requireSeller(String sellerId) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        if (sellerId.isBlank()) {
            throw new InvalidInputException("sellerId", "\"" + sellerId + "\"", "must not be blank");
        }
        if (!settings.knownSellers().test(sellerId)) {
            throw new UnknownSellerException(sellerId);
        }
    }

    private static void requirePositive(MonetaryAmount amount, String field) {
        InvalidInputException.requireNonNull(amount, field);
        if (!amount.isPositive()) {
            throw new InvalidInputException(field, amount, "must be positive");
        }
    }

    private static void ownOrPlatform(Actor actor, String sellerId, String action) {
        InvalidInputException.requireNonNull(actor, "actor");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        boolean own = actor instanceof Actor.Seller s && s.sellerId().equals(sellerId);
        if (!own && !Access.isPlatform(actor)) {
            throw new NotPermittedException(actor, action, "fees of " + sellerId);
        }
    }
}
