package dev.mercato.payments;

import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * A split instruction: send parts of a payment's held funds to accounts (the seller's share to
 * the seller's sub-account, commission and fees to the platform, creator shares to their
 * accounts). The argument of {@link HeldFundsProvider#split}.
 *
 * <p>A split is all or nothing: either every part moves or none does. Its parts together never
 * exceed what the provider still holds for the payment; a split that leaves some of it held is a
 * <em>partial</em> split ({@link HeldFundsCapabilities.Part#PARTIAL_SPLIT}), and the rest is split
 * later or {@link HeldFundsProvider#unfreeze unfrozen}.
 *
 * <p>Immutable; two requests are the same content when transaction id, payment and the parts
 * (in any order; amounts compared by currency and numeric value) are equal.
 *
 * @param transactionId caller-generated id of this split, never {@code null}
 * @param payment the payment id of the {@link HeldFundsProvider#holdSale held sale}, never {@code null}
 * @param parts one to {@value #MAX_PARTS} parts, all in one currency, each to a different account,
 *        never {@code null}
 */
public record SplitRequest(TransactionId transactionId, TransactionId payment, List<SplitPart> parts) {

    /**
     * The most parts one split may have. A bound on what a caller can make a provider (or the
     * SPI's own checks) process; providers may accept fewer
     * ({@link HeldFundsCapabilities#maxPartsPerSplit()}).
     */
    public static final int MAX_PARTS = 50;

    /**
     * Copies and validates the parts.
     *
     * @throws NullPointerException if a field or a part is {@code null}
     * @throws InvalidPaymentRequestException if there are no parts ({@code MALFORMED}), more than
     *         {@value #MAX_PARTS} ({@code TOO_MANY_PARTS}), parts in different currencies
     *         ({@code CURRENCY_MISMATCH}), two parts to one account ({@code DUPLICATE_RECIPIENT}),
     *         or a total too large for its currency ({@code INVALID_AMOUNT})
     */
    public SplitRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(parts, "parts");
        // bound the size before copying or looking at the parts
        if (parts.size() > MAX_PARTS) {
            throw new InvalidPaymentRequestException(Problem.TOO_MANY_PARTS, transactionId,
                    "a split has at most " + MAX_PARTS + " parts (was: " + parts.size() + ")");
        }
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new InvalidPaymentRequestException(Problem.MALFORMED, transactionId, "a split needs at least one part");
        }
        String currency = parts.get(0).amount().getCurrency().getCurrencyCode();
        Map<FundsAccount, Integer> seen = new HashMap<>();
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            SplitPart part = parts.get(i);
            String partCurrency = part.amount().getCurrency().getCurrencyCode();
            if (!partCurrency.equals(currency)) {
                throw new InvalidPaymentRequestException(Problem.CURRENCY_MISMATCH, transactionId,
                        "part " + (i + 1) + " is in " + partCurrency + ", part 1 in " + currency);
            }
            Integer earlier = seen.putIfAbsent(part.recipient(), i);
            if (earlier != null) {
                throw new InvalidPaymentRequestException(Problem.DUPLICATE_RECIPIENT, transactionId,
                        "parts " + (earlier + 1) + " and " + (i + 1) + " both go to " + part.recipient()
                                + "; send one part per account");
            }
            try {
                total = Math.addExact(total, part.minorUnits());
            } catch (ArithmeticException e) {
                throw new InvalidPaymentRequestException(Problem.INVALID_AMOUNT, transactionId,
                        "the parts' total does not fit in minor units of " + currency);
            }
        }
    }

    /**
     * What the split sends in all, in minor units of its currency.
     *
     * @return positive
     */
    public long totalMinorUnits() {
        long total = 0;
        for (SplitPart part : parts) {
            total += part.minorUnits();
        }
        return total;
    }

    /**
     * What the split sends in all, built by the first part's amount factory.
     *
     * @return the total, positive, in the parts' currency
     */
    public MonetaryAmount total() {
        MonetaryAmount first = parts.get(0).amount();
        int digits = Math.max(first.getCurrency().getDefaultFractionDigits(), 0);
        return first.getFactory().setNumber(BigDecimal.valueOf(totalMinorUnits(), digits)).create();
    }
}
