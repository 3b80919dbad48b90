package dev.mercato.core.risk;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The built-in risk rules. Limits and velocities count the purchase being checked together with
 * the history in the window (placed strictly after {@code now - window}): a limit of 1,000 allows
 * exactly 1,000 and refuses 1,000.01; a velocity of 3 allows the third order and refuses the
 * fourth. A money limit counts only purchases in its own currency and does not apply to a check
 * in another currency.
 */
public final class RiskRules {
    private RiskRules() {}

    /** What a rule answers when its limit is passed. */
    public enum Outcome {
        /** An operator decides. */
        REVIEW,
        /** The purchase is refused. */
        DENY
    }

    /**
     * A buyer may spend at most {@code limit} per {@code window}. Runs before checkout and before payment.
     *
     * @param limit the most, positive
     * @param window the rolling window, positive
     * @param outcome what passing it means
     * @return the rule
     */
    public static RiskRule buyerLimit(MonetaryAmount limit, Duration window, Outcome outcome) {
        long max = positive(limit, "limit");
        Duration w = positive(window);
        CurrencyUnit currency = limit.getCurrency();
        return rule("buyer-limit", EnumSet.of(RiskStage.BEFORE_CHECKOUT, RiskStage.BEFORE_PAYMENT), (check, history, now) -> {
            if (!check.amount().getCurrency().equals(currency)) {
                return RiskDecision.allow();
            }
            long spent = Exact.add(sum(history.ofBuyer(check.buyerId(), now.minus(w)), currency),
                    MinorUnits.toMinor(check.amount()));
            return spent <= max ? RiskDecision.allow() : decide(outcome, "buyer-limit", RiskReason.Code.BUYER_LIMIT,
                    "buyer " + check.buyerId() + " would spend " + MinorUnits.toAmount(spent, currency) + " in "
                            + w + ", limit " + limit);
        });
    }

    /**
     * A card may be charged at most {@code limit} per {@code window}. Runs before and after
     * payment, when the check names a card.
     *
     * @param limit the most, positive
     * @param window the rolling window, positive
     * @param outcome what passing it means
     * @return the rule
     */
    public static RiskRule cardLimit(MonetaryAmount limit, Duration window, Outcome outcome) {
        long max = positive(limit, "limit");
        Duration w = positive(window);
        CurrencyUnit currency = limit.getCurrency();
        return rule("card-limit", EnumSet.of(RiskStage.BEFORE_PAYMENT, RiskStage.AFTER_PAYMENT), (check, history, now) -> {
            if (check.card().isEmpty() || !check.amount().getCurrency().equals(currency)) {
                return RiskDecision.allow();
            }
            long spent = Exact.add(sum(history.ofCard(check.card().get(), now.minus(w)), currency),
                    MinorUnits.toMinor(check.amount()));
            return spent <= max ? RiskDecision.allow() : decide(outcome, "card-limit", RiskReason.Code.CARD_LIMIT,
                    "the card would be charged " + MinorUnits.toAmount(spent, currency) + " in " + w + ", limit " + limit);
        });
    }

    /**
     * A buyer may place at most {@code maxOrders} purchases per {@code window}. Runs before checkout.
     *
     * @param maxOrders the most, at least 1
     * @param window the rolling window, positive
     * @param outcome what passing it means
     * @return the rule
     */
    public static RiskRule buyerVelocity(int maxOrders, Duration window, Outcome outcome) {
        int max = atLeastOne(maxOrders);
        Duration w = positive(window);
        return rule("buyer-velocity", EnumSet.of(RiskStage.BEFORE_CHECKOUT), (check, history, now) -> {
            int orders = history.ofBuyer(check.buyerId(), now.minus(w)).size() + 1;
            return orders <= max ? RiskDecision.allow() : decide(outcome, "buyer-velocity",
                    RiskReason.Code.BUYER_VELOCITY, "buyer " + check.buyerId() + " would place " + orders
                            + " orders in " + w + ", at most " + max);
        });
    }

    /**
     * A device may place at most {@code maxOrders} purchases per {@code window}. Runs before
     * checkout, when the check names a device.
     *
     * @param maxOrders the most, at least 1
     * @param window the rolling window, positive
     * @param outcome what passing it means
     * @return the rule
     */
    public static RiskRule deviceVelocity(int maxOrders, Duration window, Outcome outcome) {
        int max = atLeastOne(maxOrders);
        Duration w = positive(window);
        return rule("device-velocity", EnumSet.of(RiskStage.BEFORE_CHECKOUT), (check, history, now) -> {
            if (check.device().isEmpty()) {
                return RiskDecision.allow();
            }
            int orders = history.ofDevice(check.device().get(), now.minus(w)).size() + 1;
            return orders <= max ? RiskDecision.allow() : decide(outcome, "device-velocity",
                    RiskReason.Code.DEVICE_VELOCITY, "the device would place " + orders + " orders in " + w
                            + ", at most " + max);
        });
    }

    /**
     * A new account may spend at most {@code limit} on one purchase. An account is new while it has
     * no earlier purchase in the history, or while it was opened less than {@code newAccountAge}
     * ago (exactly that age is no longer new). Runs before checkout and before payment.
     *
     * @param limit the most per purchase, positive
     * @param newAccountAge how long an account counts as new, positive
     * @param outcome what passing it means
     * @return the rule
     */
    public static RiskRule firstOrderLimit(MonetaryAmount limit, Duration newAccountAge, Outcome outcome) {
        long max = positive(limit, "limit");
        Duration age = positive(newAccountAge);
        CurrencyUnit currency = limit.getCurrency();
        return rule("first-order-limit", EnumSet.of(RiskStage.BEFORE_CHECKOUT, RiskStage.BEFORE_PAYMENT),
                (check, history, now) -> {
                    if (!check.amount().getCurrency().equals(currency)) {
                        return RiskDecision.allow();
                    }
                    boolean young = check.accountOpenedAt().map(opened -> opened.plus(age).isAfter(now)).orElse(false);
                    boolean first = history.ofBuyer(check.buyerId(), Instant.MIN).isEmpty();
                    if (!(young || first) || MinorUnits.toMinor(check.amount()) <= max) {
                        return RiskDecision.allow();
                    }
                    return decide(outcome, "first-order-limit", RiskReason.Code.FIRST_ORDER_LIMIT,
                            "new account " + check.buyerId() + " pays " + check.amount() + ", limit " + limit);
                });
    }

    /**
     * Reviews a purchase whose score reaches {@code reviewAt} and denies one that reaches {@code
     * denyAt}. Runs at every stage.
     *
     * @param scorer the scorer
     * @param reviewAt the score from which an operator decides, 0 to 100
     * @param denyAt the score from which the purchase is refused, from {@code reviewAt} to 100
     * @return the rule
     */
    public static RiskRule scoreThreshold(RiskScorer scorer, int reviewAt, int denyAt) {
        InvalidInputException.requireNonNull(scorer, "scorer");
        if (reviewAt < 0 || denyAt < reviewAt || denyAt > 100) {
            throw new InvalidInputException("thresholds", reviewAt + ".." + denyAt, "must satisfy 0 <= reviewAt <= denyAt <= 100");
        }
        return rule("risk-score", EnumSet.allOf(RiskStage.class), (check, history, now) -> {
            int score = scorer.score(check, history);
            if (score < 0 || score > 100) {
                throw new InvalidInputException("score", score, "must be from 0 to 100");
            }
            if (score >= denyAt) {
                return new RiskDecision.Deny(List.of(reason("risk-score", RiskReason.Code.RISK_SCORE,
                        "score " + score + " >= " + denyAt)));
            }
            return score >= reviewAt ? new RiskDecision.Review(List.of(reason("risk-score", RiskReason.Code.RISK_SCORE,
                    "score " + score + " >= " + reviewAt))) : RiskDecision.allow();
        });
    }

    /**
     * Denies a checkout that buys from a seller who may not take new orders (for example {@code
     * sellerService::maySell}). Runs before checkout only: a seller suspended later still completes
     * its open orders.
     *
     * @param maySell whether a seller may take new orders
     * @return the rule
     */
    public static RiskRule activeSellersOnly(Predicate<String> maySell) {
        InvalidInputException.requireNonNull(maySell, "maySell");
        return rule("active-sellers-only", EnumSet.of(RiskStage.BEFORE_CHECKOUT), (check, history, now) -> {
            List<String> inactive = check.sellerIds().stream().distinct().filter(maySell.negate()).toList();
            return inactive.isEmpty() ? RiskDecision.allow() : new RiskDecision.Deny(List.of(reason("active-sellers-only",
                    RiskReason.Code.SELLER_NOT_ACTIVE, "sellers not taking orders: " + inactive)));
        });
    }

    /**
     * A rule run only at some stages.
     *
     * @param stages the stages, not empty
     * @param rule the rule
     * @return the rule restricted to those stages
     */
    public static RiskRule atStages(Set<RiskStage> stages, RiskRule rule) {
        InvalidInputException.requireNonNull(rule, "rule");
        Set<RiskStage> only = Set.copyOf(InvalidInputException.requireNonNull(stages, "stages"));
        if (only.isEmpty()) {
            throw new InvalidInputException("stages", only, "must not be empty");
        }
        return rule(rule.name(), only, rule::assess);
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Assessment {
        RiskDecision assess(RiskCheck check, RiskHistory history, Instant now);
    }

    private static RiskRule rule(String name, Set<RiskStage> stages, Assessment assessment) {
        Set<RiskStage> copy = Set.copyOf(stages);
        return new RiskRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<RiskStage> stages() {
                return copy;
            }

            @Override
            public RiskDecision assess(RiskCheck check, RiskHistory history, Instant now) {
                return assessment.assess(check, history, now);
            }

            @Override
            public String toString() {
                return "RiskRule[" + name + " at " + copy + "]";
            }
        };
    }

    private static RiskReason reason(String rule, RiskReason.Code code, String message) {
        return new RiskReason(rule, code, message);
    }

    private static RiskDecision decide(Outcome outcome, String rule, RiskReason.Code code, String message) {
        List<RiskReason> reasons = List.of(reason(rule, code, message));
        return InvalidInputException.requireNonNull(outcome, "outcome") == Outcome.DENY ? new RiskDecision.Deny(reasons)
                : new RiskDecision.Review(reasons);
    }

    private static long sum(List<RiskActivity> activities, CurrencyUnit currency) {
        long total = 0;
        for (RiskActivity a : activities) {
            if (a.amount().getCurrency().equals(currency)) {
                total = Exact.add(total, MinorUnits.toMinor(a.amount()));
            }
        }
        return total;
    }

    private static long positive(MonetaryAmount amount, String field) {
        long minor = MinorUnits.toMinor(InvalidInputException.requireNonNull(amount, field));
        if (minor <= 0) {
            throw new InvalidInputException(field, amount, "must be positive");
        }
        return minor;
    }

    private static Duration positive(Duration window) {
        InvalidInputException.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new InvalidInputException("window", window, "must be positive");
        }
        return window;
    }

    private static int atLeastOne(int maxOrders) {
        if (maxOrders < 1) {
            throw new InvalidInputException("maxOrders", maxOrders, "must be at least 1");
        }
        return maxOrders;
    }
}
