package dev.mercato.pricing.fee;

import dev.mercato.pricing.commission.CategoryPath;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Security deposit (保证金) requirements by seller type and category.
 *
 * <p>For each category a seller sells in, the requirement is that of the most specific rule:
 * a rule naming the seller type and the category (or its nearest ancestor with such a rule)
 * beats a rule naming only the category (nearest ancestor first), which beats a rule naming
 * only the seller type, which beats the catch-all. The seller's requirement is the largest over
 * its categories: one deposit must cover its riskiest line of business.
 *
 * @param currency the currency of every amount
 * @param rules the rules
 */
public record DepositSchedule(CurrencyUnit currency, List<Rule> rules) {

    /**
     * One requirement.
     *
     * @param sellerType the seller type it applies to, or empty for every type
     * @param category the category (and descendants) it applies to, or empty for every category
     * @param amount the deposit required
     */
    public record Rule(Optional<SellerType> sellerType, Optional<CategoryPath> category, MonetaryAmount amount) {
        /** Validates the components. */
        public Rule {
            InvalidInputException.requireNonNull(sellerType, "sellerType");
            InvalidInputException.requireNonNull(category, "category");
            InvalidInputException.requireNonNull(amount, "amount");
            if (amount.isNegative()) {
                throw new InvalidInputException("amount", amount, "must not be negative");
            }
        }

        int specificity() {
            if (category.isPresent()) {
                return (sellerType.isPresent() ? 3000 : 2000) + category.get().depth();
            }
            return sellerType.isPresent() ? 1000 : 0;
        }
    }

    /**
     * A seller's requirement and the rule that set it.
     *
     * @param amount the deposit required, zero if no rule matched
     * @param rule the rule that set it, if any
     * @param explanation which category and rule decided it
     */
    public record Requirement(MonetaryAmount amount, Optional<Rule> rule, String explanation) {}

    /** Validates the rules. */
    public DepositSchedule {
        InvalidInputException.requireNonNull(currency, "currency");
        rules = List.copyOf(InvalidInputException.requireNonNull(rules, "rules"));
        for (Rule r : rules) {
            dev.mercato.pricing.money.MinorUnits.requireCurrency(r.amount(), currency);
        }
    }

    /**
     * The deposit a seller must hold.
     *
     * @param sellerType the seller's type
     * @param categories the categories it sells in (the root if none)
     * @return the requirement
     */
    public Requirement requiredFor(SellerType sellerType, Collection<CategoryPath> categories) {
        InvalidInputException.requireNonNull(sellerType, "sellerType");
        InvalidInputException.requireNonNull(categories, "categories");
        Collection<CategoryPath> sold = categories.isEmpty() ? List.of(CategoryPath.ROOT) : categories;
        Rule best = null;
        CategoryPath decisive = null;
        for (CategoryPath category : sold) {
            Rule match = match(sellerType, category);
            if (match != null && (best == null || match.amount().isGreaterThan(best.amount()))) {
                best = match;
                decisive = category;
            }
        }
        if (best == null) {
            return new Requirement(dev.mercato.pricing.money.MinorUnits.toAmount(0, currency), Optional.empty(),
                    "no deposit rule matches a " + sellerType + " seller");
        }
        return new Requirement(best.amount(), Optional.of(best), "category " + decisive + " for a " + sellerType
                + " seller requires " + Amounts.show(best.amount()) + " (rule for "
                + best.sellerType().map(Enum::name).orElse("any seller type") + ", "
                + best.category().map(c -> "category " + c).orElse("any category") + ")");
    }

    private Rule match(SellerType type, CategoryPath category) {
        Rule best = null;
        for (Rule r : rules) {
            boolean typeMatches = r.sellerType().map(t -> t == type).orElse(true);
            boolean categoryMatches = r.category().map(category::isWithin).orElse(true);
            if (typeMatches && categoryMatches && (best == null || r.specificity() > best.specificity())) {
                best = r;
            }
        }
        return best;
    }
}
