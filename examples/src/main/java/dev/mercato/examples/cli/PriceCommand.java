package dev.mercato.examples.cli;

import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.json.PromotionFileException;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mercato price}: prices a cart file with a promotions file and prints the result as JSON. */
@Command(name = "price", mixinStandardHelpOptions = true,
        description = "Prices a cart with a promotions file and prints the priced cart as JSON,"
                + " with the explanation of every promotion, applied or not.")
final class PriceCommand implements Callable<Integer> {
    @ParentCommand
    private Mercato mercato;

    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "FILE",
            description = "the promotions (format: docs/pricing.md)")
    private String rules;

    @Option(names = "--cart", required = true, paramLabel = "FILE",
            description = "the cart (format: docs/cli.md)")
    private String cart;

    @Override
    public Integer call() {
        List<Promotion> promotions = promotions();
        PricingRequest request = CartFile.read(mercato.workingDirectory(), cart);
        PricingResult result;
        try {
            result = PricingEngine.of(promotions).price(request);
        } catch (MercatoException e) {
            throw new InputFileException(cart, "$", "cannot be priced with " + rules + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonOutput.print(JsonOutput.pricing(result)));
        out.flush();
        return 0;
    }

    private List<Promotion> promotions() {
        String json = new String(JsonInput.bytes(mercato.workingDirectory(), rules), StandardCharsets.UTF_8);
        try {
            return PromotionJson.standard().read(json);
        } catch (PromotionFileException e) {
            throw new InputFileException(rules, e.location(), e.problem(), e);
        }
    }
}
