package dev.mercato.examples.cli;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.fee.Enrolment;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.promotion.PromotionLimit;
import dev.mercato.core.seller.OnboardingPolicy;
import dev.mercato.core.seller.Qualification;
import dev.mercato.core.seller.QualificationDocument;
import dev.mercato.core.seller.SellerResult;
import dev.mercato.core.seller.SellerService;
import dev.mercato.core.settlement.Payee;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.fee.AnnualFee;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.javamoney.moneta.Money;

/**
 * The b2c-mall preset (Tmall-like): four brand stores verified by an operator, each lodging a
 * 50,000.00 deposit and enrolled in the schedule's annual fee (first fee year from the run's
 * eleventh day, charged from the payable); commission by category, shop promotions, a coupon
 * funded by the platform (20 off 200, once per buyer) held by a third of the buyers, an 88VIP plan
 * (88.00 a year, 10% of non-members subscribe at a visit) with member prices. Buyers visit with a
 * chance of 40% a day, fill a cart with one to three SKUs and check out 70% of the time; 8% never
 * pay, 10% are declined once and retry, 6% ask a refund before shipment; shops ship the next day,
 * parcels arrive two days later, 70% of buyers confirm receipt at once, 4% open a dispute an
 * operator ends, 4% send the goods back, the others leave it to the auto-confirm. Shops are paid
 * out daily, T+1.
 */
final class MallScenario implements Scenario {
    private static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "percent-off", "id": "tea-10pct", "scope": {"sellers": ["tea-shop"]}, "percent": 10},
              {"kind": "threshold-reduction", "id": "porcelain-300-minus-30", "scope": {"sellers": ["porcelain-studio"]},
               "reach": "per-shop", "tiers": [{"threshold": 300, "off": 30}]},
              {"kind": "coupon", "id": "mall-200-minus-20", "minSpend": 200, "off": 20}
            ]}""";

    private static final Map<String, SellerType> SHOPS = Map.of(
            "tea-shop", SellerType.BRAND_FLAGSHIP, "porcelain-studio", SellerType.ENTERPRISE,
            "silk-shop", SellerType.ENTERPRISE, "gadget-store", SellerType.ENTERPRISE);

    /** The platform coupon (platform-funded), the plan with member prices, the shops' first fee year's start. */
    static final String COUPON = "mall-200-minus-20";
    static final String PLAN = "88VIP";
    static final Instant FEE_YEAR_START = Simulation.START.plus(Duration.ofDays(10));
    private static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops");

    /** The SKUs on sale: id, shop, category path, price, 88VIP member price or "-". */
    private static final List<String[]> SKUS = List.of(
            new String[] {"longjing-250g", "tea-shop", "food/tea", "268.00", "258.00"},
            new String[] {"puerh-cake", "tea-shop", "food/tea", "128.00", "-"},
            new String[] {"celadon-tea-set", "porcelain-studio", "home/porcelain", "329.00", "-"},
            new String[] {"porcelain-cup", "porcelain-studio", "home/porcelain", "45.00", "-"},
            new String[] {"silk-eye-mask", "silk-shop", "apparel/accessories", "59.00", "-"},
            new String[] {"silk-scarf", "silk-shop", "apparel/women/scarves", "199.00", "189.00"},
            new String[] {"earbuds", "gadget-store", "digital/audio", "399.00", "379.00"},
            new String[] {"phone-charger", "gadget-store", "digital/accessories", "89.90", "-"});

    private final RevenueSchedule schedule = ScheduleJson.example("b2c-mall").revenue();
    private final AnnualFee annualFee = ScheduleJson.example("b2c-mall").annualFee().orElseThrow();
    private int visits;
    private int payoutsSeen;
    private int feesSeen;

    @Override
    public String name() {
        return "b2c-mall";
    }

    @Override
    public String description() {
        return "Tmall-like B2C mall: 50,000 deposits, annual fee 60,000 with GMV rebates, commission by category"
                + " (0.5% food to 10% jewellery), 0.6% payment fee, shop and platform coupons, 88VIP member prices";
    }

    @Override
    public RevenueSchedule schedule() {
        return schedule;
    }

    @Override
    public List<Mechanism> mechanisms() {
        return List.of(Mechanism.reported("shop deposit lodged"), Mechanism.reported("annual fee charged"),
                Mechanism.reported("platform coupon used"), Mechanism.reported("member price paid"),
                Mechanism.reported("payment declined and retried"),
                Mechanism.onEvent("order closed unpaid", OrderEvent.Closed.class),
                Mechanism.onEvent("refunded before shipment", OrderEvent.RefundedBeforeShipment.class),
                Mechanism.reported("receipt confirmed by the buyer"),
                Mechanism.reported("dispute ended by an operator"),
                Mechanism.reported("goods returned and refunded"),
                Mechanism.onEvent("order completed", OrderEvent.Completed.class),
                Mechanism.reported("seller paid out"));
    }

    @Override
    public void configure(Commerce.Builder builder, Simulation simulation) {
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"));
        for (String[] sku : SKUS) {
            Sku item = Sku.of(sku[0], sku[1], sku[0], cny(sku[3])).withCategoryPath(List.of(sku[2].split("/")));
            catalog.put(sku[4].equals("-") ? item : item.withMemberPrice(PLAN, cny(sku[4])));
            inventory.setStock(new WarehouseId("east"), SkuId.of(sku[0]), 100_000, 0);
        }
        MembershipSettings members = new MembershipSettings(Simulation.CNY, EarnRules.perUnit(1), Duration.ofDays(365),
                new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE,
                new TierPolicy(List.of(TierLevel.of("MEMBER", 0)), QualificationBasis.SPEND, Duration.ofDays(365),
                        Duration.ofDays(30)), Map.of(PLAN, PlanTerms.of(PLAN, cny("88.00"), BillingPeriod.YEAR)));
        builder.catalog(catalog).inventory(inventory).memberships(members)
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)),
                        buyer -> context(simulation, buyer), Set.of(PLAN)))
                .promotionLimits(List.of(PromotionLimit.of(COUPON).withUsesPerBuyer(1)))
                .guaranteedTransactions(schedule).sellerTypes(SHOPS::get).fees(FeeSettings.of(SHOPS::containsKey))
                .payouts(simulation.sandbox(), Duration.ofDays(1), shop -> Optional.of(new PayeeAccount("acct-" + shop)));
    }

    @Override
    public void day(Simulation sim, int day) {
        if (day == 0) {
            SellerService sellers = SellerService.create(sim.commerce().storage(), sim.commerce().journal().orElseThrow(),
                    sim.commerce().paymentProvider(), sim.clock(), OnboardingPolicy.defaults(Simulation.CNY),
                    sim.commerce().openObligations());
            SHOPS.keySet().stream().sorted().forEach(shop -> onboard(sim, sellers, shop));
        }
        sim.at(9);
        for (int b = 1; b <= sim.buyers(); b++) {
            if (sim.random().nextInt(100) < 40) {
                visit(sim, "buyer-" + b, day);
            }
        }
        sim.at(15);
        sim.shipPaidOrders(sim.midnight());
        for (OrderId delivered : sim.deliverShipped(Duration.ofDays(2))) {
            Actor.Buyer buyer = new Actor.Buyer(sim.buyerOf(delivered));
            int roll = sim.random().nextInt(100);
            if (roll < 70) {
                Simulation.require(sim.commerce().confirmReceipt(buyer, delivered), "confirm receipt");
                sim.happened("receipt confirmed by the buyer");
            } else if (roll < 74) {
                dispute(sim, buyer, delivered);
            } else if (roll < 78) {
                sendBack(sim, buyer, delivered);
            }
        }
        int payouts = SHOPS.keySet().stream().mapToInt(shop -> sim.commerce().payouts()
                .payouts(Simulation.SYSTEM, new Payee.Seller(shop)).size()).sum();
        for (; payoutsSeen < payouts; payoutsSeen++) {
            sim.happened("seller paid out");
        }
        int fees = SHOPS.keySet().stream().mapToInt(shop -> sim.commerce().fees().annualFeeYears(OPERATOR, shop).size()).sum();
        for (; feesSeen < fees; feesSeen++) {
            sim.happened("annual fee charged");
        }
    }

    /** A brand store is verified, lodges its deposit through the payment provider, is enrolled in the annual fee. */
    private void onboard(Simulation sim, SellerService sellers, String shop) {
        Actor.Seller self = new Actor.Seller(shop);
        require(sellers.register(shop, dev.mercato.core.seller.SellerType.B2C_BRAND_STORE, self));
        require(sellers.submitQualifications(shop, self, List.of(new QualificationDocument(Qualification.IDENTITY, shop + "-id"),
                new QualificationDocument(Qualification.BUSINESS_LICENCE, shop + "-licence"),
                new QualificationDocument(Qualification.BRAND_AUTHORISATION, shop + "-brand"))));
        require(sellers.approve(shop, OPERATOR));
        require(sellers.acceptAgreement(shop, self, "2026-11"));
        require(sellers.payDeposit(shop, self, cny("50000.00"), new PaymentSource("tok_" + shop), shop + "-deposit"));
        sim.happened("shop deposit lodged");
        if (!(sim.commerce().fees().enrolAnnualFee(OPERATOR, shop, annualFee, FEE_YEAR_START) instanceof Enrolment.Enrolled)) {
            throw new IllegalStateException("annual fee enrolment refused for " + shop);
        }
        sim.commerce().payouts().scheduleCycle(Simulation.SYSTEM, new Payee.Seller(shop), Simulation.CNY,
                sim.midnight().plus(Duration.ofHours(6)));
    }

    /** A buyer as the engine sees it: an 88VIP subscriber pays member prices, a third hold the platform coupon. */
    private static BuyerContext context(Simulation sim, String buyer) {
        BuyerContext context = Integer.parseInt(buyer.substring(6)) % 3 == 0
                ? BuyerContext.anonymous().withCoupons(COUPON) : BuyerContext.anonymous();
        return sim.commerce().memberships().subscription(Simulation.SYSTEM, buyer)
                .filter(s -> s instanceof dev.mercato.core.membership.Active).isPresent() ? context.withTiers(PLAN) : context;
    }

    private static void require(SellerResult result) {
        if (result instanceof SellerResult.Refused refused) {
            throw new IllegalStateException("seller step refused: " + refused);
        }
    }

    private static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), Simulation.CNY);
    }

    /** The buyer disputes the delivery; an operator ends the dispute (the auto-confirm then pays the shop). */
    private static void dispute(Simulation sim, Actor.Buyer buyer, OrderId id) {
        Simulation.require(sim.commerce().openDispute(buyer, id), "open dispute");
        Simulation.require(sim.commerce().endDispute(OPERATOR, id), "end dispute");
        sim.happened("dispute ended by an operator");
    }

    /** The buyer sends the whole order back; the shop approves, receives it and refunds. */
    private static void sendBack(Simulation sim, Actor.Buyer buyer, OrderId id) {
        List<AfterSaleCase.Item> items = sim.commerce().order(Simulation.SYSTEM, id).orElseThrow().facts().snapshot()
                .lines().stream().map(l -> new AfterSaleCase.Item(l.lineNo(), l.quantity(), Optional.empty())).toList();
        Actor.Seller shop = new Actor.Seller(sim.commerce().order(Simulation.SYSTEM, id).orElseThrow().facts().sellerId());
        Simulation.require(sim.commerce().requestAfterSale(buyer, id, "return-1", AfterSaleCase.Kind.RETURN_AND_REFUND,
                items, Optional.of("not as described")), "request return");
        Simulation.require(sim.commerce().approveAfterSale(shop, id, "return-1"), "approve return");
        Simulation.require(sim.commerce().receiveReturnedGoods(shop, id, "return-1"), "receive returned goods");
        Simulation.require(sim.commerce().refundAfterSale(shop, id, "return-1"), "refund return");
        sim.happened("goods returned and refunded");
    }

    private void visit(Simulation sim, String buyerId, int day) {
        visits++;
        Actor.Buyer buyer = new Actor.Buyer(buyerId);
        boolean member = sim.commerce().memberships().subscription(Simulation.SYSTEM, buyerId).isPresent();
        if (!member && sim.random().nextInt(100) < 10) {
            SubscriptionResult joined = sim.subscribe(buyer, PLAN, new PaymentSource("tok_alipay"), buyerId + "-88vip");
            if (!(joined instanceof SubscriptionResult.Done)) {
                throw new IllegalStateException("subscription refused: " + joined);
            }
        }
        CartId cart = CartId.of(buyerId);
        int items = 1 + sim.random().nextInt(3);
        for (int i = 0; i < items; i++) {
            String sku = SKUS.get(sim.random().nextInt(SKUS.size()))[0];
            if (!(sim.addToCart(buyer, cart, SkuId.of(sku), 1 + sim.random().nextInt(2)) instanceof CartResult.Updated)) {
                return;   // a full cart: the buyer leaves it as it is
            }
        }
        if (sim.random().nextInt(100) >= 70) {
            return;   // the cart is abandoned for today
        }
        if (!(sim.checkout(buyer, cart, buyerId + "-day-" + day + "-visit-" + visits) instanceof CheckoutResult.Placed placed)) {
            return;
        }
        if (sim.random().nextInt(100) < 8) {
            return;   // never paid: the unpaid-close timer closes the orders
        }
        String payment = placed.payment().paymentId();
        if (sim.random().nextInt(100) < 10) {
            sim.sandbox().declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
            if (!(sim.commerce().pay(buyer, payment, new PaymentSource("tok_card")) instanceof PaymentResult.Paid)) {
                sim.happened("payment declined and retried");
            }
        }
        PaymentResult paid = sim.commerce().pay(buyer, payment, new PaymentSource("tok_alipay"));
        if (!(paid instanceof PaymentResult.Paid)) {
            throw new IllegalStateException("payment refused: " + paid);
        }
        List<OrderLine> lines = placed.orders().stream().flatMap(o -> o.facts().snapshot().lines().stream()).toList();
        for (OrderLine line : lines) {
            String[] sku = SKUS.stream().filter(s -> s[0].equals(line.sku().value())).findFirst().orElseThrow();
            if (!sku[4].equals("-") && line.priceLevelAmount().isEqualTo(cny(sku[4]).multiply(line.quantity()))) {
                sim.happened("member price paid");
            }
        }
        if (lines.stream().flatMap(l -> l.discounts().stream())
                .anyMatch(d -> d.promotionId().equals(COUPON) && d.platformFunded().isPositive())) {
            sim.happened("platform coupon used");
        }
        if (sim.random().nextInt(100) < 6) {
            Simulation.require(sim.commerce().refundBeforeShipment(buyer, placed.orders().get(0).id()),
                    "refund before shipment");
        }
    }
}
