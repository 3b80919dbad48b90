package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.Cart;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPriceResult;
import dev.mercato.core.cart.Carts;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.BuyerPayments;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaidHook;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.inventory.ReservationResult;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderFacts;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.PaymentInfo;
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.core.order.Refund;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Checkout and payment: the commands that create orders and move them to paid. */
final class CheckoutCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CheckoutCommands.class);
    private static final String SCOPE = "checkout";

    private final Context context;
    private final List<PaidHook> onPaid;
    /** Locks striped by checkout key: see {@link #checkout}. */
    private final Object[] retryLocks = new Object[64];

    private final CheckoutGuard guard;

    private final PaymentGuard paymentGuard;

    CheckoutCommands(Context context, List<PaidHook> onPaid, CheckoutGuard guard, PaymentGuard paymentGuard) {
        java.util.Arrays.setAll(retryLocks, i -> new Object());
        this.context = context;
        this.onPaid = List.copyOf(onPaid);
        this.guard = guard;
        this.paymentGuard = paymentGuard;
    }

    /**
     * Checks out to a destination region (warehouse choice only) or to a full destination (shipping
     * quotes, recorded on the orders); when {@code to} is present its region is the region.
     */
    CheckoutResult checkout(Actor actor, CartId cartId, String checkoutKey, Optional<String> region,
            Optional<Destination> to) {
        InvalidInputException.requireNonNull(cartId, "cart");
        Access.cartOwner(actor, cartId, "check out");
        InvalidInputException.requireNonNull(region, "destinationRegion");
        InvalidInputException.requireNonNull(to, "destination");
        Optional<String> destination = to.isPresent() ? Optional.of(to.get().region()) : region;
        IdempotencyKey key = IdempotencyKey.of(SCOPE, cartId.ownerId(), checkoutKey);
        String fingerprint = "cart=" + cartId.ownerId() + ";destination=" + destination.orElse("")
                + to.map(d -> ";address=" + d.address()).orElse("");
        // Retries of one key in this instance run one after another, so a retry never sees the cart
        // or the stock half-way through its twin's placement; across instances sharing storage the
        // idempotency store still places the checkout once (a racing twin may then be refused).
        synchronized (retryLocks[Math.floorMod(key.hashCode(), retryLocks.length)]) {
            return checkoutOnce(cartId, key, fingerprint, destination, to);
        }
    }

    private CheckoutResult checkoutOnce(CartId cartId, IdempotencyKey key, String fingerprint,
            Optional<String> destination, Optional<Destination> to) {
        for (int attempt = 1; ; attempt++) {
            Optional<CheckoutResult.Placed> done = context.tx(uow -> uow.idempotency().find(key, fingerprint,
                    CheckoutResult.Placed.class));
            if (done.isPresent()) {
                return done.get();
            }
            Optional<Versioned<Cart>> stored = context.tx(uow -> uow.repository(Carts.TYPE).find(cartId));
            if (stored.isEmpty() || stored.get().value().isEmpty()) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.EMPTY_CART, "the cart is empty"));
            }
            List<SkuId> gone = CartCommands.unavailable(context, stored.get().value());
            if (!gone.isEmpty()) {
                return placedMeanwhile(key, fingerprint,
                        new CheckoutResult.Refused(CheckoutResult.Reason.UNAVAILABLE, "no longer available: " + gone + "; remove them from the cart"));
            }
            CartPriceResult priced = CartCommands.price(context, stored.get().value(), to);
            if (priced instanceof CartPriceResult.Unshippable unshippable) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Unshippable(unshippable.refusal()));
            }
            Optional<String> guardRefusal = guard.refusal(cartId.ownerId(), key.key(), priced.priced().orElseThrow());
            if (guardRefusal.isPresent()) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.GUARD_REFUSED, guardRefusal.get()));
            }
            Attempt plan = plan(cartId, key, stored.get(), priced.priced().orElseThrow(), destination, to);
            Optional<String> capRefusal = flashSaleRefusal(cartId.ownerId(), plan.priced());
            if (capRefusal.isPresent()) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.FLASH_SALE_CAP, capRefusal.get()));
            }
            Optional<String> stockRefusal = reserve(plan);
            if (stockRefusal.isPresent()) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.OUT_OF_STOCK, stockRefusal.get()));
            }
            try {
                CheckoutResult placed = context.storage().inTransaction(uow -> place(uow, key, fingerprint, plan),
                        context.events());
                if (placed instanceof CheckoutResult.Placed committed) {
                    try {
                        guard.placed(cartId.ownerId(), committed);
                    } catch (RuntimeException e) {
                        LOG.warn("the checkout guard failed after checkout {}", committed.payment().paymentId(), e);
                    }
                }
                return placed;
            } catch (CapOverdrawn overdrawn) {
                // The caps this cart was priced with were stale: price again with the caps now booked.
                release(plan, Set.of());
                if (attempt >= Context.ATTEMPTS) {
                    return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.PROMOTION_CAP, overdrawn.getMessage()));
                }
            } catch (ConcurrencyConflictException conflict) {
                Optional<CheckoutResult.Placed> winner = context.tx(uow -> uow.idempotency().find(key, fingerprint,
                        CheckoutResult.Placed.class));
                Set<OrderId> keep = new HashSet<>();
                winner.ifPresent(w -> w.orders().forEach(o -> keep.add(o.id())));
                release(plan, keep);
                if (winner.isPresent()) {
                    return winner.get();
                }
                if (attempt >= Context.ATTEMPTS) {
                    throw conflict;
                }
            } catch (RuntimeException failed) {
                // The commit failed (storage down, a bug): unless it committed after all, the stock
                // this attempt reserved goes back, so a retry does not reserve it twice.
                Optional<CheckoutResult.Placed> committed = Optional.empty();
                try {
                    committed = context.tx(uow -> uow.idempotency().find(key, fingerprint, CheckoutResult.Placed.class));
                } catch (RuntimeException unreadable) {
                    failed.addSuppressed(unreadable);
                    throw failed;   // in doubt: keep the reservations (they belong to the orders if it committed)
                }
                if (committed.isPresent()) {
                    return committed.get();
                }
                try {
                    release(plan, Set.of());
                } catch (RuntimeException releaseFailed) {
                    failed.addSuppressed(releaseFailed);
                }
                throw failed;
            }
        }
    }

    /**
     * Gives back the stock an attempt reserved for its orders, except those in {@code keep} (placed
     * by a concurrent run). Every release is tried; the first failure is thrown afterwards, with the
     * others suppressed on it.
     */
    private void release(Attempt plan, Set<OrderId> keep) {
        RuntimeException first = null;
        for (Order order : plan.orders()) {
            if (keep.contains(order.id())) {
                continue;
            }
            try {
                context.inventory().release(new ReservationId(order.id().value()));
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * The answer to a checkout that found a reason to refuse: a concurrent run of the same checkout
     * may have placed it meanwhile (emptying the cart, taking the stock or the flash-sale cap), and
     * then that placement is the answer, so every retry of one key gets the same result.
     */
    private CheckoutResult placedMeanwhile(IdempotencyKey key, String fingerprint, CheckoutResult refusal) {
        Optional<CheckoutResult.Placed> placed = context.tx(uow -> uow.idempotency().find(key, fingerprint,
                CheckoutResult.Placed.class));
        return placed.<CheckoutResult>map(p -> p).orElse(refusal);
    }

    /** Thrown inside a checkout's unit of work (so nothing commits) when a promotion cap would be overdrawn. */
    private static final class CapOverdrawn extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CapOverdrawn(String message) {
            super(message, null, false, false);
        }
    }

    /** What one checkout attempt will write. */
    private record Attempt(Versioned<Cart> cart, PricedCart priced, BuyerPayment payment,
            List<Order.AwaitingPayment> orders) {}

    private Attempt plan(CartId cartId, IdempotencyKey key, Versioned<Cart> cart, PricedCart priced,
            Optional<String> destination, Optional<Destination> to) {
        Instant now = context.now();
        // Each attempt gets fresh ids: a refused or lost attempt released its reservations, and
        // concurrent attempts must never share one (one releasing it would strand the other).
        String seed = key + "\n" + cart.version() + "\n" + UUID.randomUUID();
        String paymentId = "pay-" + uuid(seed + "\npayment");
        List<Order.AwaitingPayment> orders = new ArrayList<>();
        for (String seller : priced.sellers()) {
            List<PricedCart.Line> lines = priced.linesOf(seller);
            List<OrderLine> orderLines = new ArrayList<>();
            boolean flash = false;
            for (PricedCart.Line line : lines) {
                orderLines.add(new OrderLine(orderLines.size() + 1, line.sku(), line.title(), line.quantity(),
                        line.unitPrice(), line.subtotal(), line.discount(), line.payable(), line.categoryPath(),
                        line.priceLevelAmount(), line.discounts()));
                flash |= line.flashSale();
            }
            List<String> explanation = new ArrayList<>(priced.explanation());
            PricedSnapshot snapshot = PricedSnapshot.of(priced.currency(), orderLines, priced.shippingOf(seller), explanation,
                    priced.shippingDiscountsOf(seller), context.sellerTypes().apply(seller));
            OrderId id = new OrderId("ord-" + uuid(seed + "\n" + seller));
            OrderFacts facts = new OrderFacts(id, cartId.ownerId(), seller, paymentId, now, snapshot, destination, flash,
                    to.map(Destination::address), priced.deliveryOf(seller));
            orders.add(new Order.AwaitingPayment(facts,
                    now.plus(flash ? context.policy().flashSalePayWithin() : context.policy().payWithin())));
        }
        long total = 0;
        List<OrderId> ids = new ArrayList<>();
        for (Order.AwaitingPayment order : orders) {
            total = Math.addExact(total, MinorUnits.toMinor(order.facts().snapshot().payable()));
            ids.add(order.id());
        }
        BuyerPayment payment = new BuyerPayment(paymentId, cartId.ownerId(), ids,
                MinorUnits.toAmount(total, priced.currency()), now, Optional.empty(), List.of());
        return new Attempt(cart, priced, payment, orders);
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A flash-sale SKU's cap counts the units the buyer already has in live orders. */
    private Optional<String> flashSaleRefusal(String buyerId, PricedCart priced) {
        Map<SkuId, Long> wanted = new LinkedHashMap<>();
        for (PricedCart.Line line : priced.lines()) {
            if (context.limits().flashSaleCap(line.sku()).isPresent()) {
                wanted.merge(line.sku(), line.quantity(), Long::sum);
            }
        }
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<Versioned<Order>> orders = context.tx(uow -> uow.repository(Orders.TYPE).findBy(Orders.BY_BUYER, buyerId));
        for (Map.Entry<SkuId, Long> want : wanted.entrySet()) {
            long already = 0;
            for (Versioned<Order> order : orders) {
                Order o = order.value();
                if (o instanceof Order.Cancelled || o instanceof Order.Closed || o instanceof Order.RefundedBeforeShipment) {
                    continue;
                }
                already += o.facts().snapshot().lines().stream().filter(l -> l.sku().equals(want.getKey()))
                        .mapToLong(OrderLine::quantity).sum();
            }
            long cap = context.limits().flashSaleCap(want.getKey()).orElseThrow();
            if (already + want.getValue() > cap) {
                return Optional.of("flash sale: at most " + cap + " units of " + want.getKey() + " per buyer ("
                        + already + " already ordered)");
            }
        }
        return Optional.empty();
    }

    /** Reserves stock per order, all or nothing. */
    private Optional<String> reserve(Attempt plan) {
        List<ReservationId> made = new ArrayList<>();
        for (Order.AwaitingPayment order : plan.orders()) {
            List<ReservationRequest.Item> items = new ArrayList<>();
            Map<SkuId, Long> perSku = new LinkedHashMap<>();
            order.facts().snapshot().lines().forEach(l -> perSku.merge(l.sku(), l.quantity(), Long::sum));
            perSku.forEach((sku, qty) -> items.add(new ReservationRequest.Item(sku, qty)));
            ReservationId id = new ReservationId(order.id().value());
            ReservationResult result = context.inventory().reserve(
                    new ReservationRequest(id, order.facts().destinationRegion(), items));
            if (result instanceof ReservationResult.Insufficient missing) {
                made.forEach(context.inventory()::release);
                return Optional.of("not enough stock of " + missing.sku() + ": " + missing.available()
                        + " available, " + missing.requested() + " wanted");
            }
            made.add(id);
        }
        return Optional.empty();
    }

    private CheckoutResult place(UnitOfWork uow, IdempotencyKey key, String fingerprint, Attempt plan) {
        Optional<CheckoutResult.Placed> earlier = uow.idempotency().find(key, fingerprint, CheckoutResult.Placed.class);
        if (earlier.isPresent()) {
            // Another run of this checkout won; the caller releases this run's reservations.
            throw new ConcurrencyConflictException("idempotency", key.toString(), ConcurrencyConflictException.ABSENT, 1);
        }
        Instant now = context.now();
        Repository<CartId, Cart> carts = uow.repository(Carts.TYPE);
        Versioned<Cart> cart = plan.cart();
        carts.update(cart.value().id(), cart.value().cleared(), cart.version());
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        for (Order.AwaitingPayment order : plan.orders()) {
            orders.insert(order.id(), order);
            uow.timers().schedule(new TimerKey(Orders.UNPAID_CLOSE_TIMER, order.id().value()), order.payBy());
            uow.publishAfterCommit(OrderEvent.entered(order, now));
        }
        uow.repository(BuyerPayments.TYPE).insert(plan.payment().paymentId(), plan.payment());
        Optional<String> overdrawn = context.caps().book(uow, plan.payment().paymentId(), plan.payment().buyerId(),
                plan.payment().orderIds(), plan.priced().promotionsApplied(), plan.priced().currency());
        if (overdrawn.isPresent()) {
            throw new CapOverdrawn(overdrawn.get());
        }
        CheckoutResult.Placed placed = new CheckoutResult.Placed(plan.payment(), plan.orders(), plan.priced());
        uow.idempotency().remember(key, fingerprint, placed);
        return placed;
    }

    // ------------------------------------------------------------------ payment

    /** Timer kind that asks the provider about a pending payment; the target is the payment id. */
    static final String RECONCILE_TIMER = "payment.reconcile";
    private static final Duration RECONCILE_EVERY = Duration.ofMinutes(1);

    PaymentResult pay(Actor actor, String paymentId, PaymentSource source) {
        InvalidInputException.requireNonNull(source, "source");
        BuyerPayment payment = requirePayment(paymentId);
        if (!Access.isBuyer(actor, payment.buyerId())) {
            throw new NotPermittedException(actor, "pay", "payment " + paymentId);
        }
        if (payment.paid().isPresent()) {
            return new PaymentResult.Paid(payment);
        }
        Optional<String> unpayable = unpayable(payment);
        if (unpayable.isPresent()) {
            return new PaymentResult.Refused(PaymentResult.Reason.ORDER_NOT_PAYABLE, unpayable.get());
        }
        // A new attempt (a new transaction id) is started only before the first one or after the
        // provider declined the last one. While the last attempt's fate is open (the provider has not
        // seen it yet, or it is pending or unknown), the same transaction id is sent again: the
        // provider applies one id once, so concurrent or repeated calls charge the buyer once.
        String transaction = null;
        if (payment.lastAttempt().isPresent()) {
            Optional<PaymentOutcome> last = context.payments().status(new TransactionId(payment.lastAttempt().get()));
            if (last.isPresent() && !(last.get() instanceof PaymentOutcome.Declined)) {
                return settle(paymentId, last.get(), Optional.of(source));
            }
            if (last.isEmpty()) {
                transaction = payment.lastAttempt().get();
            }
        }
        if (transaction == null) {
            Optional<String> held = paymentGuard.refusal(payment, sellersOf(payment), source);
            if (held.isPresent()) {
                return new PaymentResult.Refused(PaymentResult.Reason.GUARD_REFUSED, held.get());
            }
        }
        if (transaction == null) {
            // The attempt is recorded before the provider is called, so a crash leaves a trace to reconcile.
            int attemptsSeen = payment.attempts().size();
            transaction = context.tx(uow -> {
                Repository<String, BuyerPayment> payments = uow.repository(BuyerPayments.TYPE);
                Versioned<BuyerPayment> current = payments.find(paymentId).orElseThrow();
                if (current.value().attempts().size() != attemptsSeen || current.value().paid().isPresent()) {
                    // Another call started an attempt meanwhile: join it rather than start a second charge.
                    return current.value().lastAttempt().orElseThrow();
                }
                BuyerPayment next = current.value().withNextAttempt();
                payments.update(paymentId, next, current.version());
                uow.timers().schedule(new TimerKey(RECONCILE_TIMER, paymentId), context.now().plus(RECONCILE_EVERY));
                return next.lastAttempt().orElseThrow();
            });
        }
        BuyerPayment attempt = requirePayment(paymentId);
        if (attempt.paid().isPresent()) {
            return new PaymentResult.Paid(attempt);
        }
        PaymentOutcome outcome;
        try {
            outcome = context.payments().sale(new PaymentRequest(new TransactionId(transaction),
                    payment.total(), source, "checkout " + paymentId));
        } catch (InvalidPaymentRequestException refused) {
            if (refused.problem() == InvalidPaymentRequestException.Problem.TRANSACTION_ID_REUSED) {
                // A concurrent call is paying this attempt from another source: its outcome decides.
                return new PaymentResult.Pending(attempt, "another payment attempt is in progress");
            }
            context.tx(uow -> {
                uow.timers().cancel(new TimerKey(RECONCILE_TIMER, paymentId));
                return null;
            });
            return new PaymentResult.Refused(PaymentResult.Reason.REFUSED_BY_PROVIDER, "refused by the provider: " + refused.getMessage());
        } catch (RuntimeException unreachable) {
            // A provider that cannot be reached has not said no: the reconcile timer will ask again.
            return new PaymentResult.Pending(attempt, "provider unreachable: " + unreachable.getMessage());
        }
        return settle(paymentId, outcome, Optional.of(source));
    }

    private PaymentResult settle(String paymentId, PaymentOutcome outcome) {
        return settle(paymentId, outcome, Optional.empty());
    }

    private PaymentResult settle(String paymentId, PaymentOutcome outcome, Optional<PaymentSource> source) {
        Optional<String> mismatch = mismatch(requirePayment(paymentId), outcome);
        if (mismatch.isPresent()) {
            // A verified answer that is not the answer to what was asked changes nothing: an
            // operator looks at it (docs/architecture.md rule 8).
            LOG.error("payment {}: the provider's answer does not match the attempt: {}", paymentId, mismatch.get());
            return new PaymentResult.Refused(PaymentResult.Reason.ANSWER_MISMATCH, "the provider's answer does not match the payment: " + mismatch.get());
        }
        if (outcome instanceof PaymentOutcome.Succeeded succeeded) {
            return markPaid(paymentId, succeeded.providerReference(), source);
        }
        if (outcome instanceof PaymentOutcome.Declined declined) {
            context.tx(uow -> {
                uow.timers().cancel(new TimerKey(RECONCILE_TIMER, paymentId));
                return null;
            });
            return new PaymentResult.Refused(PaymentResult.Reason.DECLINED, "declined: " + declined.reason() + " " + declined.message());
        }
        return new PaymentResult.Pending(requirePayment(paymentId), outcome.toString());
    }

    /**
     * Why an answer is not the answer to this payment's open attempt: another transaction id, or a
     * success or pending answer for another amount or currency.
     */
    static Optional<String> mismatch(BuyerPayment payment, PaymentOutcome outcome) {
        String asked = payment.lastAttempt().orElse("");
        if (!outcome.transactionId().value().equals(asked)) {
            return Optional.of("transaction " + outcome.transactionId().value() + " answered, " + asked + " asked");
        }
        javax.money.MonetaryAmount answered = outcome instanceof PaymentOutcome.Succeeded s ? s.amount()
                : outcome instanceof PaymentOutcome.Pending p ? p.amount() : null;
        if (answered != null && (!answered.getCurrency().getCurrencyCode().equals(payment.total().getCurrency().getCurrencyCode())
                || MinorUnits.toMinor(answered) != MinorUnits.toMinor(payment.total()))) {
            return Optional.of("answered " + MinorUnits.format(MinorUnits.toMinor(answered), answered.getCurrency())
                    + " for a payment of " + MinorUnits.format(MinorUnits.toMinor(payment.total()),
                            payment.total().getCurrency()));
        }
        return Optional.empty();
    }

    /**
     * Asks the provider about the latest attempt of a payment that is not confirmed yet; runs from
     * the reconcile timer until the outcome is final.
     */
    void reconcile(DueTimer timer) {
        String paymentId = timer.key().target();
        boolean mine = context.tx(uow -> {
            Optional<DueTimer> still = uow.timers().find(timer.key());
            if (still.isEmpty() || !still.get().equals(timer)) {
                return false;
            }
            uow.timers().schedule(timer.key(), context.now().plus(RECONCILE_EVERY));
            return true;
        });
        if (!mine) {
            return;
        }
        BuyerPayment payment = requirePayment(paymentId);
        Optional<PaymentOutcome> status = payment.paid().isPresent() || payment.lastAttempt().isEmpty()
                ? Optional.empty()
                : context.payments().status(new TransactionId(payment.lastAttempt().get()));
        if (payment.paid().isPresent() || payment.lastAttempt().isEmpty()
                || status.filter(PaymentOutcome::isFinal).isPresent()) {
            status.ifPresent(outcome -> settle(paymentId, outcome));
            context.tx(uow -> {
                uow.timers().cancel(timer.key());
                return null;
            });
        }
    }

    PaymentResult confirm(Actor actor, String paymentId, String providerReference) {
        Access.system(actor, "confirm payment");
        BuyerPayment payment = requirePayment(paymentId);
        if (context.guarantee().isPresent() && payment.lastAttempt().isEmpty() && payment.paid().isEmpty()) {
            return new PaymentResult.Refused(PaymentResult.Reason.NO_PROVIDER_SALE, "payment " + paymentId + " has no provider sale to hold in escrow;"
                    + " pay it with pay()");
        }
        return markPaid(paymentId, InvalidInputException.requireNonNull(providerReference, "providerReference"));
    }

    Optional<BuyerPayment> read(Actor actor, String paymentId) {
        Optional<BuyerPayment> payment = context.tx(uow -> uow.repository(BuyerPayments.TYPE)
                .find(InvalidInputException.requireNonNull(paymentId, "paymentId"))).map(Versioned::value);
        payment.ifPresent(p -> {
            if (!Access.isBuyer(actor, p.buyerId()) && !Access.isPlatform(actor)) {
                throw new NotPermittedException(actor, "read", "payment " + paymentId);
            }
        });
        return payment;
    }

    private BuyerPayment requirePayment(String paymentId) {
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        return context.tx(uow -> uow.repository(BuyerPayments.TYPE).find(paymentId)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("paymentId", paymentId, "is not a known payment"));
    }

    /** The sellers of a payment's orders, in order id order. */
    private List<String> sellersOf(BuyerPayment payment) {
        return context.tx(uow -> payment.orderIds().stream()
                .map(id -> uow.repository(Orders.TYPE).find(id).orElseThrow().value().facts().sellerId())
                .distinct().toList());
    }

    private Optional<String> unpayable(BuyerPayment payment) {
        return context.tx(uow -> {
            for (OrderId id : payment.orderIds()) {
                Order order = uow.repository(Orders.TYPE).find(id).orElseThrow().value();
                if (!(order instanceof Order.AwaitingPayment)) {
                    return Optional.of("order " + id + " is " + order.stateName() + " and cannot be paid");
                }
            }
            return Optional.<String>empty();
        });
    }

    /**
     * Marks a payment and its orders paid and allocates their stock. An order that closed
     * meanwhile stays closed and a refund is due for it.
     */
    private PaymentResult markPaid(String paymentId, String providerReference) {
        return markPaid(paymentId, providerReference, Optional.empty());
    }

    private PaymentResult markPaid(String paymentId, String providerReference, Optional<PaymentSource> source) {
        boolean wasPaid = requirePayment(paymentId).paid().isPresent();
        PaymentResult result = markPaidOnce(paymentId, providerReference);
        if (!wasPaid && result instanceof PaymentResult.Paid paid) {
            try {
                paymentGuard.paid(paid.payment(), sellersOf(paid.payment()), source);
            } catch (RuntimeException e) {
                LOG.warn("the payment guard failed after payment {}", paymentId, e);
            }
        }
        if (result instanceof PaymentResult.Paid paid) {
            paid.payment().orderIds().forEach(context::afterCommit);
        }
        if (result instanceof PaymentResult.Paid paid) {
            tellPaid(paid.payment());
        }
        return result;
    }

    /**
     * Tells the paid hooks (escrow holding the money among them). Runs after the payment's commit,
     * also when a confirmation finds it already paid (hooks are idempotent, so one lost in a crash
     * catches up); a failing hook is logged and changes nothing.
     */
    private void tellPaid(BuyerPayment payment) {
        if (onPaid.isEmpty()) {
            return;
        }
        List<Order> orders = context.tx(uow -> {
            Repository<OrderId, Order> repo = uow.repository(Orders.TYPE);
            return payment.orderIds().stream().map(id -> repo.find(id).orElseThrow().value()).toList();
        });
        for (PaidHook hook : onPaid) {
            try {
                hook.paid(payment, orders);
            } catch (RuntimeException e) {
                LOG.warn("a paid hook failed for payment {}", payment.paymentId(), e);
            }
        }
    }

    private PaymentResult markPaidOnce(String paymentId, String providerReference) {
        return context.tx(uow -> {
            Instant now = context.now();
            Repository<String, BuyerPayment> payments = uow.repository(BuyerPayments.TYPE);
            Versioned<BuyerPayment> payment = payments.find(paymentId).orElseThrow();
            if (payment.value().paid().isPresent()) {
                return new PaymentResult.Paid(payment.value());
            }
            PaymentInfo info = new PaymentInfo(providerReference, now);
            Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
            for (OrderId id : payment.value().orderIds()) {
                Versioned<Order> order = orders.find(id).orElseThrow();
                if (order.value() instanceof Order.AwaitingPayment awaiting) {
                    Order.Paid paid = awaiting.pay(info);
                    List<Reservation.Pick> picks = context.inventory().find(new ReservationId(id.value()))
                            .map(Reservation::picks).orElse(List.of());
                    Order.StockAllocated allocated = paid.allocateStock(picks, now);
                    orders.update(id, allocated, order.version());
                    if (context.guarantee().isPresent()) {
                        context.guarantee().get().hold(uow, payment.value(), allocated, true, now);
                    }
                    uow.timers().cancel(new TimerKey(Orders.UNPAID_CLOSE_TIMER, id.value()));
                    uow.publishAfterCommit(OrderEvent.entered(paid, now));
                    uow.publishAfterCommit(OrderEvent.entered(allocated, now));
                } else if (context.guarantee().isPresent()) {
                    // Closed or cancelled while the money was on its way: booked and refunded at once.
                    context.guarantee().get().hold(uow, payment.value(), order.value(), false, now);
                } else {
                    OrderFacts facts = order.value().facts();
                    List<Refund.LineRefund> lines = facts.snapshot().lines().stream()
                            .map(l -> new Refund.LineRefund(l.lineNo(), l.quantity(), l.payable())).toList();
                    uow.publishAfterCommit(new OrderEvent.RefundDue(id, facts.buyerId(), facts.sellerId(),
                            new Refund(Optional.empty(), lines, facts.snapshot().payable(), now), now));
                }
            }
            uow.timers().cancel(new TimerKey(RECONCILE_TIMER, paymentId));
            BuyerPayment paid = payment.value().withPaid(info);
            payments.update(paymentId, paid, payment.version());
            return new PaymentResult.Paid(paid);
        });
    }
}
