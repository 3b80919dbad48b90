package dev.mercato.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mercato demo}: runs {@link MarketplaceDemo}, the README's marketplace story, and prints
 * it. Exits with 1 if a step is refused or the money does not balance.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the marketplace demo: three shops, one cart, one payment, escrow, settlement,"
                + " and the ledger check.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Creates the command; the command line sets its fields. */
    public DemoCommand() {
        // fields are injected by picocli
    }

    /**
     * Runs the demo.
     *
     * @return 0
     * @throws IllegalStateException if a step is refused or the money does not balance
     */
    @Override
    public Integer call() {
        ByteArrayOutputStream story = new ByteArrayOutputStream();
        PrintWriter out = spec.commandLine().getOut();
        try {
            MarketplaceDemo.run(new PrintStream(story, true, StandardCharsets.UTF_8));
        } finally {
            // Whatever the story got to is printed, also when a step failed.
            out.print(story.toString(StandardCharsets.UTF_8));
            out.flush();
        }
        return 0;
    }
}
