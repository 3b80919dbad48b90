package dev.mercato.examples.cli;

import dev.mercato.examples.DemoCommand;
import dev.mercato.pricing.error.MercatoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code mercato} command line: the demo, pricing a cart, settling orders, the platform
 * presets. Usage errors (an unknown option, a missing required option) exit with 2; a command
 * that fails (a missing or malformed file, a value the library refuses) exits with 1 and names
 * the file, the JSON path and the problem on standard error. Formats: {@code docs/cli.md}.
 */
@Command(name = "mercato", mixinStandardHelpOptions = true, versionProvider = Mercato.Version.class,
        description = "Runs Mercato from the command line: the marketplace demo, pricing, settlement,"
                + " a simulated platform, presets.",
        subcommands = {DemoCommand.class, PriceCommand.class, SettleCommand.class, SimulateCommand.class,
                PresetsCommand.class})
public final class Mercato implements Callable<Integer> {
    /** Held so the level sticks: Moneta logs its start-up configuration at INFO. */
    private static final Logger MONETA_LOG = Logger.getLogger("org.javamoney.moneta");

    private final Path workingDirectory;

    @Spec
    private CommandSpec spec;

    private Mercato(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments, e.g. {@code price --rules rules.json --cart cart.json}
     */
    public static void main(String[] args) {
        MONETA_LOG.setLevel(Level.WARNING);
        System.exit(commandLine(Path.of("")).execute(args));
    }

    /**
     * The command line, with its error handling, resolving relative file names against a
     * directory (the current directory for {@link #main(String[])}); messages name files as given.
     *
     * @param workingDirectory where relative file names are resolved
     * @return the command line, ready for {@link CommandLine#execute(String...)}
     */
    static CommandLine commandLine(Path workingDirectory) {
        CommandLine line = new CommandLine(new Mercato(workingDirectory));
        line.setParameterExceptionHandler(Mercato::usageError);
        line.setExecutionExceptionHandler(Mercato::failure);
        return line;
    }

    /** Without a subcommand: the usage on standard error, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** Where relative file names are resolved. */
    Path workingDirectory() {
        return workingDirectory;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failure(Exception e, CommandLine failed, CommandLine.ParseResult parsed) {
        PrintWriter err = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        if (e instanceof MercatoException) {
            err.println(name + ": " + e.getMessage());
        } else {
            err.println(name + ": failed: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return failed.getCommandSpec().exitCodeOnExecutionException();
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = Mercato.class.getResourceAsStream("mercato-version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("mercato-version.properties is missing from the class path");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"mercato " + properties.getProperty("version")};
        }
    }
}
