package dev.mercato.core.simulation;

import dev.mercato.core.Commerce;
import dev.mercato.core.TestClock;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.order.Order;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.RefundPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * One simulated platform: the "outside world" that survives a crash (the database, the payment
 * provider, the warehouse system, the clock) and the {@link Commerce} instance that a crash
 * throws away and a restart builds again over it.
 */
public final class SimWorld {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final List<String> BUYERS = List.of("ann", "bob", "cai");
    static final List<String> SKUS = List.of("longjing", "tea-set", "mask");
    /** Sold at 59.90, or 39.90 to the members of a group of 2. */
    static final String PEACH = "peach";
    /** On pre-sale: CNY 20.00 now, worth 30.00 against its 199.00 price; sold in stages only. */
    static final String KETTLE = "kettle";
    static final Map<String, Long> STOCK = Map.of("longjing", 6L, "tea-set", 40L, "mask", 40L, PEACH, 30L, KETTLE, 20L);
    static final dev.mercato.core.groupbuy.GroupCampaign PEACHES = new dev.mercato.core.groupbuy.GroupCampaign(
            "peach-2", Set.of(SkuId.of(PEACH)), 2, Duration.ofDays(3), cny("39.90"));
    static final WarehouseId EAST = new WarehouseId("east");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops");
    static final PlanTerms PLUS = PlanTerms.of("PLUS", cny("99.00"), BillingPeriod.MONTH)
            .withRefundPolicy(RefundPolicy.PRO_RATA).withRenewalAttempts(2, Duration.ofDays(1))
            .withBenefits(PlanBenefits.none().withPointsAcceleration(100));

    /** Faults injected so far, by kind. */
    enum Fault {
        DECLINE, TIMEOUT_MONEY_MOVED, TIMEOUT_NOTHING_MOVED, UNKNOWN_OUTCOME, PENDING_THEN_SUCCEED,
        PENDING_THEN_DECLINE, SERVER_ERROR, DUPLICATED_REORDERED_NOTIFICATIONS, CONFLICT, FAILED_COMMIT,
        CRASH_RESTART, HOSTILE_COMMAND, STAGED_CHECKOUT, LOST_PARCEL, LATE_PARCEL, UNDELIVERABLE_PARCEL, CARRIER_UNAVAILABLE,
        DUPLICATED_REORDERED_TRACKING
    }

    /** The studio's spend-300-save-30 per shop: discounts prorated over its lines, funded by the seller. */
    static final dev.mercato.pricing.promotion.PricingEngine PROMOTIONS = dev.mercato.pricing.promotion.PricingEngine.of(
            dev.mercato.pricing.promotion.json.PromotionJson.standard().read("""
                    {"currency": "CNY", "promotions": [
                      {"kind": "threshold-reduction", "id": "studio-300-30", "scope": {"sellers": ["studio"]},
                       "reach": "per-shop", "tiers": [{"threshold": 300, "off": 30}]},
                      {"kind": "pre-sale", "id": "kettle-presale", "scope": {"skus": ["kettle"]}, "deposit": 20, "depositValue": 30}
                    ]}"""));

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    /** The warehouse the carrier collects from, and where every buyer lives. */
    static final dev.mercato.logistics.Address SHANGHAI = new dev.mercato.logistics.Address(
            "CN", "Shanghai", "Shanghai", "200000", "1 Zhongshan Road");
    static final dev.mercato.logistics.Address HANGZHOU = new dev.mercato.logistics.Address(
            "CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road");
    /** The carrier's own system: its parcels travel on whatever happens to Mercato. */
    final dev.mercato.logistics.sandbox.SandboxCarrier parcels = dev.mercato.logistics.sandbox.SandboxCarrier.create(
            dev.mercato.logistics.sandbox.SandboxConfig.defaults("carrier-secret-simulation"), clock);
    /** What the next parcel booked will suffer (lost, late, undeliverable), scripted as it is booked. */
    dev.mercato.logistics.sandbox.SandboxFault nextParcelFault;
    final dev.mercato.logistics.Carrier carrier = new dev.mercato.core.ForwardingCarrier(parcels) {
        @Override
        public dev.mercato.logistics.ShipmentOutcome createShipment(dev.mercato.logistics.ShipmentRequest request) {
            if (nextParcelFault != null) {
                try {
                    parcels.script(request.requestId(), nextParcelFault);
                } catch (dev.mercato.logistics.InvalidLogisticsInputException alreadyBooked) {
                    // a retry of a booking the carrier made: its parcel travels as it was scripted
                }
                nextParcelFault = null;
            }
            return super.createShipment(request);
        }
    };
    /**
     * Orders whose money a person may have moved without a delivery scan: the buyer said the
     * goods arrived or confirmed receipt, or an operator decided a dispute.
     */
    final Set<dev.mercato.core.order.OrderId> settledByPeople = new java.util.HashSet<>();
    final FaultyStorage storage;
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-simulation", Set.of(CNY)));
    final ProviderTape provider = new ProviderTape(sandbox);
    final Catalog catalog = Catalog.inMemory()
            .put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00")).withCategoryPath(List.of("food")))
            .put(Sku.of("tea-set", "studio", "Tea set", cny("329.10")).withCategoryPath(List.of("home")))
            .put(Sku.of("mask", "studio", "Silk mask", cny("59.03")).withCategoryPath(List.of("apparel")))
            .put(Sku.of(PEACH, "tea-shop", "Peaches, 5 kg", cny("59.90")).withCategoryPath(List.of("food")))
            .put(Sku.of(KETTLE, "tea-shop", "Iron kettle", cny("199.00")).withCategoryPath(List.of("home")));
    final Inventory inventory = inventory();
    final Map<Fault, Long> faults = new EnumMap<>(Fault.class);
    Commerce commerce;
    final List<dev.mercato.core.order.OrderId> placed = new ArrayList<>();
    /** Groups opened so far, in the order they were opened. */
    final List<String> groups = new ArrayList<>();
    /** The orders each checkout key answered first: a key has one effect. */
    final Map<String, List<dev.mercato.core.order.OrderId>> placedByKey = new java.util.HashMap<>();
    /** Membership commands answered undecided, which a host repeats with the same key. */
    final List<java.util.function.Supplier<dev.mercato.core.membership.SubscriptionResult>> undecided = new ArrayList<>();
    int checkouts;
    int restarts;
    long steps;

    /** A platform on the embedded in-memory storage. */
    SimWorld() {
        this(InMemoryStorage.create());
    }

    /**
     * A platform on the given storage (PostgreSQL in {@code storage-postgres}'s run), behind the
     * fault-injecting wrapper.
     *
     * @param base the storage that survives crashes
     */
    public SimWorld(dev.mercato.core.storage.Storage base) {
        storage = new FaultyStorage(base);
        commerce = build();
    }

    private Inventory inventory() {
        dev.mercato.core.inventory.InMemoryInventory i = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"));
        for (String sku : STOCK.keySet()) {
            i.setStock(EAST, SkuId.of(sku), STOCK.get(sku), 0);
        }
        return i;
    }

    Commerce build() {
        return Commerce.builder().sandboxes().clock(clock).storage(storage).catalog(catalog).inventory(inventory)
                .paymentProvider(provider).carrier(carrier).warehouseAddress(EAST, SHANGHAI)
                .pricing(dev.mercato.core.cart.CartPricing.engine(PROMOTIONS,
                        buyer -> dev.mercato.pricing.promotion.BuyerContext.anonymous()))
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .sellerTypes(s -> s.equals("tea-shop") ? SellerType.BRAND_FLAGSHIP : SellerType.ENTERPRISE)
                .memberships(new MembershipSettings(CNY, EarnRules.perUnit(1), Duration.ofDays(365),
                        new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE,
                        new TierPolicy(List.of(TierLevel.of("MEMBER", 0)), QualificationBasis.SPEND,
                                Duration.ofDays(365), Duration.ofDays(30)),
                        Map.of("PLUS", PLUS)))
                .payouts(provider, Duration.ofDays(1), seller -> Optional.of(new PayeeAccount("bank-" + seller)))
                .groupBuys(List.of(PEACHES))
                .build();
    }

    /** The process dies (whatever it held in memory is gone) and a new one starts over the same storage. */
    void crashAndRestart() {
        storage.disarm();
        commerce = build();
        restarts++;
        count(Fault.CRASH_RESTART);
    }

    void remember(dev.mercato.core.order.OrderId id) {
        if (!placed.contains(id)) {
            placed.add(id);
        }
    }

    void count(Fault fault) {
        faults.merge(fault, 1L, Long::sum);
    }

    /** Every order of every buyer, as the facade reports them. */
    List<Order> orders() {
        List<Order> all = new ArrayList<>();
        for (String buyer : BUYERS) {
            all.addAll(commerce.ordersOfBuyer(OPERATOR, buyer));
        }
        return all;
    }

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    @Override
    public String toString() {
        return steps + " steps, " + checkouts + " checkouts, " + restarts + " restarts, faults " + faults;
    }
}
