package dev.mercato.examples.cli;

import dev.mercato.pricing.commission.InvalidScheduleException;
import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mercato settle}: settles an orders file with a revenue schedule (a file, or a preset's)
 * and prints one statement per seller as JSON.
 */
@Command(name = "settle", mixinStandardHelpOptions = true,
        description = "Settles orders with a platform's commission and fee schedule and prints one"
                + " settlement statement per seller as JSON, every charge with its explanation.")
final class SettleCommand implements Callable<Integer> {
    @ParentCommand
    private Mercato mercato;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Schedule schedule;

    @Option(names = "--orders", required = true, paramLabel = "FILE",
            description = "the orders (format: docs/cli.md)")
    private String orders;

    /** Where the schedule comes from: a file or a preset. */
    static final class Schedule {
        @Option(names = "--schedule", required = true, paramLabel = "FILE",
                description = "the schedule (format: docs/commission-and-fees.md)")
        private String file;

        @Option(names = "--preset", required = true, paramLabel = "NAME",
                description = "a preset's schedule instead of a file (see mercato presets)")
        private String preset;
    }

    @Override
    public Integer call() {
        RevenueSchedule revenue = schedule();
        OrdersFile.Orders sold = OrdersFile.read(mercato.workingDirectory(), orders, revenue.commission().currency());
        Settlement settlement;
        try {
            settlement = revenue.settle(sold.lines(), sold.periodGmvBefore());
        } catch (MercatoException e) {
            throw new InputFileException(orders, "$", "cannot be settled: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonOutput.print(JsonOutput.statements(revenue.name(), settlement)));
        out.flush();
        return 0;
    }

    private RevenueSchedule schedule() {
        if (schedule.preset != null) {
            schedule.preset = Presets.canonical(schedule.preset);
            if (!Presets.names().contains(schedule.preset)) {
                throw new ParameterException(spec.commandLine(), "Unknown preset '" + schedule.preset
                        + "'; presets: " + String.join(", ", Presets.names()));
            }
            return Presets.schedule(schedule.preset);
        }
        String json = new String(JsonInput.bytes(mercato.workingDirectory(), schedule.file), StandardCharsets.UTF_8);
        try {
            return ScheduleJson.read(json).revenue();
        } catch (InvalidScheduleException e) {
            throw new InputFileException(schedule.file, e.location(), e.problem(), e);
        }
    }
}
