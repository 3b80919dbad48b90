package dev.mercato.core.seller;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.MovableClock;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/** A seller service on an in-memory storage and journal, the sandbox provider and a movable clock. */
final class SellerWorld {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final CurrencyUnit USD = Monetary.getCurrency("USD");
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final Actor OPERATOR = new Actor.PlatformOperator("op-1");
    static final Actor SYSTEM = new Actor.System("timers");
    static final PaymentSource CARD = new PaymentSource("tok_seller");

    final MovableClock clock = new MovableClock(T0);
    final Storage storage = InMemoryStorage.create();
    final Journal journal = Journal.inMemory();
    final SandboxPaymentProvider sandbox;
    final Set<String> openObligations = new HashSet<>();
    final SellerService sellers;
    final DueTaskRunner timers;

    SellerWorld() {
        this(OnboardingPolicy.defaults(CNY), EnumSet.allOf(Capabilities.Feature.class));
    }

    SellerWorld(OnboardingPolicy policy, Set<Capabilities.Feature> features) {
        sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-sellers", Set.of(CNY, USD))
                .withFeatures(features));
        sellers = SellerService.create(storage, journal, sandbox, clock, policy, openObligations::contains);
        timers = sellers.registerTimers(DueTaskRunner.create(storage, clock));
    }

    static MonetaryAmount cny(String value) {
        return Monetary.getDefaultAmountFactory().setCurrency(CNY).setNumber(new BigDecimal(value)).create();
    }

    static MonetaryAmount usd(String value) {
        return Monetary.getDefaultAmountFactory().setCurrency(USD).setNumber(new BigDecimal(value)).create();
    }

    static Actor seller(String id) {
        return new Actor.Seller(id);
    }

    static List<QualificationDocument> documents(Qualification... kinds) {
        return java.util.Arrays.stream(kinds).map(k -> new QualificationDocument(k, "doc-" + k)).toList();
    }

    static List<QualificationDocument> documentsFor(SellerType type) {
        return switch (type) {
            case C2C_INDIVIDUAL -> documents(Qualification.IDENTITY);
            case B2C_BRAND_STORE -> documents(Qualification.IDENTITY, Qualification.BUSINESS_LICENCE,
                    Qualification.BRAND_AUTHORISATION);
            case B2B_SUPPLIER -> documents(Qualification.IDENTITY, Qualification.BUSINESS_LICENCE,
                    Qualification.CREDIT_REPORT);
        };
    }

    MonetaryAmount balance(Account account) {
        return journal.balance(account, CNY);
    }

    MonetaryAmount depositBalance(String sellerId) {
        return balance(Account.sellerDeposit(sellerId));
    }

    Seller state(String sellerId) {
        return sellers.find(sellerId).orElseThrow();
    }

    /** Takes a seller from registration to the agreement accepted. */
    void approveUpToAgreement(String id, SellerType type) {
        sellers.register(id, type, seller(id));
        sellers.submitQualifications(id, seller(id), documentsFor(type));
        sellers.approve(id, OPERATOR);
        sellers.acceptAgreement(id, seller(id), "v1");
    }

    /** Takes a seller all the way to active with the given deposit. */
    SellerResult activate(String id, SellerType type, MonetaryAmount deposit) {
        approveUpToAgreement(id, type);
        return sellers.payDeposit(id, seller(id), deposit, CARD, "deposit-" + id);
    }
}
