package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.Cart;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartPriceResult;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.cart.ShippingRates;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaidHook;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DeliveryHook;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.Packing;
import dev.mercato.core.fulfilment.Parcels;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.membership.MembershipService;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.settlement.PayoutService;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PayoutProvider;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderPolicy;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.revenue.RevenueSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * The entry point a host application builds: carts, checkout, payment and the order lifecycle
 * over the plugged-in storage, catalog, inventory, pricing, payment provider and carrier.
 *
 * <pre>{@code
 * Commerce commerce = Commerce.builder().paymentProvider(provider).carrier(carrier)
 *         .catalog(catalog).inventory(inventory).build();
 * Actor.Buyer ann = new Actor.Buyer("ann");
 * commerce.addToCart(ann, CartId.of("ann"), SkuId.of("tea"), 2);
 * CheckoutResult placed = commerce.checkout(ann, CartId.of("ann"), "checkout-1", Optional.empty());
 * }</pre>
 *
 * <p>Every command carries an {@link Actor}. A command the actor may not issue throws {@link
 * NotPermittedException}; bad input throws another {@link dev.mercato.pricing.error.MercatoException}
 * subtype; a business refusal is a returned value. In all three cases nothing changed.
 *
 * <p>Thread-safe: commands on the same aggregate from several threads are serialized by the
 * storage's optimistic versions and retried on conflict.
 */
public final class Commerce {
    private final Context context;
    private final CartCommands carts;
    private final CheckoutCommands checkout;
    private final PaymentCommands payments;
    private final OrderCommands orders;
    private final FulfilmentCommands fulfilment;
    private final EscrowCommands escrows;
    private final DueTaskRunner timers;
    private final Optional<Memberships> memberships;
    private final Optional<Payouts> payouts;
    private final Optional<Fees> fees;
    private final Optional<Journal> ledger;
    private final Optional<GroupBuyCommands> groups;
    private final Optional<dev.mercato.core.fulfilment.LateDeliveryRule> lateDeliveryRule;

    private Commerce(Context context, FulfilmentSettings fulfilmentSettings, List<PaidHook> paidHooks,
            List<Consumer<DueTaskRunner>> moreTimers, CheckoutGuard checkoutGuard, PaymentGuard paymentGuard,
            Optional<MembershipService> membershipService, Optional<PayoutService> payoutService,
            Optional<Journal> ledger, Map<String, dev.mercato.core.groupbuy.GroupCampaign> campaigns,
            Optional<dev.mercato.core.fee.FeeSettings> feeSettings) {
        this.context = context;
        this.lateDeliveryRule = fulfilmentSettings.lateDelivery();
        this.ledger = ledger;
        this.memberships = membershipService.map(Memberships::new);
        // With provider-held funds the provider pays sellers; the facade's payouts record what it paid.
        this.payouts = payoutService.map(Payouts::new)
                .or(() -> context.guarantee().flatMap(Guarantee::providerFunds).map(Payouts::new));
        this.fees = feeSettings.map(settings -> new Fees(context, context.guarantee().orElseThrow().journal(), settings));
        this.carts = new CartCommands(context);
        EscrowCommands escrowCommands = new EscrowCommands(context);
        this.groups = campaigns.isEmpty() ? Optional.empty()
                : Optional.of(new GroupBuyCommands(context, campaigns, escrowCommands));
        this.checkout = new CheckoutCommands(context, checkoutGuard, groups);
        this.payments = new PaymentCommands(context, withFeeHooks(paidHooks), paymentGuard);
        this.orders = new OrderCommands(context);
        this.fulfilment = new FulfilmentCommands(context, fulfilmentSettings);
        this.escrows = escrowCommands;
        this.timers = DueTaskRunner.create(context.storage(), context.clock())
                .on(PaymentCommands.RECONCILE_TIMER, (timer, now) -> payments.reconcile(timer))
                .on(Parcels.TRACK_TIMER, (timer, now) -> fulfilment.track(timer))
                .on(Orders.UNPAID_CLOSE_TIMER, (timer, now) -> orders.fire(timer))
                .on(CheckoutCommands.RESERVATION_TIMER, (timer, now) -> checkout.expireReservation(timer))
                .on(OrderCommands.AUTO_COMPLETE_TIMER, (timer, now) -> orders.fire(timer));
        if (context.guarantee().isPresent()) {
            for (String kind : List.of(EscrowService.UNPAID_CLOSE, EscrowService.AUTO_CONFIRM,
                    EscrowService.GROUP_DEADLINE, EscrowService.BALANCE_DUE)) {
                timers.on(kind, (timer, now) -> escrows.fire(timer));
            }
        }
        membershipService.ifPresent(service -> service.registerTimers(timers));
        payoutService.ifPresent(service -> service.registerTimers(timers));
        groups.ifPresent(g -> timers.on(dev.mercato.core.groupbuy.GroupBuys.DEADLINE_TIMER,
                (timer, now) -> g.fireDeadline(timer)));
        fees.ifPresent(f -> f.registerTimers(timers));
        lateDeliveryRule.ifPresent(rule -> timers.on(LateDeliveries.COUPON_EXPIRY_TIMER,
                (timer, now) -> LateDeliveries.expireCoupon(context, timer)));
        moreTimers.forEach(registrar -> registrar.accept(timers));
    }

    /**
     * Starts a builder with the embedded defaults: system clock, in-memory storage, an empty
     * in-memory catalog and inventory, list-price pricing, free shipping. The payment provider and
     * the carrier have no default: set them, or ask for the sandboxes ({@link Builder#sandboxes()}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ carts

    /**
     * Adds units of a SKU to a cart.
     *
     * @param actor the cart's owner
     * @param cart the cart
     * @param sku an active SKU
     * @param quantity units to add, positive
     * @return the new cart, or a refusal (limits; below the SKU's minimum order quantity, above its
     *     maximum, not a multiple of its step: docs/core.md, "Order quantities and minimums")
     * @throws NotPermittedException if the actor does not own the cart
     */
    public CartResult addToCart(Actor actor, CartId cart, SkuId sku, long quantity) {
        return carts.add(actor, cart, sku, quantity);
    }

    /**
     * Sets the units of a SKU in a cart.
     *
     * @param actor the cart's owner
     * @param cart the cart
     * @param sku a SKU in the cart
     * @param quantity the new units, positive
     * @return the new cart, or a refusal
     */
    public CartResult changeQuantity(Actor actor, CartId cart, SkuId sku, long quantity) {
        return carts.changeQuantity(actor, cart, sku, quantity);
    }

    /**
     * Removes a SKU from a cart.
     *
     * @param actor the cart's owner
     * @param cart the cart
     * @param sku a SKU in the cart
     * @return the new cart, or a refusal
     */
    public CartResult removeFromCart(Actor actor, CartId cart, SkuId sku) {
        return carts.remove(actor, cart, sku);
    }

    /**
     * Merges a guest's cart into the member's cart on sign-in and deletes the guest cart. The host
     * vouches that the guest session belongs to the member; the source must be a guest cart
     * ({@link CartId#guest}), so another buyer's cart can never be taken.
     *
     * @param member the signed-in buyer; owns {@code memberCart}
     * @param memberCart the member's cart
     * @param guestCart the guest session's cart, made by {@link CartId#guest}
     * @return the merged cart with notes on adjustments
     * @throws InvalidInputException if {@code guestCart} is not a guest cart, or {@code memberCart} is one
     */
    public CartResult mergeGuestCart(Actor member, CartId memberCart, CartId guestCart) {
        return carts.merge(member, memberCart, guestCart);
    }

    /**
     * A cart as stored, unpriced.
     *
     * @param actor the owner or a platform operator
     * @param cart the cart
     * @return the cart, empty when nothing was ever added
     */
    public Cart cart(Actor actor, CartId cart) {
        return carts.read(actor, cart);
    }

    /**
     * A cart priced now, with the explanation of every price, before a destination is known.
     * Shipping rates that need a delivery address (carrier quotes) refuse with {@code
     * NO_DESTINATION}: use {@link #priceCart(Actor, CartId, Destination)}.
     *
     * @param actor the owner or a platform operator
     * @param cart the cart
     * @return the priced cart (with the sellers below their minimum order amount), empty, or
     *     unshippable
     * @throws dev.mercato.core.cart.SellerMinimumCurrencyException if a seller's minimum order
     *     amount is in another currency than the cart
     */
    public CartPriceResult priceCart(Actor actor, CartId cart) {
        return carts.price(actor, cart, Optional.empty());
    }

    /**
     * A cart priced now for a destination: shipping is charged as the rates (e.g. carrier quotes)
     * give it to that address, with each seller's delivery promise when quoted.
     *
     * @param actor the owner or a platform operator
     * @param cart the cart
     * @param destination where the buyer ships
     * @return the priced cart, empty, or unshippable with a named reason
     */
    public CartPriceResult priceCart(Actor actor, CartId cart, Destination destination) {
        return carts.price(actor, cart, Optional.of(InvalidInputException.requireNonNull(destination, "destination")));
    }

    // ------------------------------------------------------------------ checkout and payment

    /**
     * Checks a cart out: prices it, reserves stock, and places one order per seller under one
     * buyer payment; the cart is emptied. Idempotent by {@code checkoutKey}: a retry with the same
     * key returns the same orders and payment, even after the cart changed.
     *
     * @param actor the cart's owner
     * @param cart the cart
     * @param checkoutKey the caller's idempotency key, not blank
     * @param destinationRegion where the goods go, if known (nearest-warehouse choice); rates that
     *     need a delivery address refuse with {@code NO_DESTINATION}
     * @return the placed orders, or a refusal
     * @throws dev.mercato.core.storage.IdempotencyKeyReusedException if the key was used for another cart or destination
     */
    public CheckoutResult checkout(Actor actor, CartId cart, String checkoutKey, Optional<String> destinationRegion) {
        return checkout.checkout(actor, cart, checkoutKey, destinationRegion, Optional.empty());
    }

    /**
     * Checks a cart out to a delivery address: as {@link #checkout(Actor, CartId, String, Optional)}
     * with the destination's region for the warehouse choice, shipping charged as the rates quote
     * it to the address, and each order recording the address and its seller's delivery promise.
     * A seller's part that cannot ship there is refused as {@link CheckoutResult.Unshippable} and
     * nothing changes.
     *
     * @param actor the cart's owner
     * @param cart the cart
     * @param checkoutKey the caller's idempotency key, not blank
     * @param destination where the buyer ships
     * @return the placed orders, or a refusal
     * @throws dev.mercato.core.storage.IdempotencyKeyReusedException if the key was used for another cart or destination
     */
    public CheckoutResult checkout(Actor actor, CartId cart, String checkoutKey, Destination destination) {
        return checkout.checkout(actor, cart, checkoutKey, Optional.empty(),
                Optional.of(InvalidInputException.requireNonNull(destination, "destination")));
    }

    /**
     * Pays a buyer payment through the payment provider. Idempotent: paying a paid payment
     * returns it.
     *
     * @param actor the buyer who owns the payment
     * @param paymentId the payment
     * @param source the buyer's payment token
     * @return paid, pending, or refused
     */
    public PaymentResult pay(Actor actor, String paymentId, PaymentSource source) {
        return payments.pay(actor, paymentId, source);
    }

    /**
     * Applies a payment provider's webhook as received: the provider verifies it (a forged,
     * stale or malformed notification is a {@link NotificationResult.Rejected} and changes
     * nothing), then each event settles the buyer payment whose attempt it answers (paid,
     * declined or still pending, exactly as {@link #pay} settles a direct answer) or, with
     * guaranteed transactions, the escrow refund it answers. A notification delivered twice, or
     * after a later one, changes nothing the second time; an answer to an older attempt of a
     * payment is ignored.
     *
     * @param actor the system (the host's webhook endpoint) or a platform operator
     * @param notification the webhook as received
     * @return the provider's verification result
     */
    public NotificationResult onPaymentNotification(Actor actor, Notification notification) {
        return payments.onNotification(actor, notification);
    }

    /**
     * Records a payment the provider confirmed asynchronously (a notification or reconciliation).
     *
     * @param actor the system or a platform operator
     * @param paymentId the payment
     * @param providerReference the provider's reference
     * @return the outcome
     */
    public PaymentResult confirmPayment(Actor actor, String paymentId, String providerReference) {
        return payments.confirm(actor, paymentId, providerReference);
    }

    /**
     * A buyer payment.
     *
     * @param actor its buyer, the system or a platform operator
     * @param paymentId the payment
     * @return the payment, or empty
     */
    public Optional<BuyerPayment> payment(Actor actor, String paymentId) {
        return payments.read(actor, paymentId);
    }

    // ------------------------------------------------------------------ orders

    /**
     * An order.
     *
     * @param actor its buyer, its seller, the system or a platform operator
     * @param orderId the order
     * @return the order, or empty
     */
    public Optional<Order> order(Actor actor, OrderId orderId) {
        return orders.read(actor, orderId);
    }

    /**
     * A buyer's orders, in id order.
     *
     * @param actor the buyer or a platform operator
     * @param buyerId the buyer
     * @return the orders
     */
    public List<Order> ordersOfBuyer(Actor actor, String buyerId) {
        return orders.ofBuyer(actor, buyerId);
    }

    /**
     * The buyer cancels an unpaid order; its stock is released.
     *
     * @param actor the order's buyer
     * @param orderId the order
     * @return the cancelled order, or a refusal when it is no longer unpaid
     */
    public OrderResult cancelOrder(Actor actor, OrderId orderId) {
        return orders.cancel(actor, orderId);
    }

    /**
     * Refunds a paid order in full before anything shipped; its stock is released. An order
     * checked out in stages whose balance is not paid gets back what was paid (its deposit or
     * advance) and closes; the buyer may ask it only when the order's forfeit rule refunds the
     * deposit anyway, otherwise the refusal is {@link OrderResult.Reason#DEPOSIT_NOT_REFUNDABLE}
     * (docs/core.md, "Payments in stages").
     *
     * @param actor the order's buyer or seller, or a platform operator
     * @param orderId the order
     * @return the refunded order, or a refusal
     */
    public OrderResult refundBeforeShipment(Actor actor, OrderId orderId) {
        InvalidInputException.requireNonNull(orderId, "orderId");
        Optional<OrderResult> beforeBalance = escrows.refundBeforeBalance(actor, orderId);
        if (beforeBalance.isPresent()) {
            return beforeBalance.get();
        }
        return orders.refundBeforeShipment(actor, orderId);
    }

    /**
     * Ships units of an order; the order's reserved stock is committed.
     *
     * @param actor the order's seller
     * @param orderId the order
     * @param trackingNumber the parcel's tracking number
     * @param items the units in the parcel
     * @return the order, partially or fully shipped, or a refusal
     */
    public OrderResult ship(Actor actor, OrderId orderId, String trackingNumber, List<Shipment.Item> items) {
        Optional<String> group = groups.flatMap(g -> g.notFormed(actor, InvalidInputException.requireNonNull(orderId, "orderId")));
        if (group.isPresent()) {
            return new OrderResult.Refused(OrderResult.Reason.GROUP_NOT_FORMED, "order " + orderId + " waits for group "
                    + group.get() + " to form and cannot ship before it does");
        }
        Optional<String> balance = escrows.balanceRefusal(orderId);
        if (balance.isPresent()) {
            return new OrderResult.Refused(OrderResult.Reason.BALANCE_NOT_PAID, balance.get());
        }
        return orders.ship(actor, orderId, trackingNumber, items);
    }

    /**
     * Records delivery now, for a shipped order; the after-sale window starts and the delivery hooks
     * run ({@link Builder#onDelivery}: the escrow's confirmation clock). Orders shipped through the
     * carrier are delivered by their tracking instead (see {@link #onTrackingNotification}); a buyer
     * may still confirm earlier.
     *
     * @param actor the order's buyer, the system or a platform operator
     * @param orderId the order
     * @return the delivered order, or a refusal
     */
    public OrderResult confirmDelivery(Actor actor, OrderId orderId) {
        OrderResult result = orders.deliver(actor, orderId);
        if (result instanceof OrderResult.Done done && done.order() instanceof Order.Delivered delivered) {
            fulfilment.delivered(delivered);
        }
        return result;
    }

    // ------------------------------------------------------------------ shipping through the carrier

    /**
     * Ships units of an order through the carrier: one parcel per warehouse the units are reserved
     * in, each booked under a {@link dev.mercato.logistics.ShipmentRequestId} derived from the
     * order, {@code dispatch.key()} and the warehouse. Every parcel is quoted first, then booked;
     * then the order records them ({@code PartiallyShipped} or {@code Shipped}) and each parcel's
     * units are committed in its warehouse. A retried command (same key and content) returns the
     * first parcels and books nothing; a refusal or an unreachable carrier changes nothing on the
     * order (parcels booked before a refusal are cancelled; after an unreachable carrier, retry
     * with the same key). Tracking then delivers the order: see {@link #onTrackingNotification}
     * and {@link #runDueTimers}.
     *
     * @param actor the order's seller
     * @param orderId the order
     * @param dispatch the key, the service, the units (empty for all) and the address (empty for the
     *     address the order was checked out to)
     * @return the order with its parcels, or a refusal, or the carrier's unavailability
     * @throws dev.mercato.core.storage.IdempotencyKeyReusedException if the key was used for other content
     * @throws InvalidInputException if a warehouse has no address (see {@link Builder#warehouseAddress})
     */
    public DispatchResult shipWithCarrier(Actor actor, OrderId orderId, CarrierDispatch dispatch) {
        Optional<String> group = groups.flatMap(g -> g.notFormed(actor, InvalidInputException.requireNonNull(orderId, "orderId")));
        if (group.isPresent()) {
            return new DispatchResult.GroupNotFormed(group.get(), "order " + orderId + " waits for group " + group.get()
                    + " to form; no parcel was booked");
        }
        Optional<String> balance = escrows.balanceRefusal(orderId);
        if (balance.isPresent()) {
            return new DispatchResult.Refused(Optional.empty(), balance.get() + "; no parcel was booked");
        }
        DispatchResult dispatched = fulfilment.dispatch(actor, orderId, dispatch);
        if (dispatched instanceof DispatchResult.Dispatched) {
            fees.ifPresent(f -> {
                f.afterDispatch(orderId);
                f.afterBalance(orderId);
            });
        }
        return dispatched;
    }

    /** The paid hooks, with the booking of each captured payment's channel cost when fees are configured. */
    private List<PaidHook> withFeeHooks(List<PaidHook> paidHooks) {
        if (fees.isEmpty()) {
            return paidHooks;
        }
        List<PaidHook> hooks = new java.util.ArrayList<>(paidHooks);
        hooks.add((payment, orders) -> fees.get().afterCapture(payment.paymentId()));
        return List.copyOf(hooks);
    }

    /**
     * Books the carrier's return shipment of an approved return or exchange case: the label the
     * buyer sends the goods back with, from the address the order was delivered to back to the
     * warehouse the goods left. Idempotent per case. When tracking reports it delivered, the
     * case's goods are marked received (as {@link #receiveReturnedGoods}), after which the refund
     * can proceed. With {@link Builder#fees fees}, the label's carrier charge is booked to its
     * bearer ({@code FeeSettings.returnLabelBearer}).
     *
     * @param actor the order's buyer or seller, or a platform operator
     * @param orderId the delivered order
     * @param caseId an approved {@code RETURN_AND_REFUND} or {@code EXCHANGE} case
     * @param service the carrier service
     * @return the order with the return parcel, or a refusal (also when the order has no address),
     *     or the carrier's unavailability
     */
    public DispatchResult shipReturn(Actor actor, OrderId orderId, String caseId, ServiceLevel service) {
        return returnLabelBooked(orderId, fulfilment.shipReturn(actor, orderId, caseId, Optional.empty(), service));
    }

    /** Books a return label's carrier charge (docs/fees.md) once its parcel is recorded. */
    private DispatchResult returnLabelBooked(OrderId orderId, DispatchResult result) {
        if (result instanceof DispatchResult.Dispatched) {
            fees.ifPresent(f -> f.afterDispatch(orderId));
        }
        return result;
    }

    /**
     * {@link #shipReturn(Actor, OrderId, String, ServiceLevel)}, collecting the return at another
     * address than the order's (or for an order checked out without one).
     *
     * @param actor the order's buyer or seller, or a platform operator
     * @param orderId the delivered order
     * @param caseId an approved {@code RETURN_AND_REFUND} or {@code EXCHANGE} case
     * @param buyerAddress where the carrier collects the return
     * @param service the carrier service
     * @return the order with the return parcel, or a refusal, or the carrier's unavailability
     */
    public DispatchResult shipReturn(Actor actor, OrderId orderId, String caseId, Address buyerAddress,
            ServiceLevel service) {
        InvalidInputException.requireNonNull(buyerAddress, "buyerAddress");
        return returnLabelBooked(orderId, fulfilment.shipReturn(actor, orderId, caseId, Optional.of(buyerAddress), service));
    }

    /**
     * Applies a tracking notification the carrier pushed: the carrier verifies it (a forged or
     * altered one is rejected and changes nothing), then its events are folded into the parcels,
     * once per event id and in any order. An order whose parcels are all delivered becomes
     * {@code Delivered} at the last delivery's instant, its after-sale window and, with an escrow
     * connected ({@link Builder#onDelivery}), the escrow's auto-confirm clock start from there. A
     * delivered return marks its case's goods received. A lost or failed parcel is published as a
     * {@link dev.mercato.core.fulfilment.ParcelEvent.Trouble} for the host to act on.
     *
     * @param actor the system or a platform operator
     * @param notification the notification as received
     * @return what changed, or the rejection
     */
    public TrackingResult onTrackingNotification(Actor actor, TrackingNotification notification) {
        return fulfilment.onNotification(actor, notification);
    }

    /**
     * The carrier parcels of an order, outbound and returns, oldest first.
     *
     * @param actor its buyer, its seller, the system or a platform operator
     * @param orderId the order
     * @return the parcels with their tracking
     */
    public List<TrackedParcel> parcels(Actor actor, OrderId orderId) {
        return fulfilment.parcels(actor, orderId);
    }

    // ------------------------------------------------------------------ late delivery

    /**
     * The delivery deadline of an order under the late-delivery rule ({@link Builder#lateDelivery}):
     * its booked parcels' latest promise, its checkout quote's promise, or a window from its
     * payment, to the instant.
     *
     * @param actor its buyer, its seller, the system or a platform operator
     * @param orderId the order
     * @return the deadline; empty without a rule, before the order has one (not paid, not booked)
     *     or for an unknown order
     */
    public Optional<java.time.Instant> deliveryDeadline(Actor actor, OrderId orderId) {
        Optional<Order> order = order(actor, orderId);
        if (lateDeliveryRule.isEmpty() || order.isEmpty()) {
            return Optional.empty();
        }
        List<TrackedParcel> outbound = parcels(actor, orderId).stream().filter(p -> !p.isReturn()).toList();
        Optional<java.time.Instant> paidAt = order.get() instanceof Order.Delivered d ? Optional.of(d.payment().paidAt())
                : order.get() instanceof Order.Shipped s ? Optional.of(s.payment().paidAt())
                : order.get() instanceof Order.Completed c ? Optional.of(c.payment().paidAt()) : Optional.empty();
        return LateDeliveries.deadline(lateDeliveryRule.get(), order.get(), outbound, paidAt);
    }

    /**
     * The late-delivery compensation an order's buyer received, if any: the order's refund of case
     * {@code "late-delivery"}, booked once when the carrier's delivery scan came after the deadline
     * (docs/core.md, "Delivery promises in minutes and late compensation").
     *
     * @param actor its buyer, its seller, the system or a platform operator
     * @param orderId the order
     * @return the refund, or empty
     */
    public Optional<dev.mercato.core.order.Refund> lateDeliveryCompensation(Actor actor, OrderId orderId) {
        Optional<Order> order = order(actor, orderId);
        List<dev.mercato.core.order.Refund> refunds = order.isEmpty() ? List.of()
                : order.get() instanceof Order.Delivered d ? d.refunds()
                : order.get() instanceof Order.Completed c ? c.refunds() : List.of();
        return refunds.stream().filter(r -> r.caseId().equals(Optional.of(LateDeliveries.CASE))).findFirst();
    }

    /**
     * The late-delivery coupon an order's buyer received, if the rule pays coupons ({@link
     * dev.mercato.core.fulfilment.LateDeliveryRule#asCoupon}, docs/fees.md, "Late-delivery coupons").
     *
     * @param actor its buyer, its seller, the system or a platform operator
     * @param orderId the late order
     * @return the coupon (issued, redeemed or expired), or empty
     */
    public Optional<dev.mercato.core.fulfilment.LateDeliveryCoupon> lateDeliveryCoupon(Actor actor, OrderId orderId) {
        return order(actor, orderId).flatMap(o -> LateDeliveries.coupon(context, o.id()));
    }

    /**
     * Spends a late order's coupon on a later order of the same buyer: the host's checkout gave
     * that order a platform-funded discount of the coupon's value, and this releases the buyer
     * credit into the platform's clearing to fund it ({@code BuyerCredit -c, PlatformClearing +c}).
     * Once per coupon: the same order again returns the first redemption.
     *
     * @param actor the system or a platform operator
     * @param lateOrder the order that earned the coupon
     * @param redeemedOn the paid order it is spent on
     * @return redeemed, or refused with a reason and nothing changed
     * @throws NotPermittedException for a buyer or a seller
     * @throws InvalidInputException for an order the facade does not know
     */
    public dev.mercato.core.fulfilment.CouponResult redeemLateDeliveryCoupon(Actor actor, OrderId lateOrder,
            OrderId redeemedOn) {
        return LateDeliveries.redeemCoupon(context, actor, lateOrder, redeemedOn);
    }

    /**
     * The buyer opens an after-sale case; no reason is required.
     *
     * @param actor the order's buyer
     * @param orderId the order
     * @param caseId the case id, unique in the order
     * @param kind return and refund, refund only, or exchange
     * @param items the units concerned
     * @param reason the buyer's reason, if any
     * @return the order with the case, or a refusal (window passed, too many units)
     */
    public OrderResult requestAfterSale(Actor actor, OrderId orderId, String caseId, AfterSaleCase.Kind kind,
            List<AfterSaleCase.Item> items, Optional<String> reason) {
        return orders.requestAfterSale(actor, orderId, caseId, kind, items, reason);
    }

    /**
     * Approves a requested case.
     *
     * @param actor the order's seller or a platform operator
     * @param orderId the order
     * @param caseId the case
     * @return the order, or a refusal
     */
    public OrderResult approveAfterSale(Actor actor, OrderId orderId, String caseId) {
        return orders.approve(actor, orderId, caseId);
    }

    /**
     * Rejects a requested case.
     *
     * @param actor the order's seller or a platform operator
     * @param orderId the order
     * @param caseId the case
     * @param why the reason
     * @return the order, or a refusal
     */
    public OrderResult rejectAfterSale(Actor actor, OrderId orderId, String caseId, String why) {
        return orders.reject(actor, orderId, caseId, why);
    }

    /**
     * Records that returned goods arrived.
     *
     * @param actor the order's seller or a platform operator
     * @param orderId the order
     * @param caseId the case
     * @return the order, or a refusal
     */
    public OrderResult receiveReturnedGoods(Actor actor, OrderId orderId, String caseId) {
        return orders.receiveGoods(actor, orderId, caseId);
    }

    /**
     * Refunds a case that is ready for it; a {@code RefundDue} event tells the payment side.
     *
     * @param actor the order's seller, the system or a platform operator
     * @param orderId the order
     * @param caseId the case
     * @return the order with the refund, or a refusal
     */
    public OrderResult refundAfterSale(Actor actor, OrderId orderId, String caseId) {
        return orders.refundCase(actor, orderId, caseId);
    }

    /**
     * Ships the replacement of an exchange.
     *
     * @param actor the order's seller
     * @param orderId the order
     * @param caseId the case
     * @param trackingNumber the replacement parcel
     * @return the order, or a refusal
     */
    public OrderResult shipExchange(Actor actor, OrderId orderId, String caseId, String trackingNumber) {
        return orders.exchange(actor, orderId, caseId, trackingNumber);
    }

    /**
     * The one scheduler: runs every timer that is due now, of every kind this facade knows and of
     * every kind registered with {@link Builder#timers}: unpaid close (releasing stock), order
     * completion after the after-sale window, payment reconciliation (a success found this way
     * pays the orders), carrier tracking polls (every {@link Builder#trackingPollInterval}) and,
     * with {@link Builder#guaranteedTransactions guaranteed transactions}, the escrows' unpaid
     * close, auto-confirm (which releases the money and moves the order on) and group deadlines,
     * and the escrows' refund reconciliation; with {@link Builder#fundsHeldByProvider provider-held
     * funds}, the reconciliation of split, return and unfreeze instructions (sent again under the
     * same id while the provider has no record of them). Storage is asked for these kinds only, so due timers
     * of other kinds never starve them; a failing timer is isolated and retried with backoff
     * ({@link DueTaskRunner#runDue}). Call it periodically; it is safe from several threads.
     *
     * @param actor the system
     * @return how many timers fired
     */
    public int runDueTimers(Actor actor) {
        Access.system(actor, "run timers");
        int fired = timers.runDue();
        int reconciled = payouts.map(Payouts::reconcile).orElse(0);
        // Provider-held funds first: the returns a refund after release waits for go out before it.
        int instructed = context.guarantee().flatMap(Guarantee::providerFunds).map(ProviderFunds::reconcile).orElse(0);
        return fired + instructed + escrows.reconcile() + reconciled;
    }

    /**
     * Sends again the refunds of an order's escrow that the provider declined (a closed card, a
     * refused account). Until then, a declined refund's money is in the ledger as owed to the
     * buyer ({@code Account.refundOwed(buyer)}), never counted as refunded; see
     * {@link EscrowService#resendDeclinedRefunds}.
     *
     * @param actor a platform operator or the system
     * @param orderId the order
     * @return how many refunds were sent again
     * @throws NotPermittedException for a buyer or a seller
     */
    public int resendDeclinedRefunds(Actor actor, OrderId orderId) {
        Access.system(actor, "send a declined refund again");
        Escrow escrow = escrow(actor, orderId).orElseThrow(() -> new InvalidInputException("orderId", orderId,
                "has no escrow (not paid, or no guaranteed transactions)"));
        return context.guarantee().orElseThrow().escrows().resendDeclinedRefunds(escrow.id(), actor);
    }

    /**
     * The memberships configured with {@link Builder#memberships}: paid plans, points and tiers
     * behind actor checks, with points earned on paid orders and clawed back on refunds by the
     * facade itself.
     *
     * @return the memberships
     * @throws InvalidInputException when the builder configured none
     */
    public Memberships memberships() {
        return memberships.orElseThrow(() -> new InvalidInputException("memberships", "not configured",
                "call Commerce.builder().memberships(settings) to run memberships on this facade"));
    }

    /**
     * The payouts configured with {@link Builder#payouts}: T+N payouts of released money behind
     * actor checks, their cycles and reconciliation run by {@link #runDueTimers}. With {@link
     * Builder#fundsHeldByProvider provider-held funds} (where {@code Builder.payouts} is refused at
     * build time) the provider pays sellers from their sub-accounts, and these payouts record what
     * it reports paying ({@link Payouts#recordProviderPayout}) and list it.
     *
     * @return the payouts
     * @throws InvalidInputException when the builder configured none and the platform holds the funds
     */
    public Payouts payouts() {
        return payouts.orElseThrow(() -> new InvalidInputException("payouts", "not configured",
                "call Commerce.builder().payouts(provider, holdPeriod, payees) to pay sellers from this facade"));
    }

    /**
     * The fees configured with {@link Builder#fees} (docs/fees.md): the annual technical-service
     * fee and its rebate, charged and booked back by {@link #runDueTimers}, and advertising charged
     * against a prepaid balance and a daily budget, behind actor checks.
     *
     * @return the fees
     * @throws InvalidInputException when the builder configured none
     */
    public Fees fees() {
        return fees.orElseThrow(() -> new InvalidInputException("fees", "not configured",
                "call Commerce.builder().fees(FeeSettings.of(knownSellers)) to book fees on this facade"));
    }

    // ------------------------------------------------------------------ group buying

    /**
     * Checks a cart out as a group-buy member (docs/group-buying.md): as {@link #checkout(Actor,
     * CartId, String, Optional)}, and the checkout opens a new group of a campaign or takes a
     * place in an open group, in the unit of work that places its orders, so a group never takes
     * more members than its size, however many checkouts race for its last place. The cart must
     * hold the campaign's SKUs only; they are priced at the campaign's group price because the
     * buyer is a member (no buyer flag). Once paid, the money waits in the orders' escrows ({@link
     * dev.mercato.core.escrow.AwaitingGroup}) until the group forms; the seller cannot ship before
     * ({@link OrderResult.Reason#GROUP_NOT_FORMED}). The payment that pays the last place forms the
     * group; at the deadline an unfilled group fails and every member is refunded ({@link
     * #runDueTimers}). Needs {@link Builder#groupBuys} (and guaranteed transactions).
     *
     * @param actor the cart's owner
     * @param cart the cart, holding the campaign's SKUs only
     * @param checkoutKey the caller's idempotency key, not blank
     * @param destinationRegion where the goods go, if known
     * @param group open a group of a campaign, or join a group
     * @return the placed orders (find the group with {@link #groupOf}), or a refusal: {@code
     *     GROUP_FULL}, {@code GROUP_REFUSED}, {@code NOT_A_GROUP_CART}, or any checkout refusal
     * @throws InvalidInputException if this facade runs no group-buy campaigns
     */
    public CheckoutResult checkout(Actor actor, CartId cart, String checkoutKey, Optional<String> destinationRegion,
            dev.mercato.core.groupbuy.GroupChoice group) {
        return checkout.checkout(actor, cart, checkoutKey, destinationRegion, Optional.empty(),
                Optional.of(InvalidInputException.requireNonNull(group, "group")));
    }

    /**
     * Checks a cart out to a delivery address as a group-buy member: as {@link #checkout(Actor,
     * CartId, String, Optional, dev.mercato.core.groupbuy.GroupChoice)} with the address's shipping.
     *
     * @param actor the cart's owner
     * @param cart the cart, holding the campaign's SKUs only
     * @param checkoutKey the caller's idempotency key, not blank
     * @param destination where the buyer ships
     * @param group open a group of a campaign, or join a group
     * @return the placed orders, or a refusal
     */
    public CheckoutResult checkout(Actor actor, CartId cart, String checkoutKey, Destination destination,
            dev.mercato.core.groupbuy.GroupChoice group) {
        return checkout.checkout(actor, cart, checkoutKey, Optional.empty(),
                Optional.of(InvalidInputException.requireNonNull(destination, "destination")),
                Optional.of(InvalidInputException.requireNonNull(group, "group")));
    }

    // ------------------------------------------------------------------ payments in stages

    /**
     * Checks a cart out to a delivery address paid in two stages (docs/core.md, "Payments in
     * stages"): the payment created now asks each order's first stage (a pre-sale order's deposit,
     * a B2B order's advance; orders of a pre-sale checkout without pre-sale lines in full), and
     * each order's escrow keeps its own schedule. The seller cannot ship an order before its balance
     * is paid ({@link #payBalance}); at the balance's due date an unpaid balance applies the forfeit
     * rule and closes the order, once, by timer ({@link #runDueTimers}). Idempotent per key, like
     * every checkout.
     *
     * @param actor the cart's owner
     * @param cart the cart
     * @param checkoutKey the caller's idempotency key, not blank
     * @param destination where the buyer ships
     * @param stages the stages: {@link dev.mercato.core.escrow.StagedPayment.PreSale} or
     *     {@link dev.mercato.core.escrow.StagedPayment.Advance}
     * @return the placed orders, or a refusal ({@code CANNOT_STAGE} when nothing is on pre-sale or
     *     the schedule does not fit)
     * @throws InvalidInputException if the facade runs no guaranteed transactions, or taxes or
     *     rounds cash (staged escrows carry neither)
     */
    public CheckoutResult checkout(Actor actor, CartId cart, String checkoutKey, Destination destination,
            dev.mercato.core.escrow.StagedPayment stages) {
        return checkout.checkout(actor, cart, checkoutKey, Optional.empty(),
                Optional.of(InvalidInputException.requireNonNull(destination, "destination")), Optional.empty(),
                Optional.of(InvalidInputException.requireNonNull(stages, "stages")));
    }

    /**
     * Pays the balance of an order checked out in stages, through the escrow's own sale with the
     * provider (ids {@code esc.<order>.balance-<n>}; paying again after a pending or lost answer
     * replays the same id, a declined attempt uses the next). Refused, without calling the
     * provider, before the window opens, from the due date on, and for an order with no balance
     * due. With {@link Builder#fees fees}, a paid balance books its payment-channel cost ({@code
     * Fees.bookBalanceCosts}).
     *
     * @param actor the order's buyer
     * @param orderId the order
     * @param source what pays
     * @return paid (the order may ship), pending (reconciliation completes it), or a refusal
     * @throws NotPermittedException if the actor is not the order's buyer
     */
    public dev.mercato.core.escrow.BalanceResult payBalance(Actor actor, OrderId orderId, PaymentSource source) {
        dev.mercato.core.escrow.BalanceResult result = escrows.payBalance(actor, orderId, source);
        if (result instanceof dev.mercato.core.escrow.BalanceResult.Paid) {
            fees.ifPresent(f -> f.afterBalance(orderId));
        }
        return result;
    }

    /**
     * The group-buy group an order holds (or held) a place in.
     *
     * @param actor the order's buyer or seller, the system or a platform operator
     * @param orderId the order
     * @return the group in its current state, or empty for an order outside any group
     */
    public Optional<dev.mercato.core.groupbuy.GroupBuy> groupOf(Actor actor, OrderId orderId) {
        return groups.flatMap(g -> g.groupOf(actor, orderId));
    }

    /**
     * A group-buy group by id, for any actor: buyers pass a group's id to friends so they can join.
     *
     * @param actor anyone
     * @param groupId the group
     * @return the group, or empty
     */
    public Optional<dev.mercato.core.groupbuy.GroupBuy> groupBuy(Actor actor, String groupId) {
        InvalidInputException.requireNonNull(actor, "actor");
        return groups.flatMap(g -> g.group(groupId));
    }

    /**
     * A member leaves an open group before it formed: an unpaid order is cancelled, a paid one is
     * refunded in full through the payment provider (a balanced refund entry in the ledger) and
     * refunded before shipment; the stock goes back and the place is free for another buyer.
     *
     * @param actor the order's buyer or a platform operator
     * @param orderId one of the member's orders (all of the member's orders leave)
     * @return the order afterwards, or {@link OrderResult.Reason#GROUP_NOT_OPEN} when the group
     *     formed or failed, or the order holds no place
     * @throws NotPermittedException if the actor may not act for this order
     */
    public OrderResult leaveGroup(Actor actor, OrderId orderId) {
        return groups.<OrderResult>map(g -> g.leave(actor, orderId)).orElseGet(() -> {
            orders.read(actor, orderId);
            return new OrderResult.Refused(OrderResult.Reason.GROUP_NOT_OPEN, "this facade runs no group-buy campaigns");
        });
    }

    // ------------------------------------------------------------------ guaranteed transactions

    /**
     * The escrow that holds an order's money (with {@link Builder#guaranteedTransactions}).
     *
     * @param actor the order's buyer or seller, the system or a platform operator
     * @param orderId the order
     * @return the escrow, or empty before the order is paid (or without guaranteed transactions)
     */
    public Optional<Escrow> escrow(Actor actor, OrderId orderId) {
        return escrows.read(actor, orderId);
    }

    /**
     * The buyer confirms receipt: the escrow releases the money to the seller, net of commission
     * and fees (in one journal entry), and the order, if it was not yet delivered, is delivered now
     * (receipt counts as delivery). The order completes when its after-sale window has passed.
     *
     * @param actor the order's buyer
     * @param orderId a shipped or delivered order
     * @return the order afterwards, or a refusal (nothing changed)
     * @throws NotPermittedException if the actor may not issue this command for this order
     */
    public OrderResult confirmReceipt(Actor actor, OrderId orderId) {
        return escrows.command(actor, orderId, new dev.mercato.core.escrow.EscrowCommand.ConfirmReceipt(actor),
                "confirm receipt of", Access.OrderRole.BUYER);
    }

    /**
     * The buyer extends the automatic confirmation once, by the terms' extension.
     *
     * @param actor the order's buyer
     * @param orderId a shipped or delivered order
     * @return the order, or a refusal
     * @throws NotPermittedException if the actor may not issue this command for this order
     */
    public OrderResult extendAutoConfirm(Actor actor, OrderId orderId) {
        return escrows.command(actor, orderId, new dev.mercato.core.escrow.EscrowCommand.ExtendAutoConfirm(actor),
                "extend the confirmation of", Access.OrderRole.BUYER);
    }

    /**
     * Opens a dispute: the escrow's timers freeze until an operator resolves it.
     *
     * @param actor the order's buyer (or, after shipment, its seller)
     * @param orderId the order
     * @return the order, or a refusal
     * @throws NotPermittedException if the actor may not issue this command for this order
     */
    public OrderResult openDispute(Actor actor, OrderId orderId) {
        return escrows.command(actor, orderId, new dev.mercato.core.escrow.EscrowCommand.OpenDispute(actor),
                "dispute", Access.OrderRole.BUYER, Access.OrderRole.SELLER);
    }

    /**
     * Ends a dispute without a resolution: the escrow goes back to where it was (held, or shipped
     * with its confirmation clock running again) and the order can go on, e.g. be shipped.
     *
     * @param actor the order's buyer or a platform operator
     * @param orderId the disputed order
     * @return the order, or a refusal
     * @throws NotPermittedException if the actor may not issue this command for this order
     */
    public OrderResult endDispute(Actor actor, OrderId orderId) {
        return escrows.command(actor, orderId, new dev.mercato.core.escrow.EscrowCommand.EndDispute(actor),
                "end the dispute of", Access.OrderRole.BUYER, Access.OrderRole.OPERATOR);
    }

    /**
     * An operator resolves a dispute by splitting the held money: {@code refundToBuyer} goes back to
     * the buyer through the provider, the rest is released to the seller net of its share of
     * commission and fees. The order completes when its after-sale window has passed. Before the
     * order has shipped, only a full refund resolves it (end the dispute to let the seller ship).
     *
     * @param actor a platform operator
     * @param orderId the disputed order
     * @param refundToBuyer the buyer's part, zero to the whole held amount
     * @return the order, or a refusal
     * @throws NotPermittedException if the actor may not issue this command for this order
     */
    public OrderResult resolveDispute(Actor actor, OrderId orderId, MonetaryAmount refundToBuyer) {
        return escrows.command(actor, orderId, new dev.mercato.core.escrow.EscrowCommand.ResolveBySplit(actor,
                InvalidInputException.requireNonNull(refundToBuyer, "refundToBuyer")), "resolve the dispute of",
                Access.OrderRole.OPERATOR);
    }

    /**
     * An operator resolves a dispute after shipment by naming what goes back to the buyer line by
     * line (and the shipping refunded): each named line gives back its own commission, fees,
     * shares and subsidy, and every line's remainder is released to the seller with exactly its
     * own charges (docs/escrow-and-ledger.md, "Refunds by line").
     *
     * @param actor a platform operator
     * @param orderId the disputed order, shipped
     * @param lines the lines refunded, by line id ({@code line-<lineNo>}) and amount
     * @param shipping the shipping refunded, zero or positive
     * @return the order, or a refusal (an unknown line, more than is left of a line, or not shipped)
     * @throws NotPermittedException if the actor may not issue this command for this order
     * @throws InvalidInputException if a line is named twice or nothing is refunded
     */
    public OrderResult resolveDispute(Actor actor, OrderId orderId, List<dev.mercato.core.escrow.LineAmount> lines,
            MonetaryAmount shipping) {
        return escrows.command(actor, orderId, new dev.mercato.core.escrow.EscrowCommand.ResolveBySplitLines(actor,
                lines, shipping), "resolve the dispute of", Access.OrderRole.OPERATOR);
    }

    /**
     * A seller's settlement statement for a period, read from the ledger (with {@link
     * Builder#guaranteedTransactions}): gross, platform subsidies, the seller's own discounts (from
     * each order's frozen snapshot), commission, fees, shares, refunds and the net credited to the
     * seller's payable account.
     *
     * @param actor the seller, the system or a platform operator
     * @param sellerId the seller
     * @param currency the currency
     * @param from start, inclusive
     * @param to end, exclusive
     * @return the statement
     */
    public dev.mercato.core.settlement.SettlementStatement statement(Actor actor, String sellerId, CurrencyUnit currency,
            java.time.Instant from, java.time.Instant to) {
        return escrows.statement(actor, sellerId, currency, from, to);
    }

    /**
     * The statement of the platform's own store for a period (docs/escrow-and-ledger.md,
     * "Self-operated goods"): the sales of self-operated goods released, net of refunds after
     * release, their cost of goods ({@link Builder#costsOfGoods}) and the margin.
     *
     * @param actor the system or a platform operator
     * @param currency the currency
     * @param from start, inclusive
     * @param to end, exclusive
     * @return the statement
     * @throws NotPermittedException if the actor is not the platform
     * @throws InvalidInputException without {@link Builder#guaranteedTransactions}
     */
    public dev.mercato.core.settlement.MarginStatement marginStatement(Actor actor, CurrencyUnit currency,
            java.time.Instant from, java.time.Instant to) {
        Access.system(actor, "read the margin statement of");
        Guarantee guarantee = context.guarantee().orElseThrow(() -> new InvalidInputException(
                "guaranteedTransactions", "not configured", "self-operated sales are posted with the escrow's release:"
                        + " call Commerce.builder().guaranteedTransactions(schedule)"));
        return dev.mercato.core.settlement.MarginStatement.read(guarantee.journal(), currency, from, to);
    }

    /**
     * The escrow service behind guaranteed transactions, for reads (provider operations, states)
     * and for escrows a host runs outside the facade's orders. Move an order's escrow through
     * the facade's commands ({@link #confirmReceipt}, {@link #openDispute}, ...), which move the
     * order with it; commands sent to the service directly leave the order where it is.
     *
     * @return the service, or empty without guaranteed transactions
     */
    public Optional<EscrowService> escrowService() {
        return context.guarantee().map(Guarantee::escrows);
    }

    /**
     * The seller service's view of open work, answered from this facade's orders: a seller has
     * open obligations while any of its orders is not finished (awaiting payment, paid, being
     * shipped, delivered with its after-sale window or escrow still open). Pass it to {@code
     * SellerService.create} so a closing seller's deposit returns only after its orders and
     * disputes have settled.
     *
     * @return the obligations view; thread-safe
     */
    public dev.mercato.core.seller.OpenObligations openObligations() {
        return sellerId -> context.tx(uow -> uow.repository(Orders.TYPE).findBy(Orders.BY_SELLER,
                InvalidInputException.requireNonNull(sellerId, "sellerId")).stream()
                .map(dev.mercato.core.storage.Versioned::value)
                .anyMatch(o -> !(o instanceof Order.Completed || o instanceof Order.Cancelled || o instanceof Order.Closed
                        || o instanceof Order.RefundedBeforeShipment)));
    }

    /**
     * The review service's view of orders, answered from this facade's orders: an order can be
     * reviewed once it is {@code Completed} (its after-sale window passed and its escrow settled),
     * from its completion instant, line by line.
     *
     * @return the orders view; thread-safe
     */
    public dev.mercato.core.review.CompletedOrders completedOrders() {
        return orderId -> context.tx(uow -> uow.repository(Orders.TYPE)
                .find(new OrderId(InvalidInputException.requireNonNull(orderId, "orderId"))))
                .map(dev.mercato.core.storage.Versioned::value)
                .map(o -> new dev.mercato.core.review.CompletedOrder(o.id().value(), o.facts().buyerId(),
                        o.facts().sellerId(), o instanceof Order.Completed c ? Optional.of(c.completedAt()) : Optional.empty(),
                        o.facts().snapshot().lines().stream().map(dev.mercato.core.order.OrderLine::lineNo)
                                .collect(Collectors.toSet())));
    }

    /**
     * The ledger every money movement of this facade is posted to (with {@link
     * Builder#guaranteedTransactions}, {@link Builder#memberships} or {@link Builder#payouts}: the
     * journal in this facade's storage, one for all three).
     *
     * @return the journal, or empty when none of them is configured
     */
    public Optional<Journal> journal() {
        return ledger;
    }

    /**
     * The storage this instance keeps its aggregates in; other services of the platform (escrow,
     * ledger, memberships) may share it so that their writes commit with the same guarantees.
     *
     * @return the storage
     */
    public Storage storage() {
        return context.storage();
    }

    /**
     * The clock every deadline is measured with.
     *
     * @return the clock
     */
    public Clock clock() {
        return context.clock();
    }

    /**
     * The catalog this instance looks SKUs up in.
     *
     * @return the catalog
     */
    public Catalog catalog() {
        return context.catalog();
    }

    /**
     * The inventory this instance reserves stock in.
     *
     * @return the inventory
     */
    public Inventory inventory() {
        return context.inventory();
    }

    /**
     * The carrier this instance was built with, for quotes and labels.
     *
     * @return the carrier
     */
    public Carrier carrier() {
        return context.carrier();
    }

    /**
     * The payment provider this instance was built with.
     *
     * @return the provider
     */
    public PaymentProvider paymentProvider() {
        return context.payments();
    }

    /**
     * Builds a {@link Commerce}; every setting has an embedded default except the payment provider
     * and the carrier (see {@link #sandboxes()}). Not thread-safe.
     */
    public static final class Builder {
        private static final Set<CurrencyUnit> SANDBOX_CURRENCIES = Stream.of("CNY", "USD", "EUR", "JPY", "GBP", "HKD")
                .map(Monetary::getCurrency).collect(Collectors.toUnmodifiableSet());

        private Clock clock = Clock.systemUTC();
        private Storage storage;
        private Catalog catalog;
        private Inventory inventory;
        private CartPricing pricing = CartPricing.listPrices();
        private dev.mercato.core.promotion.PromotionCaps promotionCaps = dev.mercato.core.promotion.PromotionCaps.none();
        private ShippingRates shippingRates = ShippingRates.none();
        private ServiceLevel quotedService;
        private CartLimits limits = CartLimits.DEFAULT;
        private Optional<Function<String, Optional<javax.money.MonetaryAmount>>> sellerMinimums = Optional.empty();
        private OrderPolicy policy = OrderPolicy.DEFAULT;
        private PaymentProvider payments;
        private Carrier carrier;
        private EventPublisher events = EventPublisher.none();
        private final Map<WarehouseId, Address> warehouseAddresses = new LinkedHashMap<>();
        private Packing packing = Packing.standard();
        private Duration trackingPollInterval = Duration.ofHours(4);
        private final List<DeliveryHook> deliveryHooks = new java.util.ArrayList<>();
        private final List<PaidHook> paidHooks = new java.util.ArrayList<>();
        private final List<Consumer<DueTaskRunner>> timerRegistrars = new java.util.ArrayList<>();
        private RevenueSchedule revenueSchedule;
        private Function<String, SellerType> sellerTypes = seller -> SellerType.ENTERPRISE;
        private String paymentMethod = "default";
        private Duration autoConfirmAfter = EscrowTerms.DEFAULT_AUTO_CONFIRM_AFTER;
        private Duration autoConfirmExtension = EscrowTerms.DEFAULT_EXTENSION;
        private TransactionalJournal journal;
        private dev.mercato.core.fee.FeeSettings feeSettings;
        private boolean sandboxes;
        private CheckoutGuard checkoutGuard = CheckoutGuard.allowAll();
        private PaymentGuard paymentGuard = PaymentGuard.allowAll();
        private MembershipSettings membershipSettings;
        private PricingEngine memberPricingEngine;
        private Set<String> memberPriceTiers = Set.of();
        private PayoutProvider payoutProvider;
        private Duration payoutHoldPeriod;
        private Function<String, Optional<PayeeAccount>> sellerPayees;
        private Function<String, Optional<PayeeAccount>> creatorPayees;
        private final Map<String, dev.mercato.core.groupbuy.GroupCampaign> groupCampaigns = new LinkedHashMap<>();
        private Optional<Guarantee.Taxing> taxing = Optional.empty();
        private Optional<dev.mercato.pricing.money.CashRounding> cashRounding = Optional.empty();
        private Function<dev.mercato.core.catalog.SkuId, Optional<javax.money.MonetaryAmount>> unitCosts =
                sku -> Optional.empty();
        private Optional<dev.mercato.core.fulfilment.LateDeliveryRule> lateDelivery = Optional.empty();
        private FundsAccounts fundsAccounts;

        private Builder() {}

        /**
         * Lets the payment provider hold the buyers' funds (docs/funds-models.md): the facade's
         * flows run unchanged, but the checkout's sale is a held sale ({@code holdSale}, frozen at
         * the provider, settled to the platform's account), each order's release becomes a split
         * instruction (the seller's net to the seller's sub-account; commission, fees and tax to
         * the platform's account; creator shares to theirs), a refund after release first takes
         * the money back from those accounts ({@code returnFunds}), and a payment whose orders are
         * all settled is unfrozen. Instructions carry ids derived from the order's escrow and are
         * retried under the same id until the provider's answer is final ({@link
         * Commerce#runDueTimers}); the journal mirrors where the money is. Sets this provider as
         * the payment provider. Needs {@link #guaranteedTransactions}; refuses {@link #payouts} (the
         * provider pays sellers out of their sub-accounts), {@link #cashRounding} and payments in
         * stages. {@link #build()} refuses a provider that lacks a part the flows need ({@link
         * dev.mercato.payments.UnsupportedCapabilityException}).
         *
         * @param provider the provider that holds the funds
         * @param accounts the platform's account and each seller's and creator's sub-account
         * @return this builder
         */
        public Builder fundsHeldByProvider(dev.mercato.payments.HeldFundsProvider provider, FundsAccounts accounts) {
            this.payments = InvalidInputException.requireNonNull(provider, "provider");
            this.fundsAccounts = InvalidInputException.requireNonNull(accounts, "accounts");
            return this;
        }

        /**
         * {@link #fundsHeldByProvider(dev.mercato.payments.HeldFundsProvider, FundsAccounts)} with
         * the payment provider set by {@link #paymentProvider} (or the sandbox, with {@link
         * #sandboxes()}); {@link #build()} refuses one that is not a {@link
         * dev.mercato.payments.HeldFundsProvider} with every part the flows need.
         *
         * @param accounts the platform's account and each seller's and creator's sub-account
         * @return this builder
         */
        public Builder fundsHeldByProvider(FundsAccounts accounts) {
            this.fundsAccounts = InvalidInputException.requireNonNull(accounts, "accounts");
            return this;
        }

        /** The parts of provider-held funds the facade's flows use (docs/funds-models.md, "Which parts each flow needs"). */
        static final List<dev.mercato.payments.HeldFundsCapabilities.Part> HELD_FUNDS_PARTS = List.of(
                dev.mercato.payments.HeldFundsCapabilities.Part.HOLD, dev.mercato.payments.HeldFundsCapabilities.Part.SPLIT,
                dev.mercato.payments.HeldFundsCapabilities.Part.PARTIAL_SPLIT,
                dev.mercato.payments.HeldFundsCapabilities.Part.UNFREEZE,
                dev.mercato.payments.HeldFundsCapabilities.Part.RETURN);

        /**
         * Compensates buyers automatically for late carrier deliveries (docs/core.md, "Delivery
         * promises in minutes and late compensation"): when the carrier's delivery scan delivers an
         * order after its deadline plus the rule's grace, the buyer is refunded the rule's
         * compensation from the order's held money through the payment provider, once per order,
         * funded by the rule's funder. Needs {@link #guaranteedTransactions}.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder lateDelivery(dev.mercato.core.fulfilment.LateDeliveryRule rule) {
            this.lateDelivery = Optional.of(InvalidInputException.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Runs a membership programme on this facade (points, tiers, paid plans; see {@link
         * Commerce#memberships()}): its accounts and subscriptions live in the facade's storage,
         * plan fees are charged through the facade's payment provider and posted to its journal,
         * renewals, points expiry and tier reviews run on {@link Commerce#runDueTimers}, and paid
         * orders earn points (refunds claw them back) with no listener of the host's.
         *
         * @param settings the programme
         * @return this builder
         */
        public Builder memberships(MembershipSettings settings) {
            this.membershipSettings = InvalidInputException.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Prices carts with this engine, each buyer's context (tier, paid plan, benefit codes,
         * plan shipping coupon) read from the facade's {@link #memberships memberships}, and the
         * catalog's member prices offered to buyers holding any of {@code memberPriceTiers}, with the
         * programme's tier ladder ({@link MembershipSettings#tierLadder()}: a level is also offered
         * the member prices of the levels below it; {@code CartPricing.engine(engine, buyers,
         * tiers, ladder)}). Replaces {@link #pricing}. Register the plans' benefit promotions
         * ({@code PlanBenefits.promotions(plan)}) with the engine.
         *
         * @param engine the pricing engine
         * @param memberPriceTiers the plan and tier codes that pay the catalog's member price
         * @return this builder
         */
        public Builder memberPricing(PricingEngine engine, Set<String> memberPriceTiers) {
            this.memberPricingEngine = InvalidInputException.requireNonNull(engine, "engine");
            this.memberPriceTiers = Set.copyOf(InvalidInputException.requireNonNull(memberPriceTiers, "memberPriceTiers"));
            return this;
        }

        /**
         * Prices carts with this engine as {@link #memberPricing(PricingEngine, Set)} does, the
         * catalog's member price offered to the codes the programme itself names ({@link
         * MembershipSettings#memberPriceTiers()}: every plan, and every tier level whose benefits
         * hold {@code PlanBenefits.MEMBER_PRICE}), and the programme's tier ladder ({@link
         * MembershipSettings#tierLadder()}). A subscriber of a plan, or a member holding such a
         * tier or a higher one, pays the lowest member price those codes have on the SKU ({@code
         * Sku.withMemberPrice}, {@code Sku.memberPriceFor}) at cart and checkout with no buyer flag
         * of the host's; a lapsed or cancelled plan no longer does. The build refuses a programme
         * that names no such code.
         *
         * @param engine the pricing engine
         * @return this builder
         */
        public Builder memberPricing(PricingEngine engine) {
            this.memberPricingEngine = InvalidInputException.requireNonNull(engine, "engine");
            this.memberPriceTiers = null;
            return this;
        }

        /**
         * Pays sellers out of their released balances (T+N, see {@link Commerce#payouts()}) through
         * this payout provider; the ledger is the facade's journal, cycles and reconciliation run on
         * {@link Commerce#runDueTimers}. Creators keep their shares payable.
         *
         * @param provider the payout provider
         * @param holdPeriod N of T+N: released money waits this long before it is paid out, not negative
         * @param payees where each seller is paid; empty skips the seller
         * @return this builder
         */
        public Builder payouts(PayoutProvider provider, Duration holdPeriod,
                Function<String, Optional<PayeeAccount>> payees) {
            return payouts(provider, holdPeriod, payees, party -> Optional.empty());
        }

        /**
         * Pays sellers and creators out of their released balances (T+N).
         *
         * @param provider the payout provider
         * @param holdPeriod N of T+N, not negative
         * @param payees where each seller is paid; empty skips the seller
         * @param creators where each creator or referrer is paid; empty skips the party
         * @return this builder
         */
        public Builder payouts(PayoutProvider provider, Duration holdPeriod,
                Function<String, Optional<PayeeAccount>> payees, Function<String, Optional<PayeeAccount>> creators) {
            this.payoutProvider = InvalidInputException.requireNonNull(provider, "provider");
            InvalidInputException.requireNonNull(holdPeriod, "holdPeriod");
            if (holdPeriod.isNegative()) {
                throw new InvalidInputException("holdPeriod", holdPeriod, "must not be negative");
            }
            this.payoutHoldPeriod = holdPeriod;
            this.sellerPayees = InvalidInputException.requireNonNull(payees, "payees");
            this.creatorPayees = InvalidInputException.requireNonNull(creators, "creators");
            return this;
        }

        /**
         * Books fees on this facade ({@link Commerce#fees()}, docs/fees.md): annual fees, their
         * rebates and advertising charges are posted to the facade's journal, their timers run on
         * {@link Commerce#runDueTimers}. Needs {@link #guaranteedTransactions}: a seller's GMV and
         * payable are read from the ledger its escrows post to.
         *
         * @param settings which sellers exist, the advertising day's zone, rounding
         * @return this builder
         */
        public Builder fees(dev.mercato.core.fee.FeeSettings settings) {
            this.feeSettings = InvalidInputException.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Uses the in-memory sandbox payment provider and sandbox carrier for whichever of the two
         * is not set: for demos, tests and trying the library out. Without this call, {@link
         * #build()} refuses a builder that has no payment provider or no carrier, so a production
         * instance never takes money through a sandbox by accident.
         *
         * @return this builder
         */
        public Builder sandboxes() {
            this.sandboxes = true;
            return this;
        }

        /**
         * Runs every order as a guaranteed transaction: the buyer's payment is held per order in an
         * escrow opened in the same unit of work that marks the orders paid (with the capture's
         * journal entry), the seller is paid when the buyer confirms receipt or the auto-confirm
         * deadline passes, net of the commission, fees and shares this schedule computes from the
         * order's own priced snapshot; refunds, disputes and timers move order and escrow together.
         * The ledger is a journal in this facade's storage ({@link #journal} to pass your own).
         *
         * @param schedule the platform's revenue schedule (e.g. {@code ScheduleJson.example("b2c-mall").revenue()})
         * @return this builder
         */
        public Builder guaranteedTransactions(RevenueSchedule schedule) {
            this.revenueSchedule = InvalidInputException.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Taxes every order (with {@link #guaranteedTransactions}; docs/pricing.md, "Tax in the
         * facade"): at checkout each order line, and the order's shipping, is taxed by the
         * calculator in the order's region at the placing instant, and the tax is recorded on the
         * order's snapshot ({@code PricedSnapshot.tax()}); the escrow's lines carry it, release
         * posts what is left of it to {@link dev.mercato.core.ledger.Account.TaxPayable} (never to
         * the seller), and refunds reverse it in proportion, exactly on the refund that closes a
         * line. In an inclusive region (VAT and GST, retail prices in China and Japan) the tax is
         * inside the prices, so what the buyer pays does not change; in an exclusive one (US sales
         * tax) it is added to what the buyer pays ({@code PricedSnapshot.payableWithTax()}) and
         * the order's refunds, named in prices before tax, return their tax with them.
         * Commission and fees keep the base their schedules name: the price as sold (inclusive
         * tax inside it, exclusive tax never). Without this call nothing is taxed.
         *
         * @param calculator the tax calculator, e.g. {@code TaxCalculator.fromTable(regions, rates)}
         * @param region the tax region of an order, e.g. from {@code facts.destinationRegion()}
         * @param category the tax category of an order line, e.g. from its category path or SKU
         * @return this builder
         */
        public Builder tax(dev.mercato.pricing.tax.TaxCalculator calculator,
                Function<dev.mercato.core.order.OrderFacts, String> region,
                Function<dev.mercato.core.order.OrderLine, String> category) {
            this.taxing = Optional.of(new Guarantee.Taxing(InvalidInputException.requireNonNull(calculator, "calculator"),
                    InvalidInputException.requireNonNull(region, "region"),
                    InvalidInputException.requireNonNull(category, "category")));
            return this;
        }

        /**
         * Rounds what the buyer pays to a cash increment (with {@link #guaranteedTransactions};
         * docs/pricing.md, "Cash rounding in the facade"): each order's payable is rounded at
         * checkout and recorded on its snapshot ({@code PricedSnapshot.cash()}); the buyer pays the
         * rounded totals. The difference belongs to no line, seller or split: it is posted with the
         * capture to {@link dev.mercato.core.ledger.Account.CashRounding} (the platform gains it when
         * rounding up, bears it when rounding down), escrows, commissions and partial refunds use the
         * exact amounts, and the refund that gives the buyer an order's last money back returns the
         * difference too, once, so a full refund returns exactly what the buyer paid. A payable that
         * would round to nothing is paid exactly. Without this call nothing is rounded.
         *
         * @param rounding the increment and mode, e.g. {@code CashRounding.to(Money.of(0.05, "CHF"))}
         * @return this builder
         */
        public Builder cashRounding(dev.mercato.pricing.money.CashRounding rounding) {
            this.cashRounding = Optional.of(InvalidInputException.requireNonNull(rounding, "rounding"));
            return this;
        }

        /**
         * Each seller's type, which the revenue schedule's commission and fee rules read; recorded on
         * every order at checkout. Default: every seller {@link SellerType#ENTERPRISE}.
         *
         * @param value the seller type of a seller id; never returns null
         * @return this builder
         */
        public Builder sellerTypes(Function<String, SellerType> value) {
            this.sellerTypes = InvalidInputException.requireNonNull(value, "sellerTypes");
            return this;
        }

        /**
         * The unit cost of each SKU the platform sells itself, for the cost of goods of
         * self-operated orders (a seller whose {@link #sellerTypes type} is {@link
         * SellerType#SELF_OPERATED}; docs/escrow-and-ledger.md, "Self-operated goods"). Read when an
         * order's payment is held: each line's cost is the unit cost times its quantity, posted to
         * cost of goods on release. The cost must be in the order's currency. Default: no SKU has a
         * cost (self-operated sales post revenue alone). Needs {@link #guaranteedTransactions}.
         *
         * @param value the unit cost of a SKU, or empty when it has none; never returns null
         * @return this builder
         */
        public Builder costsOfGoods(Function<dev.mercato.core.catalog.SkuId, Optional<javax.money.MonetaryAmount>> value) {
            this.unitCosts = InvalidInputException.requireNonNull(value, "costsOfGoods");
            return this;
        }

        /**
         * The payment channel name the schedule's payment-channel fees are looked up by; default
         * {@code "default"}.
         *
         * @param value the channel, not blank
         * @return this builder
         */
        public Builder paymentMethod(String value) {
            InvalidInputException.requireNonNull(value, "paymentMethod");
            if (value.isBlank()) {
                throw new InvalidInputException("paymentMethod", "\"" + value + "\"", "must not be blank");
            }
            this.paymentMethod = value;
            return this;
        }

        /**
         * How long after delivery (or shipment, without tracking) receipt is confirmed automatically,
         * and by how much the buyer may extend it once; default 10 and 5 days.
         *
         * @param after the auto-confirm delay, positive
         * @param extension the one extension, not negative
         * @return this builder
         */
        public Builder autoConfirm(Duration after, Duration extension) {
            InvalidInputException.requireNonNull(after, "after");
            InvalidInputException.requireNonNull(extension, "extension");
            if (after.isZero() || after.isNegative() || extension.isNegative()) {
                throw new InvalidInputException("autoConfirm", after + " / " + extension,
                        "the delay must be positive and the extension not negative");
            }
            this.autoConfirmAfter = after;
            this.autoConfirmExtension = extension;
            return this;
        }

        /**
         * The journal of guaranteed transactions; it must live in this builder's storage so that
         * entries commit with the states they record. Default {@code Journal.inStorage(storage)}.
         *
         * @param value the journal
         * @return this builder
         */
        public Builder journal(TransactionalJournal value) {
            this.journal = InvalidInputException.requireNonNull(value, "journal");
            return this;
        }

        /**
         * Registers more timer kinds with the facade's one scheduler ({@link Commerce#runDueTimers}),
         * e.g. {@code timers(members::registerTimers)} or {@code timers(payouts::registerTimers)}.
         *
         * @param registrar adds handlers to the runner
         * @return this builder
         */
        public Builder timers(Consumer<DueTaskRunner> registrar) {
            timerRegistrars.add(InvalidInputException.requireNonNull(registrar, "registrar"));
            return this;
        }

        /**
         * What a checkout asks before it reserves stock and places orders: a refusal refuses the
         * checkout with its reason and changes nothing. Pass {@code riskService.beforeCheckout()}
         * (a deny or a review refuses; once an operator clears the review, a retry with the same
         * key goes through) with {@code RiskRules.activeSellersOnly(sellers::maySell)} among its
         * rules, so only active sellers' SKUs can be bought. Default: allow everything.
         *
         * @param value the guard; thread-safe
         * @return this builder
         */
        public Builder checkoutGuard(CheckoutGuard value) {
            this.checkoutGuard = InvalidInputException.requireNonNull(value, "checkoutGuard");
            return this;
        }

        /**
         * What a payment asks before a new attempt goes to the provider, and is told once paid:
         * pass {@code riskService.payments()} (per-card limits, a score, reviews: a held payment
         * keeps its orders awaiting payment until an operator clears the review, then paying
         * again goes through). Default: allow everything.
         *
         * @param value the guard; thread-safe
         * @return this builder
         */
        public Builder paymentGuard(PaymentGuard value) {
            this.paymentGuard = InvalidInputException.requireNonNull(value, "paymentGuard");
            return this;
        }

        /**
         * The group-buy campaigns buyers open and join groups of at checkout ({@link
         * Commerce#checkout(Actor, CartId, String, Optional, dev.mercato.core.groupbuy.GroupChoice)});
         * needs {@link #guaranteedTransactions} (a member's money is held until the group forms).
         * Default: none. Calling it again adds more.
         *
         * @param campaigns the campaigns, distinct ids
         * @return this builder
         * @throws InvalidInputException if a campaign id is used twice
         */
        public Builder groupBuys(List<dev.mercato.core.groupbuy.GroupCampaign> campaigns) {
            for (dev.mercato.core.groupbuy.GroupCampaign campaign : InvalidInputException.requireNonNull(campaigns, "campaigns")) {
                InvalidInputException.requireNonNull(campaign, "campaign");
                if (groupCampaigns.putIfAbsent(campaign.id(), campaign) != null) {
                    throw new InvalidInputException("campaigns", campaign.id(), "names a campaign twice");
                }
            }
            return this;
        }

        /**
         * Where the carrier collects a warehouse's parcels (and returns go back to). Needed for
         * every warehouse that ships through {@link Commerce#shipWithCarrier}.
         *
         * @param warehouse the warehouse
         * @param address its address
         * @return this builder
         */
        public Builder warehouseAddress(WarehouseId warehouse, Address address) {
            warehouseAddresses.put(InvalidInputException.requireNonNull(warehouse, "warehouse"),
                    InvalidInputException.requireNonNull(address, "address"));
            return this;
        }

        /**
         * How a parcel's units become the box the carrier is told about; default {@link
         * Packing#standard()} (catalog weights, a 300 x 200 x 100 mm box at least).
         *
         * @param value the packing
         * @return this builder
         */
        public Builder packing(Packing value) {
            this.packing = InvalidInputException.requireNonNull(value, "packing");
            return this;
        }

        /**
         * How often {@link Commerce#runDueTimers} asks the carrier about each open parcel; default
         * 4 hours. Notifications ({@link Commerce#onTrackingNotification}) act at once; polling is
         * the safety net for lost notifications and carriers that push none.
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder trackingPollInterval(Duration value) {
            InvalidInputException.requireNonNull(value, "trackingPollInterval");
            if (value.isZero() || value.isNegative()) {
                throw new InvalidInputException("trackingPollInterval", value, "must be positive");
            }
            this.trackingPollInterval = value;
            return this;
        }

        /**
         * Adds a hook told after every order delivery, by carrier tracking or {@link
         * Commerce#confirmDelivery}. This is how escrow joins the order flow: {@code
         * onDelivery(escrows.deliveryHook(orderId -> ...))} starts the escrow's auto-confirm clock
         * from the delivery ({@link dev.mercato.core.escrow.EscrowService#deliveryHook}). Escrows
         * are opened by the paid hook ({@link #onPaid}) or by the host. Default: no hooks.
         *
         * @param hook the hook; idempotent and thread-safe
         * @return this builder
         */
        public Builder onDelivery(DeliveryHook hook) {
            deliveryHooks.add(InvalidInputException.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Adds a hook told after every buyer payment is paid (by {@link Commerce#pay}, the
         * reconcile timer or {@link Commerce#confirmPayment}), once the payment and its orders
         * are committed as paid. This is how escrow holds the checkout's money: {@code
         * onPaid(escrows.paymentHook(order -> ...))} opens each paid order's escrow as held, its
         * share of the one captured sale ({@link dev.mercato.core.escrow.EscrowService#paymentHook}).
         * Default: no hooks.
         *
         * @param hook the hook; idempotent and thread-safe
         * @return this builder
         */
        public Builder onPaid(PaidHook hook) {
            paidHooks.add(InvalidInputException.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * The clock every deadline is measured with.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = InvalidInputException.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Where aggregates are kept; default in-memory.
         *
         * @param value the storage
         * @return this builder
         */
        public Builder storage(Storage value) {
            this.storage = InvalidInputException.requireNonNull(value, "storage");
            return this;
        }

        /**
         * Where SKUs are looked up; default an empty in-memory catalog.
         *
         * @param value the catalog
         * @return this builder
         */
        public Builder catalog(Catalog value) {
            this.catalog = InvalidInputException.requireNonNull(value, "catalog");
            return this;
        }

        /**
         * Where stock is reserved; default an empty in-memory inventory choosing the best warehouse.
         *
         * @param value the inventory
         * @return this builder
         */
        public Builder inventory(Inventory value) {
            this.inventory = InvalidInputException.requireNonNull(value, "inventory");
            return this;
        }

        /**
         * How carts are priced; default list prices.
         *
         * @param value the pricing
         * @return this builder
         */
        public Builder pricing(CartPricing value) {
            this.pricing = InvalidInputException.requireNonNull(value, "pricing");
            return this;
        }

        /**
         * The promotion limits this facade books between checkouts (coupon uses per buyer, total
         * uses, budgets); default none. They reach the engine as its {@code RemainingCaps} through
         * {@link dev.mercato.core.cart.CartPricingRequest#caps()}, and checkout books them with
         * its orders; see {@link dev.mercato.core.promotion.PromotionCaps} for the release policy.
         *
         * @param values one per promotion
         * @return this builder
         * @throws InvalidInputException if a promotion is named twice
         */
        public Builder promotionLimits(List<dev.mercato.core.promotion.PromotionLimit> values) {
            this.promotionCaps = dev.mercato.core.promotion.PromotionCaps.of(
                    InvalidInputException.requireNonNull(values, "promotionLimits"));
            return this;
        }

        /**
         * What sellers charge for shipping before shipping promotions; default free.
         *
         * @param value the rates
         * @return this builder
         */
        public Builder shippingRates(ShippingRates value) {
            this.shippingRates = InvalidInputException.requireNonNull(value, "shippingRates");
            this.quotedService = null;
            return this;
        }

        /**
         * Shipping charged as this instance's carrier quotes it for a service level: {@link
         * ShippingRates#quoted(Carrier, ServiceLevel, Inventory, Map, Packing)} over this builder's
         * carrier, inventory, {@link #warehouseAddress warehouse addresses} and {@link #packing
         * packing}, so the parcels quoted at checkout are those {@link Commerce#shipWithCarrier}
         * books. Replaces any {@link #shippingRates} given before.
         *
         * @param service the service level the shops ship with
         * @return this builder
         */
        public Builder quotedShipping(ServiceLevel service) {
            this.quotedService = InvalidInputException.requireNonNull(service, "service");
            return this;
        }

        /**
         * Cart limits and flash-sale caps; default {@link CartLimits#DEFAULT}.
         *
         * @param value the limits
         * @return this builder
         */
        public Builder cartLimits(CartLimits value) {
            this.limits = InvalidInputException.requireNonNull(value, "limits");
            return this;
        }

        /**
         * Each seller's minimum order amount (起订金额), looked up at every cart price and checkout
         * (so a seller may change it in the host's settings): a seller's goods in one checkout, the
         * sum of its lines' payable amounts after every discount and before shipping, must reach
         * it, or the checkout is refused with {@code BELOW_SELLER_MINIMUM}; a priced cart lists the
         * sellers below it ({@link CartPriceResult.Priced#belowSellerMinimum()}) without refusing
         * any add. Default: the minimums of the cart limits ({@link CartLimits#sellerMinimum}).
         * A minimum in another currency than the cart throws {@link
         * dev.mercato.core.cart.SellerMinimumCurrencyException}; one that is not positive throws
         * {@link InvalidInputException} (docs/core.md, "Order quantities and minimums").
         *
         * @param minimums the minimum of a seller id, empty for none; never returns {@code null}
         * @return this builder
         */
        public Builder sellerMinimums(Function<String, Optional<javax.money.MonetaryAmount>> minimums) {
            this.sellerMinimums = Optional.of(InvalidInputException.requireNonNull(minimums, "sellerMinimums"));
            return this;
        }

        /**
         * Payment deadlines and the return window; default {@link OrderPolicy#DEFAULT}.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder orderPolicy(OrderPolicy value) {
            this.policy = InvalidInputException.requireNonNull(value, "policy");
            return this;
        }

        /**
         * The payment provider; required unless {@link #sandboxes()} is called.
         *
         * @param value the provider
         * @return this builder
         */
        public Builder paymentProvider(PaymentProvider value) {
            this.payments = InvalidInputException.requireNonNull(value, "paymentProvider");
            return this;
        }

        /**
         * The carrier; required unless {@link #sandboxes()} is called.
         *
         * @param value the carrier
         * @return this builder
         */
        public Builder carrier(Carrier value) {
            this.carrier = InvalidInputException.requireNonNull(value, "carrier");
            return this;
        }

        /**
         * Receives domain events after each commit; default none.
         *
         * @param value the publisher
         * @return this builder
         */
        public Builder events(EventPublisher value) {
            this.events = InvalidInputException.requireNonNull(value, "events");
            return this;
        }

        /**
         * Builds the facade.
         *
         * @return a new, thread-safe facade
         */
        public Commerce build() {
            Storage s = storage != null ? storage : InMemoryStorage.create();
            Catalog c = catalog != null ? catalog : Catalog.inMemory();
            Inventory i = inventory != null ? inventory : Inventory.inMemory(WarehouseChoice.best());
            if (!sandboxes && (payments == null || carrier == null)) {
                throw new InvalidInputException(payments == null ? "paymentProvider" : "carrier", "not set",
                        "set Builder.paymentProvider(...) and Builder.carrier(...) to your plug-ins, or call"
                                + " Builder.sandboxes() to use the in-memory sandboxes (demos and tests)");
            }
            PaymentProvider p = payments != null ? payments
                    : SandboxPaymentProvider.create(SandboxSettings.of(clock, "mercato-embedded-sandbox", SANDBOX_CURRENCIES));
            Carrier k = carrier != null ? carrier : SandboxCarrier.create(SandboxConfig.defaults("mercato-embedded-sandbox"), clock);
            ShippingRates rates = quotedService == null ? shippingRates
                    : ShippingRates.quoted(k, quotedService, i, warehouseAddresses, packing);
            if (!groupCampaigns.isEmpty() && revenueSchedule == null) {
                throw new InvalidInputException("groupBuys", groupCampaigns.keySet(), "group buying holds each member's"
                        + " money until the group forms: set Builder.guaranteedTransactions(schedule) as well");
            }
            if (lateDelivery.isPresent() && revenueSchedule == null) {
                throw new InvalidInputException("lateDelivery", "set", "needs Builder.guaranteedTransactions(schedule):"
                        + " the compensation is refunded from the order's held money");
            }
            if (feeSettings != null && revenueSchedule == null) {
                throw new InvalidInputException("fees", "set", "fees read sellers' GMV and payables from the escrows'"
                        + " ledger: set Builder.guaranteedTransactions(schedule) as well");
            }
            Optional<dev.mercato.payments.HeldFundsProvider> heldFunds = Optional.empty();
            if (fundsAccounts != null) {
                if (revenueSchedule == null) {
                    throw new InvalidInputException("fundsHeldByProvider", "set", "the provider holds each order's"
                            + " money until its release: set Builder.guaranteedTransactions(schedule) as well");
                }
                if (payoutProvider != null) {
                    throw new InvalidInputException("payouts", "set", "with provider-held funds the provider pays"
                            + " sellers and creators out of their sub-accounts; the facade pays nobody out");
                }
                if (cashRounding.isPresent()) {
                    throw new InvalidInputException("cashRounding", "set", "is not supported with provider-held funds:"
                            + " the rounding difference is in no order's split");
                }
                heldFunds = Optional.of(dev.mercato.payments.HeldFundsProvider.require(p, "provider-held funds (held"
                        + " checkout sales, release splits, several orders per payment, line refunds after release,"
                        + " closing the hold)", HELD_FUNDS_PARTS.toArray(new dev.mercato.payments.HeldFundsCapabilities.Part[0])));
            }
            Optional<Guarantee> guarantee = Optional.empty();
            boolean ledgered = revenueSchedule != null || membershipSettings != null || payoutProvider != null;
            TransactionalJournal given = !ledgered ? null : journal != null ? journal : Journal.inStorage(s);
            if (given != null && given.storage() != s) {
                throw new InvalidInputException("journal", given, "must live in the facade's storage");
            }
            // With provider-held funds the journal also keeps what sellers owe outside their escrows,
            // which the release splits collect (ProviderFunds.SellerBalance).
            TransactionalJournal j = given != null && heldFunds.isPresent() ? ProviderFunds.tracking(given) : given;
            if (revenueSchedule != null) {
                java.util.concurrent.atomic.AtomicReference<ProviderFunds> funds = new java.util.concurrent.atomic.AtomicReference<>();
                EscrowService escrowService = EscrowService.create(s, j,
                        heldFunds.isPresent() ? new HeldFundsGate(p, funds::get) : p, clock);
                Guarantee g = new Guarantee(revenueSchedule, paymentMethod, autoConfirmAfter,
                        autoConfirmExtension, escrowService, j, taxing, cashRounding).withUnitCosts(unitCosts);
                if (heldFunds.isPresent()) {
                    funds.set(new ProviderFunds(heldFunds.get(), fundsAccounts, s, j, clock, () -> escrowService));
                    g = g.withProviderFunds(funds.get());
                }
                guarantee = Optional.of(g);
            } else if (taxing.isPresent()) {
                throw new InvalidInputException("tax", "set", "needs Builder.guaranteedTransactions(schedule): the"
                        + " tax is posted to the ledger with the escrow's release");
            } else if (cashRounding.isPresent()) {
                throw new InvalidInputException("cashRounding", "set", "needs Builder.guaranteedTransactions(schedule):"
                        + " the difference is posted to the ledger with the escrow's capture");
            }
            Optional<MembershipService> members = Optional.ofNullable(membershipSettings)
                    .map(settings -> MembershipService.create(settings, s, j, p, clock));
            if (memberPricingEngine != null && members.isEmpty()) {
                throw new InvalidInputException("memberPricing", "set without memberships",
                        "call Builder.memberships(settings) too, or price with Builder.pricing(...)");
            }
            Set<String> priceTiers = memberPriceTiers != null || membershipSettings == null ? memberPriceTiers
                    : membershipSettings.memberPriceTiers();
            if (memberPricingEngine != null && priceTiers.isEmpty()) {
                throw new InvalidInputException("memberPricing", "no member-price tiers", "the programme has no plan"
                        + " and no tier level with the benefit \"member-price\": add one, or name the codes with"
                        + " memberPricing(engine, tiers)");
            }
            CartPricing cartPricing = members.isEmpty() || memberPricingEngine == null ? pricing
                    : CartPricing.engine(memberPricingEngine,
                            buyer -> members.get().buyerContext(buyer, BuyerContext.anonymous()), priceTiers,
                            membershipSettings.tierLadder());
            EventPublisher published = members.isEmpty() ? events
                    : EventPublisher.fanOut(List.of(events, MembershipEvents.earningAndClawback(members.get(), s)));
            Optional<PayoutService> payoutService = Optional.ofNullable(payoutProvider)
                    .map(provider -> PayoutService.create(s, j, provider, clock, payoutHoldPeriod, sellerPayees,
                            creatorPayees));
            return new Commerce(new Context(clock, s, c, i, cartPricing, rates, limits, policy, p, k, published,
                    promotionCaps, sellerTypes, guarantee, OrderQuantities.sellerMinimums(sellerMinimums, limits)),
                    new FulfilmentSettings(warehouseAddresses, packing, trackingPollInterval, deliveryHooks,
                            lateDelivery), paidHooks,
                    timerRegistrars, checkoutGuard, paymentGuard, members, payoutService, Optional.ofNullable(j),
                    groupCampaigns, Optional.ofNullable(feeSettings));
        }
    }
}
