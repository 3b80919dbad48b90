package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How the facade books fees ({@code Commerce.Builder.fees}). Immutable.
 *
 * @param knownSellers which seller ids exist (for example {@code id -> sellers.seller(id).isPresent()});
 *     a command naming another throws {@link UnknownSellerException}
 * @param adDayZone the zone whose calendar days the advertising daily budget counts
 * @param rounding how a CPM cost, the annual rebate and a payment's channel cost are rounded
 * @param paymentChannelRate what the payment provider charges on a captured buyer payment; empty:
 *     the revenue schedule's payment-fee rate for the facade's payment method
 * @param carrierChargeBearer who bears the carrier's charge for a parcel: {@link Bearer#SELLER}
 *     (taken from the seller's payable) or {@link Bearer#PLATFORM} (a platform expense)
 * @param returnLabelBearer who bears the carrier's charge for a return label ({@code
 *     Commerce.shipReturn}): the seller or the platform, as for outbound parcels
 */
public record FeeSettings(Predicate<String> knownSellers, ZoneId adDayZone, RoundingPolicy rounding,
        Optional<Rate> paymentChannelRate, Bearer carrierChargeBearer, Bearer returnLabelBearer) {

    /** Validates the fields. */
    public FeeSettings {
        InvalidInputException.requireNonNull(knownSellers, "knownSellers");
        InvalidInputException.requireNonNull(adDayZone, "adDayZone");
        InvalidInputException.requireNonNull(rounding, "rounding");
        InvalidInputException.requireNonNull(paymentChannelRate, "paymentChannelRate");
        InvalidInputException.requireNonNull(carrierChargeBearer, "carrierChargeBearer");
        InvalidInputException.requireNonNull(returnLabelBearer, "returnLabelBearer");
    }

    /**
     * Settings with the schedule's payment-fee rate and carrier charges (outbound and return
     * labels) borne by the seller.
     *
     * @param knownSellers which seller ids exist
     * @param adDayZone the zone of the advertising days
     * @param rounding how computed fees are rounded
     */
    public FeeSettings(Predicate<String> knownSellers, ZoneId adDayZone, RoundingPolicy rounding) {
        this(knownSellers, adDayZone, rounding, Optional.empty(), Bearer.SELLER, Bearer.SELLER);
    }

    /**
     * The defaults: daily budgets count UTC days, half-up rounding, the payment channel's cost at
     * the schedule's payment-fee rate, carrier charges and return labels borne by the seller.
     *
     * @param knownSellers which seller ids exist
     * @return the settings
     */
    public static FeeSettings of(Predicate<String> knownSellers) {
        return new FeeSettings(knownSellers, ZoneId.of("UTC"), RoundingPolicy.HALF_UP);
    }

    /**
     * These settings with the provider's own rate on captured payments, whatever the schedule
     * passes on to sellers.
     *
     * @param rate the provider's rate
     * @return new settings
     */
    public FeeSettings withPaymentChannelRate(Rate rate) {
        return new FeeSettings(knownSellers, adDayZone, rounding,
                Optional.of(InvalidInputException.requireNonNull(rate, "rate")), carrierChargeBearer, returnLabelBearer);
    }

    /**
     * These settings with another bearer of outbound parcels' carrier charges (return labels keep
     * theirs: {@link #withReturnLabelsBorneBy}).
     *
     * @param bearer who bears them
     * @return new settings
     */
    public FeeSettings withCarrierChargeBorneBy(Bearer bearer) {
        return new FeeSettings(knownSellers, adDayZone, rounding, paymentChannelRate,
                InvalidInputException.requireNonNull(bearer, "bearer"), returnLabelBearer);
    }

    /**
     * These settings with another bearer of return labels' carrier charges: the platform when it
     * offers free returns, the seller (the default) when the seller pays for the goods' way back.
     *
     * @param bearer who bears them
     * @return new settings
     */
    public FeeSettings withReturnLabelsBorneBy(Bearer bearer) {
        return new FeeSettings(knownSellers, adDayZone, rounding, paymentChannelRate, carrierChargeBearer,
                InvalidInputException.requireNonNull(bearer, "bearer"));
    }
}
