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
import dev.mercato.core.escrow.StagedOrder;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.inventory.ReservationResult;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderFacts;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.core.promotion.FlashSaleTally;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checkout: places the orders of a cart under one buyer payment, after the checkout guard and the
 * flash-sale caps let it, with their stock reserved; the cart is emptied, and the orders wait for
 * {@link PaymentCommands} to be paid. Idempotent by checkout key (docs/architecture.md rule 7).
 */
final class CheckoutCommands {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CheckoutCommands.class);
    private static final String SCOPE = "checkout";

    private final Context context;
    /** Locks striped by checkout key: see {@link #checkout}. */
    private final Object[] retryLocks = new Object[64];

    private final CheckoutGuard guard;
    private final Optional<GroupBuyCommands> groups;

    CheckoutCommands(Context context, CheckoutGuard guard) {
        this(context, guard, Optional.empty());
    }

    CheckoutCommands(Context context, CheckoutGuard guard, Optional<GroupBuyCommands> groups) {
        java.util.Arrays.setAll(retryLocks, i -> new Object());
        this.context = context;
        this.guard = guard;
        this.groups = groups;
    }

    /**
     * Checks out to a destination region (warehouse choice only) or to a full destination (shipping
     * quotes, recorded on the orders); when {@code to} is present its region is the region.
     */
    CheckoutResult checkout(Actor actor, CartId cartId, String checkoutKey, Optional<String> region,
            Optional<Destination> to) {
        return checkout(actor, cartId, checkoutKey, region, to, Optional.empty());
    }

    /**
     * As {@link #checkout(Actor, CartId, String, Optional, Optional)}; with a group choice the
     * checkout opens or joins a group-buy group (see {@link GroupBuyCommands}).
     */
    CheckoutResult checkout(Actor actor, CartId cartId, String checkoutKey, Optional<String> region,
            Optional<Destination> to, Optional<dev.mercato.core.groupbuy.GroupChoice> group) {
        return checkout(actor, cartId, checkoutKey, region, to, group, Optional.empty());
    }

    /**
     * As {@link #checkout(Actor, CartId, String, Optional, Optional, Optional)}; with stages, each
     * order's first stage is paid now and its schedule kept for its escrow ({@link StagedPayment}).
     */
    CheckoutResult checkout(Actor actor, CartId cartId, String checkoutKey, Optional<String> region,
            Optional<Destination> to, Optional<dev.mercato.core.groupbuy.GroupChoice> group,
            Optional<StagedPayment> stages) {
        InvalidInputException.requireNonNull(group, "group");
        InvalidInputException.requireNonNull(stages, "stages");
        if (stages.isPresent()) {
            if (group.isPresent()) {
                throw new InvalidInputException("stages", stages.get(), "a group-buy checkout is paid in full");
            }
            if (context.guarantee().isEmpty() || !context.guarantee().get().allowsStages()) {
                throw new InvalidInputException("stages", stages.get(), "payments in stages need guaranteed"
                        + " transactions (Builder.guaranteedTransactions) without tax or cash rounding");
            }
        }
        if (group.isPresent() && groups.isEmpty()) {
            throw new InvalidInputException("group", group.get(), "this facade runs no group-buy campaigns:"
                    + " build it with Builder.groupBuys(campaigns)");
        }
        InvalidInputException.requireNonNull(cartId, "cart");
        Access.cartOwner(actor, cartId, "check out");
        InvalidInputException.requireNonNull(region, "destinationRegion");
        InvalidInputException.requireNonNull(to, "destination");
        Optional<String> destination = to.isPresent() ? Optional.of(to.get().region()) : region;
        IdempotencyKey key = IdempotencyKey.of(SCOPE, cartId.ownerId(), checkoutKey);
        String fingerprint = "cart=" + cartId.ownerId() + ";destination=" + destination.orElse("")
                + to.map(d -> ";address=" + d.address()).orElse("")
                + group.map(GroupBuyCommands::fingerprint).orElse("") + stages.map(st -> ";stages=" + st).orElse("");
        // Retries of one key in this instance run one after another, so a retry never sees the cart
        // or the stock half-way through its twin's placement; across instances sharing storage the
        // idempotency store still places the checkout once (a racing twin may then be refused).
        synchronized (retryLocks[Math.floorMod(key.hashCode(), retryLocks.length)]) {
            return checkoutOnce(cartId, key, fingerprint, destination, to, group, stages);
        }
    }

    /**
     * How often one checkout is attempted while its commit keeps losing to concurrent checkouts
     * on the same rows (a hot coupon budget, the same stock), with a jittered backoff between.
     */
    static final int CONTENDED_ATTEMPTS = 24;

    /** Waits a random 1 .. 2^min(attempt, 6) ms so racing checkouts stop colliding in step. */
    private static void backOff(int attempt) {
        long bound = 1L << Math.min(attempt, 6);
        try {
            Thread.sleep(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The timer that gives back the stock of a checkout that died between reserving and committing. */
    static final String RESERVATION_TIMER = "checkout.reservation-expiry";
    /** How long a checkout attempt may take between reserving stock and committing its orders. */
    static final java.time.Duration RESERVATION_GRACE = java.time.Duration.ofMinutes(15);

    /** The reservation of an attempt expired before its orders committed. */
    static final class ReservationExpired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReservationExpired(String orderId) {
            super("the stock reservation of order " + orderId + " expired before the checkout committed");
        }
    }

    /** Cancels the write-ahead reservation timers of an attempt that reserved nothing. */
    private void forgetReservations(Attempt plan) {
        context.tx(uow -> {
            for (Order.AwaitingPayment order : plan.orders()) {
                uow.timers().cancel(new TimerKey(RESERVATION_TIMER, order.id().value()));
            }
            return null;
        });
    }

    /**
     * A reservation's grace passed: unless its order was placed, the attempt that reserved the
     * stock died before committing, and the stock goes back.
     */
    void expireReservation(DueTimer timer) {
        String orderId = timer.key().target();
        boolean placed = context.tx(uow -> uow.repository(Orders.TYPE).find(new OrderId(orderId)).isPresent());
        if (!placed) {
            context.inventory().release(new ReservationId(orderId)).ifPresent(r ->
                    LOG.warn("released the stock of order {}: its checkout reserved it and never committed", orderId));
        }
        // The scheduler completes the timer, which this handler leaves as it was.
    }

    private CheckoutResult checkoutOnce(CartId cartId, IdempotencyKey key, String fingerprint,
            Optional<String> destination, Optional<Destination> to,
            Optional<dev.mercato.core.groupbuy.GroupChoice> group, Optional<StagedPayment> stages) {
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
            if (group.isPresent()) {
                Optional<CheckoutResult.Refused> groupRefusal = groups.orElseThrow().refusal(group.get(),
                        cartId.ownerId(), stored.get().value());
                if (groupRefusal.isPresent()) {
                    return placedMeanwhile(key, fingerprint, groupRefusal.get());
                }
            }
            // A group member is offered the campaign's group price (no buyer flag needed).
            CartPriceResult priced = group.isEmpty() ? CartCommands.price(context, stored.get().value(), to)
                    : CartCommands.price(context, stored.get().value(), to, groups.orElseThrow().groupPrices(group.get()));
            if (priced instanceof CartPriceResult.Unshippable unshippable) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Unshippable(unshippable.refusal()));
            }
            Optional<String> guardRefusal = guard.refusal(cartId.ownerId(), key.key(), priced.priced().orElseThrow());
            if (guardRefusal.isPresent()) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.GUARD_REFUSED, guardRefusal.get()));
            }
            Optional<CheckoutResult.Refused> limitRefusal = OrderQuantities.checkoutRefusal(context,
                    priced.priced().orElseThrow());
            if (limitRefusal.isPresent()) {
                return placedMeanwhile(key, fingerprint, limitRefusal.get());
            }
            if (stages.orElse(null) instanceof StagedPayment.PreSale
                    && priced.priced().orElseThrow().depositsByLine().isEmpty()) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.CANNOT_STAGE,
                        "no line of this cart is on pre-sale: check out without stages"));
            }
            Attempt plan;
            try {
                plan = plan(cartId, key, stored.get(), priced.priced().orElseThrow(), destination, to, stages);
            } catch (InvalidInputException cannotStage) {
                if (stages.isEmpty()) {
                    throw cannotStage;
                }
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.CANNOT_STAGE,
                        "these orders cannot be paid in stages: " + cannotStage.getMessage()));
            }
            Optional<String> capRefusal = flashSaleRefusal(cartId.ownerId(), plan.priced());
            if (capRefusal.isPresent()) {
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.FLASH_SALE_CAP, capRefusal.get()));
            }
            // Written ahead: if this process dies between reserving and committing, the timer gives
            // the stock back; the placing unit of work cancels it.
            context.tx(uow -> {
                for (Order.AwaitingPayment order : plan.orders()) {
                    uow.timers().schedule(new TimerKey(RESERVATION_TIMER, order.id().value()),
                            context.now().plus(RESERVATION_GRACE));
                }
                return null;
            });
            Optional<String> stockRefusal = reserve(plan);
            if (stockRefusal.isPresent()) {
                forgetReservations(plan);
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.OUT_OF_STOCK, stockRefusal.get()));
            }
            try {
                CheckoutResult placed = context.storage().inTransaction(uow -> place(uow, key, fingerprint, plan, group),
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
                if (attempt >= CONTENDED_ATTEMPTS) {
                    return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.CONTENDED,
                            "checked out " + attempt + " times while other checkouts changed the same rows ("
                                    + conflict.getMessage() + "); nothing was placed, try again"));
                }
                backOff(attempt);
            } catch (GroupBuyCommands.GroupRefused refused) {
                // The group filled, failed or took this buyer meanwhile: nothing was placed.
                release(plan, Set.of());
                return placedMeanwhile(key, fingerprint, refused.refusal());
            } catch (FlashSaleCapReached reached) {
                release(plan, Set.of());
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.FLASH_SALE_CAP,
                        reached.getMessage()));
            } catch (ReservationExpired expired) {
                release(plan, Set.of());
                return placedMeanwhile(key, fingerprint, new CheckoutResult.Refused(CheckoutResult.Reason.OUT_OF_STOCK,
                        expired.getMessage() + "; check out again"));
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
            List<Order.AwaitingPayment> orders, List<StagedOrder> staged) {}

    private Attempt plan(CartId cartId, IdempotencyKey key, Versioned<Cart> cart, PricedCart priced,
            Optional<String> destination, Optional<Destination> to, Optional<StagedPayment> stages) {
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
            facts = context.guarantee().isPresent() ? context.guarantee().get().recorded(facts) : facts;
            orders.add(new Order.AwaitingPayment(facts,
                    now.plus(flash ? context.policy().flashSalePayWithin() : context.policy().payWithin())));
        }
        long total = 0;
        List<OrderId> ids = new ArrayList<>();
        List<StagedOrder> staged = new ArrayList<>();
        for (Order.AwaitingPayment order : orders) {
            Optional<dev.mercato.core.escrow.PaymentSchedule> schedule = stages.flatMap(st -> schedule(st, priced, order, now));
            if (schedule.isPresent()) {
                // The buyer pays the first stage now; the escrow asks the balance later.
                total = Math.addExact(total, schedule.get().firstStage(context.guarantee().orElseThrow().terms(order)));
                staged.add(new StagedOrder(order.id(), schedule.get()));
            } else {
                total = Math.addExact(total, MinorUnits.toMinor(order.facts().snapshot().payableInCash()));
            }
            ids.add(order.id());
        }
        BuyerPayment payment = new BuyerPayment(paymentId, cartId.ownerId(), ids,
                MinorUnits.toAmount(total, priced.currency()), now, Optional.empty(), List.of());
        return new Attempt(cart, priced, payment, orders, staged);
    }

    /**
     * One order's schedule under the checkout's stages: a pre-sale order's deposit is what its
     * pre-sale lines were priced with (none: paid in full; a deposit covering the whole payable:
     * paid in full too); a B2B order pays its advance share now.
     */
    private static Optional<dev.mercato.core.escrow.PaymentSchedule> schedule(StagedPayment stages, PricedCart priced,
            Order.AwaitingPayment order, Instant now) {
        if (stages instanceof StagedPayment.PreSale pre) {
            if (!pre.balanceDueBy().isAfter(now)) {
                throw new InvalidInputException("balanceDueBy", pre.balanceDueBy(), "has passed");
            }
            long deposit = priced.depositOf(order.facts().sellerId());
            if (deposit == 0 || deposit >= MinorUnits.toMinor(order.facts().snapshot().payable())) {
                return Optional.empty();
            }
            return Optional.of(new dev.mercato.core.escrow.PaymentSchedule.DepositAndBalance(
                    MinorUnits.toAmount(deposit, priced.currency()), pre.balanceOpensAt(), pre.balanceDueBy(), pre.forfeit()));
        }
        StagedPayment.Advance advance = (StagedPayment.Advance) stages;
        return Optional.of(new dev.mercato.core.escrow.PaymentSchedule.AdvanceAndBalance(advance.advanceShare(),
                now.plus(advance.balanceDueIn())));
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A flash-sale SKU's cap counts the units the buyer already has in live orders. Checked before
     * stock is reserved (to refuse early) and again by {@link #holdFlashSaleCaps} when placing.
     */
    private Optional<String> flashSaleRefusal(String buyerId, PricedCart priced) {
        Map<SkuId, Long> wanted = flashSaleUnits(priced);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<Versioned<Order>> orders = context.tx(uow -> uow.repository(Orders.TYPE).findBy(Orders.BY_BUYER, buyerId));
        return flashSaleRefusal(wanted, orders);
    }

    /** The units of each flash-sale SKU in a cart, in SKU order (the order their tallies are written in). */
    private Map<SkuId, Long> flashSaleUnits(PricedCart priced) {
        Map<SkuId, Long> wanted = new java.util.TreeMap<>();
        for (PricedCart.Line line : priced.lines()) {
            if (context.limits().flashSaleCap(line.sku()).isPresent()) {
                wanted.merge(line.sku(), line.quantity(), Math::addExact);
            }
        }
        return wanted;
    }

    /** A flash sale's cap reached at commit: thrown inside the placing unit of work, so nothing commits. */
    private static final class FlashSaleCapReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FlashSaleCapReached(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The flash-sale caps checked again inside the placing unit of work, where they hold against
     * concurrent checkouts of the same buyer on any instance: the buyer's tally of each SKU is read
     * first, then the buyer's orders, and the tally is written back under the version read. A
     * checkout of the same buyer and SKU that committed after the tally was read fails this commit
     * (which counts again on its next attempt); one that committed before it is among the orders.
     */
    private void holdFlashSaleCaps(UnitOfWork uow, String buyerId, PricedCart priced) {
        Map<SkuId, Long> wanted = flashSaleUnits(priced);
        if (wanted.isEmpty()) {
            return;
        }
        Repository<String, FlashSaleTally> tallies = uow.repository(FlashSaleTally.TYPE);
        Map<SkuId, Optional<Versioned<FlashSaleTally>>> read = new LinkedHashMap<>();
        for (SkuId sku : wanted.keySet()) {
            read.put(sku, tallies.find(FlashSaleTally.key(buyerId, sku)));
        }
        Optional<String> refusal = flashSaleRefusal(wanted, uow.repository(Orders.TYPE).findBy(Orders.BY_BUYER, buyerId));
        if (refusal.isPresent()) {
            throw new FlashSaleCapReached(refusal.get());
        }
        read.forEach((sku, tally) -> tallies.save(FlashSaleTally.key(buyerId, sku),
                tally.map(Versioned::value).orElse(new FlashSaleTally(buyerId, sku, 0)).next(),
                tally));
    }

    private Optional<String> flashSaleRefusal(Map<SkuId, Long> wanted, List<Versioned<Order>> orders) {
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

    private CheckoutResult place(UnitOfWork uow, IdempotencyKey key, String fingerprint, Attempt plan,
            Optional<dev.mercato.core.groupbuy.GroupChoice> group) {
        Optional<CheckoutResult.Placed> earlier = uow.idempotency().find(key, fingerprint, CheckoutResult.Placed.class);
        if (earlier.isPresent()) {
            // Another run of this checkout won; the caller releases this run's reservations.
            throw new ConcurrencyConflictException("idempotency", key.toString(), ConcurrencyConflictException.ABSENT, 1);
        }
        holdFlashSaleCaps(uow, plan.payment().buyerId(), plan.priced());
        Instant now = context.now();
        Repository<CartId, Cart> carts = uow.repository(Carts.TYPE);
        Versioned<Cart> cart = plan.cart();
        carts.update(cart.value().id(), cart.value().cleared(), cart.version());
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        for (Order.AwaitingPayment order : plan.orders()) {
            if (context.inventory().find(new ReservationId(order.id().value())).isEmpty()) {
                // Its reservation expired (the attempt took longer than the grace): never an order
                // without its stock; the caller releases what is left and refuses.
                throw new ReservationExpired(order.id().value());
            }
            orders.insert(order.id(), order);
            uow.timers().cancel(new TimerKey(RESERVATION_TIMER, order.id().value()));
            uow.timers().schedule(new TimerKey(Orders.UNPAID_CLOSE_TIMER, order.id().value()), order.payBy());
            uow.publishAfterCommit(OrderEvent.entered(order, now));
        }
        uow.repository(BuyerPayments.TYPE).insert(plan.payment().paymentId(), plan.payment());
        for (StagedOrder staged : plan.staged()) {
            uow.repository(StagedOrder.TYPE).insert(staged.orderId().value(), staged);
        }
        Optional<String> overdrawn = context.caps().book(uow, plan.payment().paymentId(), plan.payment().buyerId(),
                plan.payment().orderIds(), plan.priced().promotionsApplied(), plan.priced().currency());
        if (overdrawn.isPresent()) {
            throw new CapOverdrawn(overdrawn.get());
        }
        if (group.isPresent()) {
            // The group's version guards its places: a concurrent join fails this commit, which is retried.
            groups.orElseThrow().join(uow, group.get(), key.toString(), plan.payment());
        }
        CheckoutResult.Placed placed = new CheckoutResult.Placed(plan.payment(), plan.orders(), plan.priced());
        uow.idempotency().remember(key, fingerprint, placed);
        return placed;
    }
}
