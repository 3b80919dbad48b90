package dev.mercato.core.storage.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.StoredDocument;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every aggregate type's codec reads back what it wrote, for values built through the records. */
class AggregateCodecProperties {
    private static final Map<String, AggregateType<?, ?>> TYPES = discover();

    /** Every static AggregateType constant declared in core's main classes, by name. */
    private static Map<String, AggregateType<?, ?>> discover() {
        Map<String, AggregateType<?, ?>> found = new TreeMap<>();
        for (JavaClass owner : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mercato.core")) {
            for (JavaField field : owner.getFields()) {
                if (field.getModifiers().contains(JavaModifier.STATIC) && field.getRawType().isEquivalentTo(AggregateType.class)) {
                    try {
                        Field reflected = field.reflect();
                        reflected.setAccessible(true);
                        AggregateType<?, ?> type = (AggregateType<?, ?>) reflected.get(null);
                        found.put(type.name(), type);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return found;
    }

    /** The aggregate types the properties below cover; a new type fails this until it has one. */
    private static final java.util.Set<String> COVERED = java.util.Set.of("ad-account", "ad-payment", "annual-fee-plan", "annual-fee-year", "buyer-payment", "carrier-dispatch-void", "cart", "escrow", "flash-sale-tally", "group-buy", "group-buy-seat", "ledger-balance", "ledger-entry", "membership-account", "membership-pending-charge", "membership-pending-refund", "membership-subscription", "order", "order-payment-schedule", "parcel", "payout", "promotion-booking", "promotion-buyer-usage", "promotion-usage", "provider-held-payment", "provider-seller-balance", "review", "risk-activity", "risk-review", "seller", "seller-deposit-top-up", "seller-standing", "late-delivery-coupon");

    @Example
    void everyAggregateTypeHasARoundTripProperty() {
        assertEquals(new java.util.TreeSet<>(COVERED), TYPES.keySet());
    }

    @Property
    void buyerPaymentRoundTrips(@ForAll("buyerPayment") Object value) {
        roundTrips(TYPES.get("buyer-payment"), value);
    }

    @Provide
    Arbitrary<Object> buyerPayment() {
        return valuesOf("buyer-payment");
    }

    @Property
    void orderPaymentScheduleRoundTrips(@ForAll("orderPaymentSchedule") Object value) {
        roundTrips(TYPES.get("order-payment-schedule"), value);
    }

    @Provide
    Arbitrary<Object> orderPaymentSchedule() {
        return valuesOf("order-payment-schedule");
    }

    @Property
    void providerHeldPaymentRoundTrips(@ForAll("providerHeldPayment") Object value) {
        roundTrips(TYPES.get("provider-held-payment"), value);
    }

    @Provide
    Arbitrary<Object> providerHeldPayment() {
        return valuesOf("provider-held-payment");
    }

    @Property
    void providerSellerBalanceRoundTrips(@ForAll("providerSellerBalance") Object value) {
        roundTrips(TYPES.get("provider-seller-balance"), value);
    }

    @Provide
    Arbitrary<Object> providerSellerBalance() {
        return valuesOf("provider-seller-balance");
    }

    @Property
    void cartRoundTrips(@ForAll("cart") Object value) {
        roundTrips(TYPES.get("cart"), value);
    }

    @Provide
    Arbitrary<Object> cart() {
        return valuesOf("cart");
    }

    @Property
    void escrowRoundTrips(@ForAll("escrow") Object value) {
        roundTrips(TYPES.get("escrow"), value);
    }

    @Provide
    Arbitrary<Object> escrow() {
        return valuesOf("escrow");
    }

    /**
     * An escrow stored at schema 1, before refunds by line (its terms have no lines), reads back
     * at schema 2 as the same escrow without lines.
     */
    @Property(tries = 50)
    @SuppressWarnings("unchecked")
    void anEscrowStoredBeforeRefundsByLineReadsBackWithoutLines(@ForAll("escrow") Object value) throws Exception {
        Codec<Object> codec = (Codec<Object>) TYPES.get("escrow").codec();
        StoredDocument current = codec.encode(value);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(current.json());
        com.fasterxml.jackson.databind.node.ObjectNode terms =
                (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("escrow").get("terms");
        terms.remove("lines");
        Object back = codec.decode(new StoredDocument(1, mapper.writeValueAsString(tree)));
        com.fasterxml.jackson.databind.node.ObjectNode again =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(codec.encode(back).json());
        com.fasterxml.jackson.databind.node.ObjectNode againTerms =
                (com.fasterxml.jackson.databind.node.ObjectNode) again.get("escrow").get("terms");
        assertEquals(0, againTerms.get("lines").size());
        againTerms.remove("lines");
        assertEquals(tree, again);
    }

    /**
     * An escrow stored at schema 2, before tax (no tax on its funds or lines), reads back as the
     * same escrow with zero tax.
     */
    @Property(tries = 50)
    @SuppressWarnings("unchecked")
    void anEscrowStoredBeforeTaxReadsBackWithZeroTax(@ForAll("escrow") Object value) throws Exception {
        Codec<Object> codec = (Codec<Object>) TYPES.get("escrow").codec();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(codec.encode(value).json());
        com.fasterxml.jackson.databind.node.ObjectNode escrow = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("escrow");
        net.jqwik.api.Assume.that(escrow.get("funds").get("tax").asLong() == 0
                && java.util.stream.StreamSupport.stream(escrow.get("terms").get("lines").spliterator(), false)
                        .allMatch(l -> l.get("tax").get("minor").asLong() == 0));
        ((com.fasterxml.jackson.databind.node.ObjectNode) escrow.get("funds")).remove("tax");
        escrow.get("terms").get("lines").forEach(l -> ((com.fasterxml.jackson.databind.node.ObjectNode) l).remove("tax"));
        Object back = codec.decode(new StoredDocument(2, mapper.writeValueAsString(tree)));
        assertEquals(value, back);
    }

    @Property
    void groupBuyRoundTrips(@ForAll("groupBuy") Object value) {
        roundTrips(TYPES.get("group-buy"), value);
    }

    @Provide
    Arbitrary<Object> groupBuy() {
        return valuesOf("group-buy");
    }

    @Property
    void groupBuySeatRoundTrips(@ForAll("groupBuySeat") Object value) {
        roundTrips(TYPES.get("group-buy-seat"), value);
    }

    @Provide
    Arbitrary<Object> groupBuySeat() {
        return valuesOf("group-buy-seat");
    }

    @Property
    void voidedDispatchRoundTrips(@ForAll("voidedDispatch") Object value) {
        roundTrips(TYPES.get("carrier-dispatch-void"), value);
    }

    @Provide
    Arbitrary<Object> voidedDispatch() {
        return valuesOf("carrier-dispatch-void");
    }

    @Property
    void flashSaleTallyRoundTrips(@ForAll("flashSaleTally") Object value) {
        roundTrips(TYPES.get("flash-sale-tally"), value);
    }

    @Provide
    Arbitrary<Object> flashSaleTally() {
        return valuesOf("flash-sale-tally");
    }

    /** A balance stored at schema 1, before sequences were kept per account, reads back with sequence 0. */
    @Property(tries = 50)
    @SuppressWarnings("unchecked")
    void aLedgerBalanceStoredBeforePerAccountSequencesReadsBackWithSequenceZero(@ForAll("ledgerBalance") Object value)
            throws Exception {
        Codec<Object> codec = (Codec<Object>) TYPES.get("ledger-balance").codec();
        assertEquals(2, codec.schemaVersion());
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(codec.encode(value).json());
        tree.remove("sequence");
        Object back = codec.decode(new StoredDocument(1, mapper.writeValueAsString(tree)));
        com.fasterxml.jackson.databind.node.ObjectNode again =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(codec.encode(back).json());
        assertEquals(0, again.get("sequence").asLong());
        again.remove("sequence");
        assertEquals(tree, again);
    }

    @Property
    void ledgerBalanceRoundTrips(@ForAll("ledgerBalance") Object value) {
        roundTrips(TYPES.get("ledger-balance"), value);
    }

    @Provide
    Arbitrary<Object> ledgerBalance() {
        return valuesOf("ledger-balance");
    }

    @Property
    void ledgerEntryRoundTrips(@ForAll("ledgerEntry") Object value) {
        roundTrips(TYPES.get("ledger-entry"), value);
    }

    @Provide
    Arbitrary<Object> ledgerEntry() {
        return valuesOf("ledger-entry");
    }

    @Property
    void membershipAccountRoundTrips(@ForAll("membershipAccount") Object value) {
        roundTrips(TYPES.get("membership-account"), value);
    }

    @Provide
    Arbitrary<Object> membershipAccount() {
        return valuesOf("membership-account");
    }

    @Property
    void membershipSubscriptionRoundTrips(@ForAll("membershipSubscription") Object value) {
        roundTrips(TYPES.get("membership-subscription"), value);
    }

    @Provide
    Arbitrary<Object> membershipSubscription() {
        return valuesOf("membership-subscription");
    }

    @Property
    void orderRoundTrips(@ForAll("order") Object value) {
        roundTrips(TYPES.get("order"), value);
    }

    @Provide
    Arbitrary<Object> order() {
        return valuesOf("order");
    }

    @Property
    void parcelRoundTrips(@ForAll("parcel") Object value) {
        roundTrips(TYPES.get("parcel"), value);
    }

    @Provide
    Arbitrary<Object> parcel() {
        return valuesOf("parcel");
    }

    @Property
    void payoutRoundTrips(@ForAll("payout") Object value) {
        roundTrips(TYPES.get("payout"), value);
    }

    @Provide
    Arbitrary<Object> payout() {
        return valuesOf("payout");
    }

    @Property
    void promotionBookingRoundTrips(@ForAll("promotionBooking") Object value) {
        roundTrips(TYPES.get("promotion-booking"), value);
    }

    @Provide
    Arbitrary<Object> promotionBooking() {
        return valuesOf("promotion-booking");
    }

    @Property
    void promotionBuyerUsageRoundTrips(@ForAll("promotionBuyerUsage") Object value) {
        roundTrips(TYPES.get("promotion-buyer-usage"), value);
    }

    @Provide
    Arbitrary<Object> promotionBuyerUsage() {
        return valuesOf("promotion-buyer-usage");
    }

    @Property
    void promotionUsageRoundTrips(@ForAll("promotionUsage") Object value) {
        roundTrips(TYPES.get("promotion-usage"), value);
    }

    @Provide
    Arbitrary<Object> promotionUsage() {
        return valuesOf("promotion-usage");
    }

    @Property
    void reviewRoundTrips(@ForAll("review") Object value) {
        roundTrips(TYPES.get("review"), value);
    }

    @Provide
    Arbitrary<Object> review() {
        return valuesOf("review");
    }

    @Property
    void riskActivityRoundTrips(@ForAll("riskActivity") Object value) {
        roundTrips(TYPES.get("risk-activity"), value);
    }

    @Provide
    Arbitrary<Object> riskActivity() {
        return valuesOf("risk-activity");
    }

    @Property
    void riskReviewRoundTrips(@ForAll("riskReview") Object value) {
        roundTrips(TYPES.get("risk-review"), value);
    }

    @Provide
    Arbitrary<Object> riskReview() {
        return valuesOf("risk-review");
    }

    @Property
    void sellerRoundTrips(@ForAll("seller") Object value) {
        roundTrips(TYPES.get("seller"), value);
    }

    @Provide
    Arbitrary<Object> seller() {
        return valuesOf("seller");
    }

    @Property
    void sellerStandingRoundTrips(@ForAll("sellerStanding") Object value) {
        roundTrips(TYPES.get("seller-standing"), value);
    }

    @Provide
    Arbitrary<Object> sellerStanding() {
        return valuesOf("seller-standing");
    }

    @Property
    void membershipPendingChargeRoundTrips(@ForAll("membershipPendingCharge") Object value) {
        roundTrips(TYPES.get("membership-pending-charge"), value);
    }

    @Provide
    Arbitrary<Object> membershipPendingCharge() {
        return valuesOf("membership-pending-charge");
    }

    @Property
    void membershipPendingRefundRoundTrips(@ForAll("membershipPendingRefund") Object value) {
        roundTrips(TYPES.get("membership-pending-refund"), value);
    }

    @Provide
    Arbitrary<Object> membershipPendingRefund() {
        return valuesOf("membership-pending-refund");
    }

    @Property
    void adAccountRoundTrips(@ForAll("adAccount") Object value) {
        roundTrips(TYPES.get("ad-account"), value);
    }

    @Provide
    Arbitrary<Object> adAccount() {
        return valuesOf("ad-account");
    }

    @Property
    void annualFeePlanRoundTrips(@ForAll("annualFeePlan") Object value) {
        roundTrips(TYPES.get("annual-fee-plan"), value);
    }

    @Provide
    Arbitrary<Object> annualFeePlan() {
        return valuesOf("annual-fee-plan");
    }

    @Property
    void annualFeeYearRoundTrips(@ForAll("annualFeeYear") Object value) {
        roundTrips(TYPES.get("annual-fee-year"), value);
    }

    @Provide
    Arbitrary<Object> annualFeeYear() {
        return valuesOf("annual-fee-year");
    }

    @Property
    void adPaymentRoundTrips(@ForAll("adPayment") Object value) {
        roundTrips(TYPES.get("ad-payment"), value);
    }

    @Provide
    Arbitrary<Object> adPayment() {
        return valuesOf("ad-payment");
    }

    @Property
    void sellerDepositTopUpRoundTrips(@ForAll("sellerDepositTopUp") Object value) {
        roundTrips(TYPES.get("seller-deposit-top-up"), value);
    }

    @Provide
    Arbitrary<Object> sellerDepositTopUp() {
        return valuesOf("seller-deposit-top-up");
    }

    @Property
    void lateDeliveryCouponRoundTrips(@ForAll("lateDeliveryCoupon") Object value) {
        roundTrips(TYPES.get("late-delivery-coupon"), value);
    }

    @Provide
    Arbitrary<Object> lateDeliveryCoupon() {
        return valuesOf("late-delivery-coupon");
    }

    private static Arbitrary<Object> valuesOf(String name) {
        AggregateType<?, ?> type = TYPES.get(name);
        StructuralValues values = CodecArbitraries.values();
        return Arbitraries.randomValue(random -> values.value(type.valueType(), random));
    }

    @SuppressWarnings("unchecked")
    static <V> void roundTrips(AggregateType<?, V> type, Object value) {
        Codec<V> codec = type.codec();
        StoredDocument document = codec.encode((V) value);
        assertEquals(codec.schemaVersion(), document.schemaVersion());
        V back = codec.decode(document);
        assertEquals(value, back, () -> document.json());
        assertEquals(document, codec.encode(back));
    }
}
