package dev.mercato.pricing.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * Why a promotion did not apply. Each reason carries its data, and {@link #describe()} renders
 * it for people. Custom promotion kinds use {@link Other}.
 */
public sealed interface RejectionReason {

    /**
     * A sentence for people, e.g. {@code "below threshold by CNY 20.00 (measured CNY 179.00 of
     * CNY 199.00)"}. Amounts show all the currency's decimals.
     *
     * @return the description
     */
    String describe();

    /**
     * The spend measured is below the threshold.
     *
     * @param threshold the threshold
     * @param measured what was measured
     * @param missing how much more is needed
     */
    record BelowThreshold(MonetaryAmount threshold, MonetaryAmount measured, MonetaryAmount missing)
            implements RejectionReason {
        @Override
        public String describe() {
            return "below threshold by " + Texts.amount(missing) + " (measured " + Texts.amount(measured) + " of "
                    + Texts.amount(threshold) + ")";
        }
    }

    /**
     * Too few units.
     *
     * @param required the units required
     * @param measured the units in scope
     */
    record BelowQuantity(long required, long measured) implements RejectionReason {
        @Override
        public String describe() {
            return "below " + required + " units by " + (required - measured);
        }
    }

    /**
     * The pricing instant is outside the promotion's window.
     *
     * @param window the window
     * @param at the pricing instant
     */
    record OutsideWindow(Window window, Instant at) implements RejectionReason {
        @Override
        public String describe() {
            return "outside its window [" + window.from() + ", " + window.until() + ") at " + at;
        }
    }

    /**
     * The buyer holds none of the required tiers.
     *
     * @param required the tiers that qualify
     * @param held the tiers the buyer holds
     */
    record TierNotEligible(Set<String> required, Set<String> held) implements RejectionReason {
        @Override
        public String describe() {
            return "tier not eligible: needs one of " + required + ", buyer holds " + held;
        }
    }

    /** Only new users qualify. */
    record NotNewUser() implements RejectionReason {
        @Override
        public String describe() {
            return "only for new users";
        }
    }

    /**
     * A buyer flag is missing, e.g. the group-buy group is not formed.
     *
     * @param flag the missing flag
     */
    record FlagMissing(String flag) implements RejectionReason {
        @Override
        public String describe() {
            return "requires " + flag;
        }
    }

    /**
     * Another member of the exclusivity group applies instead.
     *
     * @param group the group
     * @param chosen the ids of the members that apply (may be empty when the best choice was none)
     */
    record ExcludedByExclusivityGroup(String group, List<String> chosen) implements RejectionReason {
        @Override
        public String describe() {
            return "excluded by exclusivity group " + group
                    + (chosen.isEmpty() ? " (no member applies)" : " (applied: " + String.join(", ", chosen) + ")");
        }
    }

    /** Which kind of cap was reached. */
    enum Cap {
        /** Stock left at the promotion price. */
        STOCK,
        /** Units this buyer may still buy at the promotion price. */
        PER_BUYER,
        /** Times this buyer may still use the promotion. */
        USES,
        /** Money left in the promotion's budget. */
        BUDGET
    }

    /**
     * A cap is used up.
     *
     * @param cap which cap
     */
    record CapReached(Cap cap) implements RejectionReason {
        @Override
        public String describe() {
            return "cap reached: " + cap.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " left is 0";
        }
    }

    /**
     * The buyer does not hold this coupon.
     *
     * @param couponId the coupon
     */
    record CouponNotHeld(String couponId) implements RejectionReason {
        @Override
        public String describe() {
            return "coupon " + couponId + " is not held by the buyer";
        }
    }

    /** No line of the cart is in the promotion's scope. */
    record NoMatchingLines() implements RejectionReason {
        @Override
        public String describe() {
            return "no line in scope";
        }
    }

    /** The promotion would discount nothing (the lines in scope are already at zero). */
    record NothingToDiscount() implements RejectionReason {
        @Override
        public String describe() {
            return "nothing left to discount";
        }
    }

    /**
     * A lower price level wins on every line in scope.
     *
     * @param detail which level won, e.g. {@code "member:GOLD at CNY 80.00"}
     */
    record PriceLevelIsLower(String detail) implements RejectionReason {
        @Override
        public String describe() {
            return "a lower price applies: " + detail;
        }
    }

    /**
     * The buyer holds the benefit this promotion needs (a membership tier, new-user status), but
     * the cart costs less priced without it, so the engine priced it without (see
     * {@link PricingOptions#benefitsNeverCostMore()}).
     *
     * @param benefits the benefits set aside, e.g. {@code "tier:GOLD"} or {@code "new-user"}
     */
    record BenefitDeclined(String benefits) implements RejectionReason {
        /** The benefit code of new-user status. */
        public static final String NEW_USER = "new-user";

        /** Benefit codes of membership tiers start with this prefix, followed by the tier code. */
        public static final String TIER_PREFIX = "tier:";

        @Override
        public String describe() {
            return "the cart costs less without " + benefits;
        }
    }

    /**
     * A reason of a custom promotion kind.
     *
     * @param code a stable machine-readable code
     * @param detail a sentence for people
     */
    record Other(String code, String detail) implements RejectionReason {
        @Override
        public String describe() {
            return code + ": " + detail;
        }
    }
}
