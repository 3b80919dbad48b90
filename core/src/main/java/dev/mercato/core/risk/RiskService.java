package dev.mercato.core.risk;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.storage.Storage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Runs risk rules at each stage of a purchase, keeps the purchase history they read, and holds
 * purchases for review until an operator decides.
 *
 * <p>{@link #check} in one unit of work: if the purchase (its reference) was held at this stage,
 * the review answers (review while pending, allow once cleared, deny once refused) and no rule
 * runs again. Otherwise, at {@link RiskStage#AFTER_CHECKOUT} and {@link RiskStage#AFTER_PAYMENT}
 * the purchase is recorded in the history first (once per reference; the card and device are
 * added when they become known), then every rule for the stage runs and the decisions are
 * combined ({@link RiskDecision#combine}); a review is stored as {@link ManualReview.Pending}.
 * Rules read time from the service's clock only. Velocity and limits read committed history:
 * two purchases checked at the same instant on different instances do not see each other.
 * Thread-safe.
 */
public interface RiskService {

    /**
     * Creates the service.
     *
     * @param storage where the history and reviews are kept
     * @param clock the only source of time
     * @param rules the rules, built-in and the host's, in the order their reasons are listed
     * @return the service
     */
    static RiskService create(Storage storage, Clock clock, List<RiskRule> rules) {
        return new DefaultRiskService(storage, clock, rules);
    }

    /**
     * Checks a purchase at its stage (see the class documentation).
     *
     * @param check the purchase
     * @return the decision
     */
    RiskDecision check(RiskCheck check);

    /**
     * This service as the facade's checkout guard ({@code Commerce.Builder.checkoutGuard}): each
     * checkout is checked at {@link RiskStage#BEFORE_CHECKOUT} with reference {@code
     * <buyer>/<checkout key>}, the cart's total and sellers; a review answers "held for review:
     * reasons", a deny "refused by risk control: reasons". Once the checkout committed, it is
     * checked at {@link RiskStage#AFTER_CHECKOUT} with its payment id as reference, which records
     * the purchase in the history that limits and velocity read. The orders are placed by then: a
     * review at that stage is kept for an operator ({@link #pendingReviews()}) and does not stop
     * the payment; rules that should hold a payment belong to {@link RiskStage#BEFORE_PAYMENT}
     * ({@link #payments()}).
     *
     * @return the guard
     */
    default dev.mercato.core.CheckoutGuard beforeCheckout() {
        RiskService service = this;
        return new dev.mercato.core.CheckoutGuard() {
            @Override
            public Optional<String> refusal(String buyerId, String reference, dev.mercato.core.cart.PricedCart cart) {
                return refusalOf(service.check(RiskCheck.of(reference, RiskStage.BEFORE_CHECKOUT, buyerId, cart.total(),
                        cart.sellers())));
            }

            @Override
            public void placed(String buyerId, dev.mercato.core.checkout.CheckoutResult.Placed placed) {
                service.check(RiskCheck.of(placed.payment().paymentId(), RiskStage.AFTER_CHECKOUT, buyerId,
                        placed.payment().total(), placed.priced().sellers()));
            }
        };
    }

    /**
     * This service as the facade's payment guard ({@code Commerce.Builder.paymentGuard}): before a
     * payment attempt, the purchase (reference: the payment id) is checked at {@link
     * RiskStage#BEFORE_PAYMENT} with the paying token as the card, so per-card limits and a score
     * apply; a review holds the payment until an operator clears it, a deny refuses it. Once paid,
     * it is checked at {@link RiskStage#AFTER_PAYMENT}, which adds the card to the history.
     *
     * @return the guard
     */
    default dev.mercato.core.PaymentGuard payments() {
        RiskService service = this;
        return new dev.mercato.core.PaymentGuard() {
            @Override
            public Optional<String> refusal(dev.mercato.core.checkout.BuyerPayment payment, List<String> sellerIds,
                    dev.mercato.payments.PaymentSource source) {
                return refusalOf(service.check(RiskCheck.of(payment.paymentId(), RiskStage.BEFORE_PAYMENT,
                        payment.buyerId(), payment.total(), sellerIds).withCard(source.token())));
            }

            @Override
            public void paid(dev.mercato.core.checkout.BuyerPayment payment, List<String> sellerIds,
                    Optional<dev.mercato.payments.PaymentSource> source) {
                RiskCheck check = RiskCheck.of(payment.paymentId(), RiskStage.AFTER_PAYMENT, payment.buyerId(),
                        payment.total(), sellerIds);
                service.check(source.map(s -> check.withCard(s.token())).orElse(check));
            }
        };
    }

    /** A decision as a guard's answer: empty to go on, otherwise why not. */
    private static Optional<String> refusalOf(RiskDecision decision) {
        if (decision instanceof RiskDecision.Allow) {
            return Optional.empty();
        }
        return Optional.of((decision instanceof RiskDecision.Review ? "held for review: " : "refused by risk control: ")
                + decision.reasons().stream().map(RiskReason::message).toList());
    }

    /**
     * An operator clears a held purchase; a later check of it at that stage is allowed.
     *
     * @param reference the purchase
     * @param stage the stage it was held at
     * @param actor a platform operator
     * @param note why
     * @return the cleared review, or a refusal
     * @throws UnknownReviewException if nothing was held under that reference and stage
     */
    ReviewResult clear(String reference, RiskStage stage, Actor actor, String note);

    /**
     * An operator refuses a held purchase; a later check of it at that stage is denied.
     *
     * @param reference the purchase
     * @param stage the stage it was held at
     * @param actor a platform operator
     * @param note why
     * @return the refused review, or a refusal
     * @throws UnknownReviewException if nothing was held under that reference and stage
     */
    ReviewResult refuse(String reference, RiskStage stage, Actor actor, String note);

    /**
     * A review, if the purchase was held at that stage.
     *
     * @param reference the purchase
     * @param stage the stage
     * @return the review, or empty
     */
    Optional<ManualReview> review(String reference, RiskStage stage);

    /**
     * The purchases waiting for an operator, oldest first.
     *
     * @return the pending reviews
     */
    List<ManualReview.Pending> pendingReviews();
}
