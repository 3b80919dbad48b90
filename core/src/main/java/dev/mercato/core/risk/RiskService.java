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
     * reasons", a deny "refused by risk control: reasons".
     *
     * @return the guard
     */
    default dev.mercato.core.CheckoutGuard beforeCheckout() {
        return (buyerId, reference, cart) -> {
            RiskDecision decision = check(RiskCheck.of(reference, RiskStage.BEFORE_CHECKOUT, buyerId, cart.total(),
                    cart.sellers()));
            if (decision instanceof RiskDecision.Allow) {
                return Optional.empty();
            }
            return Optional.of((decision instanceof RiskDecision.Review ? "held for review: " : "refused by risk control: ")
                    + decision.reasons().stream().map(RiskReason::message).toList());
        };
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
