package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import java.time.LocalDate;
import javax.money.MonetaryAmount;

/**
 * One day of an ad campaign's spending against its daily budget. Spending never exceeds the
 * budget: an event whose cost would take it past the budget is not billed (the ad should stop
 * serving); smaller later events may still fit.
 *
 * <p>Immutable: billing returns the next state. Thread-safe.
 *
 * @param campaignId the campaign
 * @param model how it is billed
 * @param day the day
 * @param dailyBudget the most it spends in the day
 * @param spent what it has spent so far in the day
 */
public record CampaignDay(String campaignId, BillingModel model, LocalDate day, MonetaryAmount dailyBudget,
        MonetaryAmount spent) {

    /**
     * The result of billing an event.
     *
     * @param next the campaign day after the event
     * @param charged what the event cost; zero if not accepted
     * @param accepted whether the event was billed
     * @param reason why, in words
     */
    public record Billing(CampaignDay next, MonetaryAmount charged, boolean accepted, String reason) {}

    /** Validates the state. */
    public CampaignDay {
        InvalidInputException.requireNonNull(campaignId, "campaignId");
        InvalidInputException.requireNonNull(model, "model");
        InvalidInputException.requireNonNull(day, "day");
        long budget = MinorUnits.toMinor(dailyBudget);
        long sofar = MinorUnits.toMinor(spent, dailyBudget.getCurrency());
        if (budget < 0 || sofar < 0 || sofar > budget) {
            throw new InvalidInputException("spent", spent, "must be between zero and the daily budget " + dailyBudget);
        }
    }

    /**
     * A fresh day with nothing spent.
     *
     * @param campaignId the campaign
     * @param model how it is billed
     * @param day the day
     * @param dailyBudget the budget
     * @return the campaign day
     */
    public static CampaignDay start(String campaignId, BillingModel model, LocalDate day, MonetaryAmount dailyBudget) {
        return new CampaignDay(campaignId, model, day, dailyBudget, MinorUnits.toAmount(0, dailyBudget.getCurrency()));
    }

    /**
     * What is left of the budget.
     *
     * @return {@code dailyBudget - spent}
     */
    public MonetaryAmount remaining() {
        return MinorUnits.toAmount(Exact.subtract(MinorUnits.toMinor(dailyBudget), MinorUnits.toMinor(spent)),
                dailyBudget.getCurrency());
    }

    /**
     * Bills clicks (CPC), impressions (CPM) or slots (CPT) at a unit price, e.g. an auction price.
     *
     * @param unitPrice the price per click, per thousand impressions or per slot
     * @param units how many clicks, impressions or slots, not negative
     * @param rounding how a CPM cost is rounded
     * @return the billing: the charge and the next state, or a refusal with the budget unchanged
     */
    public Billing bill(MonetaryAmount unitPrice, long units, RoundingPolicy rounding) {
        if (units < 0) {
            throw new InvalidInputException("units", units, "must not be negative");
        }
        long price = MinorUnits.toMinor(unitPrice, dailyBudget.getCurrency());
        if (price < 0) {
            throw new InvalidInputException("unitPrice", unitPrice, "must not be negative");
        }
        long cost = model.cost(price, units, rounding);
        long sofar = MinorUnits.toMinor(spent);
        long budget = MinorUnits.toMinor(dailyBudget);
        if (Exact.add(sofar, cost) > budget) {
            return new Billing(this, MinorUnits.toAmount(0, dailyBudget.getCurrency()), false,
                    model + " cost " + Amounts.show(cost, dailyBudget.getCurrency()) + " would exceed the daily budget: "
                            + Amounts.show(spent) + " of " + Amounts.show(dailyBudget) + " spent");
        }
        CampaignDay next = new CampaignDay(campaignId, model, day, dailyBudget,
                MinorUnits.toAmount(sofar + cost, dailyBudget.getCurrency()));
        return new Billing(next, MinorUnits.toAmount(cost, dailyBudget.getCurrency()), true,
                model + " " + units + " x " + Amounts.show(unitPrice) + (model == BillingModel.CPM ? " / 1000" : "")
                        + " = " + Amounts.show(cost, dailyBudget.getCurrency()));
    }
}
