package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.OrderQuantity;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.seller.Active;
import dev.mercato.core.seller.Badge;
import dev.mercato.core.seller.OnboardingPolicy;
import dev.mercato.core.seller.Qualification;
import dev.mercato.core.seller.QualificationDocument;
import dev.mercato.core.seller.SellerResult;
import dev.mercato.core.seller.SellerService;
import dev.mercato.core.seller.SellerType;
import dev.mercato.logistics.Address;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.javamoney.moneta.Money;

/**
 * The b2b preset (1688-like): three wholesale suppliers verified by an operator (B2B supplier
 * qualifications, a 10,000.00 deposit, the "verified" badge); only verified suppliers sell, and
 * the third is approved on the third day, so checkouts of its goods before are refused. SKUs have
 * minimum order quantities in packs and quantity breaks, each supplier a minimum order amount.
 * Buyers visit with a chance of 30% a day and order from one supplier; 20% first ask too few units
 * (refused, then they take the minimum), a cart below the supplier's minimum is refused at checkout
 * and topped up. Every order pays a 30% advance, the balance is due seven days later: 85% pay it one
 * to three days after checkout, the others never do and the advance is refunded. Suppliers ship the
 * day after the balance, goods arrive two days later and buyers confirm receipt at once.
 */
final class B2bScenario implements Scenario {
    private static final String SCHEDULE = """
            {"name": "b2b", "currency": "CNY", "rounding": "HALF_UP",
             "commission": {"base": "PAID", "rules": [{"id": "wholesale", "scope": "default", "rate": "2%"}]},
             "fees": {"paymentFees": {"bearer": "SELLER", "byMethod": {"alipay": "0.6%"}, "otherMethods": "0.6%"}}}""";

    private static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "quantity-breaks", "id": "bolt-breaks", "scope": {"skus": ["m8-bolt"]},
               "breaks": [{"minQuantity": 2000, "unitPrice": 0.32}, {"minQuantity": 5000, "unitPrice": 0.28}]},
              {"kind": "quantity-breaks", "id": "tee-breaks", "scope": {"skus": ["blank-tee"]},
               "breaks": [{"minQuantity": 300, "unitPrice": 11.50}, {"minQuantity": 1000, "unitPrice": 10.00}]},
              {"kind": "quantity-breaks", "id": "cable-breaks", "scope": {"skus": ["usb-c-cable"]},
               "breaks": [{"minQuantity": 500, "unitPrice": 4.20}]}
            ]}""";

    /** The SKUs: id, supplier, list unit price, minimum order quantity, pack size (at most 100,000 units). */
    private static final List<String[]> SKUS = List.of(
            new String[] {"m8-bolt", "yiwu-hardware", "0.35", "1000", "500"},
            new String[] {"blank-tee", "ningbo-textile", "12.80", "100", "50"},
            new String[] {"usb-c-cable", "shenzhen-cable", "4.80", "200", "100"});

    /** Each supplier's minimum order amount. */
    static final Map<String, Money> MINIMUMS = Map.of("yiwu-hardware", cny("500.00"), "ningbo-textile", cny("2000.00"),
            "shenzhen-cable", cny("1000.00"));
    /** The supplier an operator approves late, on this day. */
    static final String LATE = "shenzhen-cable";
    static final int LATE_DAY = 2;

    static final StagedPayment.Advance ADVANCE = new StagedPayment.Advance(Rate.percent(30), Duration.ofDays(7));
    private static final Destination FACTORY =
            Destination.of(new Address("CN", "Guangdong", "Dongguan", "523000", "18 Industrial Road"));
    private static final PaymentSource ALIPAY = new PaymentSource("tok_alipay");
    private static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("trust-ops");

    private final RevenueSchedule schedule = ScheduleJson.read(SCHEDULE).revenue();
    private SellerService sellers;
    /** Orders awaiting their balance, with the day their buyer pays it (-1: never). */
    private final Map<OrderId, Integer> balances = new LinkedHashMap<>();
    private final List<OrderId> orders = new ArrayList<>();
    private int visits;

    /** The orders this run placed (for tests). */
    List<OrderId> orders() {
        return List.copyOf(orders);
    }

    /** The seller service the suppliers were verified with (for tests). */
    SellerService sellers() {
        return sellers;
    }

    @Override
    public String name() {
        return "b2b";
    }

    @Override
    public String description() {
        return "1688-like wholesale: verified suppliers, quantity breaks, minimum order quantities and amounts,"
                + " 30% advance and balance in 7 days, 2% commission";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.reported("supplier verified"),
                Mechanism.reported("unverified supplier refused at checkout"),
                Mechanism.reported("quantity break applied"),
                Mechanism.reported("below the minimum quantity refused, then corrected"),
                Mechanism.reported("below the supplier's minimum amount refused, then topped up"),
                Mechanism.reported("advance paid"),
                Mechanism.reported("balance paid by its due date"),
                Mechanism.reported("balance unpaid, advance refunded"),
                Mechanism.onEvent("order completed", OrderEvent.Completed.class));
    }

    @Override
    public void configure(Commerce.Builder builder, Simulation simulation) {
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("south", "guangdong"));
        for (String[] sku : SKUS) {
            catalog.put(Sku.of(sku[0], sku[1], sku[0], cny(sku[2])).withOrderQuantity(
                    OrderQuantity.between(Long.parseLong(sku[3]), 100_000).inMultiplesOf(Long.parseLong(sku[4]))));
            inventory.setStock(new WarehouseId("south"), SkuId.of(sku[0]), 100_000_000, 0);
        }
        builder.catalog(catalog).inventory(inventory)
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)),
                        buyer -> BuyerContext.anonymous()))
                .sellerMinimums(supplier -> Optional.ofNullable(MINIMUMS.get(supplier)))
                // Only verified suppliers sell: the seller service's gate, asked before every checkout.
                .checkoutGuard((buyer, reference, cart) -> cart.sellers().stream().filter(s -> !sellers.maySell(s))
                        .findFirst().map(s -> "supplier " + s + " is not verified"))
                .guaranteedTransactions(schedule);
    }

    @Override
    public void day(Simulation sim, int day) {
        if (day == 0) {
            sellers = SellerService.create(sim.commerce().storage(), sim.commerce().journal().orElseThrow(),
                    sim.commerce().paymentProvider(), sim.clock(), OnboardingPolicy.defaults(Simulation.CNY),
                    sim.commerce().openObligations());
            MINIMUMS.keySet().stream().sorted().forEach(this::apply);
        }
        sim.at(8);
        MINIMUMS.keySet().stream().sorted().forEach(s -> verify(sim, s, day));
        sim.at(10);
        for (int b = 1; b <= sim.buyers(); b++) {
            if (sim.random().nextInt(100) < 30) {
                visit(sim, new Actor.Buyer("buyer-" + b), day);
            }
        }
        for (Map.Entry<OrderId, Integer> order : List.copyOf(balances.entrySet())) {
            Escrow escrow = sim.commerce().escrow(Simulation.SYSTEM, order.getKey()).orElseThrow();
            if (escrow instanceof Refunded) {
                sim.happened("balance unpaid, advance refunded");   // the due-date timer refunded it
                balances.remove(order.getKey());
            } else if (escrow instanceof AwaitingBalance && order.getValue() == day) {
                BalanceResult paid = sim.payBalance(new Actor.Buyer(sim.buyerOf(order.getKey())), order.getKey(), ALIPAY);
                if (!(paid instanceof BalanceResult.Paid)) {
                    throw new IllegalStateException("balance refused: " + paid);
                }
                balances.remove(order.getKey());
                sim.happened("balance paid by its due date");
            }
        }
        sim.at(15);
        sim.shipPaidOrders(sim.midnight());
        for (OrderId delivered : sim.deliverShipped(Duration.ofDays(2))) {
            Simulation.require(sim.commerce().confirmReceipt(new Actor.Buyer(sim.buyerOf(delivered)), delivered),
                    "confirm receipt");
        }
    }

    /** A supplier registers as a B2B supplier and submits its qualifications. */
    private void apply(String supplier) {
        Actor.Seller self = new Actor.Seller(supplier);
        require(sellers.register(supplier, SellerType.B2B_SUPPLIER, self));
        require(sellers.submitQualifications(supplier, self, List.of(
                new QualificationDocument(Qualification.IDENTITY, supplier + "-id"),
                new QualificationDocument(Qualification.BUSINESS_LICENCE, supplier + "-licence"),
                new QualificationDocument(Qualification.CREDIT_REPORT, supplier + "-credit"))));
    }

    /** An operator approves a supplier's qualifications (the late one on its day); it lodges its deposit. */
    private void verify(Simulation sim, String supplier, int day) {
        if (day != (supplier.equals(LATE) ? LATE_DAY : 0)) {
            return;
        }
        Actor.Seller self = new Actor.Seller(supplier);
        require(sellers.approve(supplier, OPERATOR));
        require(sellers.acceptAgreement(supplier, self, "2026-11"));
        require(sellers.payDeposit(supplier, self, cny("10000.00"), new PaymentSource("tok_" + supplier), supplier + "-deposit"));
        if (sellers.find(supplier).orElseThrow() instanceof Active active
                && active.badges().contains(Badge.VERIFIED)) {
            sim.happened("supplier verified");
        }
    }

    /** A buyer orders from one supplier: quantities, the supplier's minimum, the advance. */
    private void visit(Simulation sim, Actor.Buyer buyer, int day) {
        String[] sku = SKUS.get(sim.random().nextInt(SKUS.size()));
        CartId cart = CartId.of(buyer.buyerId());
        visits++;
        long moq = Long.parseLong(sku[3]);
        long pack = Long.parseLong(sku[4]);
        if (sim.random().nextInt(100) < 20) {
            CartResult few = sim.addToCart(buyer, cart, SkuId.of(sku[0]), moq / 2);
            if (!(few instanceof CartResult.Refused r && r.reason() == CartResult.Reason.BELOW_MINIMUM_QUANTITY)) {
                throw new IllegalStateException("below the minimum quantity, yet: " + few);
            }
            sim.happened("below the minimum quantity refused, then corrected");
        }
        long units = moq + pack * sim.random().nextInt(20);
        if (!(sim.addToCart(buyer, cart, SkuId.of(sku[0]), units) instanceof CartResult.Updated)) {
            throw new IllegalStateException("the minimum quantity refused");
        }
        String key = buyer.buyerId() + "-day-" + day + "-visit-" + visits;
        CheckoutResult result = sim.checkout(buyer, cart, key, FACTORY, ADVANCE);
        if (result instanceof CheckoutResult.Refused refused && refused.reason() == CheckoutResult.Reason.BELOW_SELLER_MINIMUM) {
            long missing = MinorUnits.toMinor(refused.belowSellerMinimum().get(0).missing(), Simulation.CNY);
            long perPack = MinorUnits.toMinor(cny(sku[2]), Simulation.CNY) * pack;
            if (!(sim.addToCart(buyer, cart, SkuId.of(sku[0]), (missing + perPack - 1) / perPack * pack)
                    instanceof CartResult.Updated)) {
                throw new IllegalStateException("the top-up refused");
            }
            result = sim.checkout(buyer, cart, key + "-topped-up", FACTORY, ADVANCE);
            sim.happened("below the supplier's minimum amount refused, then topped up");
        }
        if (result instanceof CheckoutResult.Refused refused && refused.reason() == CheckoutResult.Reason.GUARD_REFUSED) {
            sim.happened("unverified supplier refused at checkout");
            sim.commerce().removeFromCart(buyer, cart, SkuId.of(sku[0]));   // the buyer buys elsewhere
            return;
        }
        if (!(result instanceof CheckoutResult.Placed placed)) {
            throw new IllegalStateException("checkout refused: " + result);
        }
        PaymentResult paid = sim.commerce().pay(buyer, placed.payment().paymentId(), ALIPAY);
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("advance refused: " + paid);
        }
        sim.happened("advance paid");
        OrderId order = placed.orders().get(0).id();
        orders.add(order);
        balances.put(order, sim.random().nextInt(100) < 85 ? day + 1 + sim.random().nextInt(3) : -1);
        for (OrderLine line : placed.orders().get(0).facts().snapshot().lines()) {
            if (line.priceLevelAmount().isLessThan(line.subtotal())) {
                sim.happened("quantity break applied");
            }
        }
    }

    private static void require(SellerResult result) {
        if (result instanceof SellerResult.Refused refused) {
            throw new IllegalStateException("seller step refused: " + refused);
        }
    }

    private static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), Simulation.CNY);
    }
}
