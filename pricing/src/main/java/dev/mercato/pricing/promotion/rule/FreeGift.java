package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * Kind 8, free gift: when the lines in scope reach {@code threshold} (measured when the shop lane
 * starts), a gift line is added at no cost. Its value is reported (and funded, by the seller by
 * default) but does not change what the buyer pays. Stock left for the gift may be tracked by
 * the caller as the promotion's stock cap. Shop lane.
 *
 * @param terms the common terms
 * @param scope the lines that count
 * @param threshold the spend that earns the gift, zero for any purchase in scope
 * @param gift the gift
 */
public record FreeGift(PromotionTerms terms, Scope scope, MonetaryAmount threshold, Effect.Gift gift)
        implements Promotion {

    /** The kind's name. */
    public static final String KIND = "free-gift";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the threshold negative
     */
    public FreeGift {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireNonNegative(threshold, "threshold");
        InvalidInputException.requireNonNull(gift, "gift");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.SHOP;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        if (context.caps().stockLeft(id()).orElse(gift.quantity()) < gift.quantity()) {
            return Outcome.rejected(new RejectionReason.CapReached(RejectionReason.Cap.STOCK));
        }
        boolean[] in = Rules.inScope(context, scope);
        if (in == null) {
            return Rules.noMatchingLines();
        }
        long measured = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                measured = Exact.add(measured, context.laneStartAmount(i));
            }
        }
        long min = context.minor(threshold);
        if (measured < min) {
            return Outcome.rejected(Rules.belowThreshold(context, min, measured));
        }
        context.minor(gift.unitValue());
        return Outcome.applied(new Effect.Gifts(List.of(gift)), () -> gift.quantity() + " x " + gift.sku() + " free");
    }
}
