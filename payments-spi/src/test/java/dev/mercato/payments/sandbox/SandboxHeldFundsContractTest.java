package dev.mercato.payments.sandbox;

import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFundsCapabilities;
import dev.mercato.payments.HeldFundsCapabilities.Part;
import dev.mercato.payments.HeldFundsProvider;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.contract.ContractClock;
import dev.mercato.payments.contract.Fault;
import dev.mercato.payments.contract.HeldFundsContract;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * The sandbox with every part of provider-held funds passes the held-funds kit. Its hooks reach
 * the sandbox under a {@link SandboxWrapper} too, so the same hooks serve the deliberately broken
 * plug-ins of {@link HeldFundsKitCatchRateExamples}.
 */
class SandboxHeldFundsContractTest extends HeldFundsContract {

    @Override
    protected HeldFundsProvider newProvider(ContractClock clock) {
        return SandboxPaymentProvider.create(settings(clock));
    }

    SandboxSettings settings(ContractClock clock) {
        return SandboxSettings.of(clock, SandboxPaymentProviderContractTest.SECRET,
                Set.of(Monetary.getCurrency("CNY"), Monetary.getCurrency("USD")));
    }

    @Override
    protected MonetaryAmount testAmount() {
        return Money.of(new BigDecimal("120.50"), "CNY");
    }

    @Override
    protected PaymentSource approvedSource() {
        return new PaymentSource("tok_wallet_8842");
    }

    @Override
    protected FundsAccount sellerAccount() {
        return FundsAccount.seller("sub_mch_1900000109");
    }

    @Override
    protected FundsAccount platformAccount() {
        return FundsAccount.platform("sp_mch_1230000109");
    }

    @Override
    protected FundsAccount creatorAccount() {
        return FundsAccount.creator("receiver_openid_o2x9");
    }

    @Override
    protected boolean injectFault(HeldFundsProvider provider, Fault fault) {
        sandbox(provider).scriptNext(switch (fault) {
            case TIMEOUT_BEFORE_MONEY_MOVED -> ScriptedAnswer.timeOutBeforeMoving(Surface.UNKNOWN_OUTCOME);
            case TIMEOUT_AFTER_MONEY_MOVED -> ScriptedAnswer.timeOutAfterMoving(Surface.EXCEPTION);
            case SERVER_ERROR -> ScriptedAnswer.serverError();
            case SLOW_ANSWER -> ScriptedAnswer.timeOutAfterMoving(Surface.UNKNOWN_OUTCOME);
        });
        return true;
    }

    @Override
    protected boolean withdrawFrom(HeldFundsProvider provider, FundsAccount account, MonetaryAmount amount) {
        sandbox(provider).withdrawFromSubAccount(account, amount);
        return true;
    }

    @Override
    protected boolean freeze(HeldFundsProvider provider, FundsAccount account) {
        sandbox(provider).freezeSubAccount(account);
        return true;
    }

    static SandboxPaymentProvider sandbox(HeldFundsProvider provider) {
        return provider instanceof SandboxWrapper wrapper ? wrapper.sandbox() : (SandboxPaymentProvider) provider;
    }
}

/**
 * A sandbox whose holds, splits, unfreezes, returns and refunds start as pending and settle ten
 * minutes later passes the held-funds kit: pending splits and refunds already count against the
 * hold, and the kit follows them up.
 */
class SandboxWithPendingSplitsHeldFundsContractTest extends SandboxHeldFundsContractTest {

    @Override
    SandboxSettings settings(ContractClock clock) {
        return super.settings(clock).withAsynchronous(EnumSet.of(Operation.HOLD, Operation.SPLIT, Operation.UNFREEZE,
                Operation.RETURN, Operation.REFUND), Duration.ofMinutes(10));
    }
}

/**
 * A sandbox that only holds and splits in full, at most two parts per split, with no unfreeze,
 * return or query, passes the held-funds kit: the checks that need the missing parts are skipped,
 * and requests for them are refused.
 */
class SandboxWithFullSplitsOnlyHeldFundsContractTest extends SandboxHeldFundsContractTest {

    @Override
    SandboxSettings settings(ContractClock clock) {
        return super.settings(clock).withHeldFunds(new HeldFundsCapabilities(EnumSet.of(Part.HOLD, Part.SPLIT), 2));
    }
}
