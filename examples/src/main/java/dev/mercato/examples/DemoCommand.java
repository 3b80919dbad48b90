package dev.mercato.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mercato.storage.postgres.MercatoSchema;
import dev.mercato.storage.postgres.PostgresStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mercato demo}: runs {@link MarketplaceDemo}, the README's marketplace story, and prints
 * it, in memory or (with {@code --jdbc-url}) on PostgreSQL through a HikariCP pool, where each run
 * keeps its data and the next run reads it back. Exits with 1 if a step is refused or the money
 * does not balance.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the marketplace demo: three shops, one cart, one payment, escrow, settlement,"
                + " and the ledger check.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Run on PostgreSQL (for example jdbc:postgresql://127.0.0.1:5432/test?user=postgres): the"
                    + " schema is migrated, the data stays, and a second run sees the first run's orders.")
    private Optional<String> jdbcUrl = Optional.empty();

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
        PrintStream to = new PrintStream(story, true, StandardCharsets.UTF_8);
        try {
            if (jdbcUrl.isEmpty()) {
                MarketplaceDemo.run(to);
            } else {
                try (HikariDataSource pool = pool(jdbcUrl.get())) {
                    MercatoSchema.migrate(pool);
                    MarketplaceDemo.run(to, PostgresStorage.create(pool), "PostgreSQL " + withoutSecrets(jdbcUrl.get()));
                }
            }
        } finally {
            // Whatever the story got to is printed, also when a step failed.
            out.print(story.toString(StandardCharsets.UTF_8));
            out.flush();
        }
        return 0;
    }

    /**
     * A small pool for one process: the command line runs one command at a time.
     *
     * @param url the JDBC URL
     * @return the pool; close it when done
     */
    public static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setPoolName("mercato-demo");
        return new HikariDataSource(config);
    }

    /** The URL as it may be printed: a {@code password} parameter is masked. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
