package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.RoundingPolicy;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * How the facade books fees ({@code Commerce.Builder.fees}). Immutable.
 *
 * @param knownSellers which seller ids exist (for example {@code id -> sellers.seller(id).isPresent()});
 *     a command naming another throws {@link UnknownSellerException}
 * @param adDayZone the zone whose calendar days the advertising daily budget counts
 * @param rounding how a CPM cost and the annual rebate are rounded
 */
public record FeeSettings(Predicate<String> knownSellers, ZoneId adDayZone, RoundingPolicy rounding) {

    /** Validates the fields. */
    public FeeSettings {
        InvalidInputException.requireNonNull(knownSellers, "knownSellers");
        InvalidInputException.requireNonNull(adDayZone, "adDayZone");
        InvalidInputException.requireNonNull(rounding, "rounding");
    }

    /**
     * The defaults: daily budgets count UTC days, half-up rounding.
     *
     * @param knownSellers which seller ids exist
     * @return the settings
     */
    public static FeeSettings of(Predicate<String> knownSellers) {
        return new FeeSettings(knownSellers, ZoneId.of("UTC"), RoundingPolicy.HALF_UP);
    }
}
