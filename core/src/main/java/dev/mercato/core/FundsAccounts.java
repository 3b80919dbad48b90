package dev.mercato.core;

import dev.mercato.payments.FundsAccount;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where provider-held funds go (docs/funds-models.md): the platform's own account at the payment
 * provider (commission, fees and tax of every split, and the settlement account of every hold),
 * and each seller's and creator's sub-account. Looked up at every split and return, so a host may
 * onboard sub-accounts while orders are open: a release whose seller (or creator) has no account
 * yet keeps that part held at the provider, and the facade splits it once the account is known.
 *
 * <p>Immutable and thread-safe when the functions are.
 *
 * @param platform the platform's account, role {@link FundsAccount.Role#PLATFORM}
 * @param sellers the sub-account of a seller id, empty when the seller has none yet; never returns {@code null}
 * @param creators the sub-account of a creator's or referrer's party id, empty when it has none yet;
 *     never returns {@code null}
 */
public record FundsAccounts(FundsAccount platform, Function<String, Optional<FundsAccount>> sellers,
        Function<String, Optional<FundsAccount>> creators) {

    /**
     * Validates the fields.
     *
     * @throws InvalidInputException if a value is missing or the platform's account is not a platform account
     */
    public FundsAccounts {
        InvalidInputException.requireNonNull(platform, "platform");
        InvalidInputException.requireNonNull(sellers, "sellers");
        InvalidInputException.requireNonNull(creators, "creators");
        if (platform.role() != FundsAccount.Role.PLATFORM) {
            throw new InvalidInputException("platform", platform, "must be an account with role PLATFORM");
        }
    }

    /**
     * Accounts for a platform whose orders pay no creator or referrer shares.
     *
     * @param platform the platform's account
     * @param sellers the sub-account of a seller id, empty when it has none yet
     * @return the accounts
     */
    public static FundsAccounts of(FundsAccount platform, Function<String, Optional<FundsAccount>> sellers) {
        return new FundsAccounts(platform, sellers, party -> Optional.empty());
    }

    /** The seller's sub-account, checked for its role. */
    Optional<FundsAccount> seller(String sellerId) {
        return checked(sellers.apply(sellerId), FundsAccount.Role.SELLER, "seller " + sellerId);
    }

    /** The creator's sub-account, checked for its role. */
    Optional<FundsAccount> creator(String partyId) {
        return checked(creators.apply(partyId), FundsAccount.Role.CREATOR, "creator " + partyId);
    }

    private static Optional<FundsAccount> checked(Optional<FundsAccount> account, FundsAccount.Role role, String whose) {
        if (account == null) {
            throw new InvalidInputException("fundsAccounts", whose, "the lookup returned null; return Optional.empty()");
        }
        if (account.isPresent() && account.get().role() != role) {
            throw new InvalidInputException("fundsAccounts", account.get(), "is the account of " + whose
                    + " and must have role " + role);
        }
        return account;
    }
}
