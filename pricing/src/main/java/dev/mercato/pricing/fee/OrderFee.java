package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * A fee charged once on a group of lines (an order of one seller, or one payment), and its
 * split across the lines.
 *
 * <p>Invariant: {@code perLine} has one entry per line passed to the calculator, in the same
 * order, and sums exactly to {@code total} (lines outside the group get zero).
 *
 * @param kind which fee
 * @param id the rule or method it comes from, e.g. {@code "service-fee"} or {@code "alipay"}
 * @param bearer who pays it
 * @param total the fee, rounded once
 * @param perLine the fee's split across the lines, by the stored weights
 * @param explanation how it was computed
 */
public record OrderFee(FeeKind kind, String id, Bearer bearer, MonetaryAmount total, List<MonetaryAmount> perLine,
        String explanation) {
    /** Validates the components. */
    public OrderFee {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(bearer, "bearer");
        InvalidInputException.requireNonNull(total, "total");
        perLine = List.copyOf(InvalidInputException.requireNonNull(perLine, "perLine"));
        InvalidInputException.requireNonNull(explanation, "explanation");
    }
}
