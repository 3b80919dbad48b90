package dev.mercato.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a long {@code mercato simulate} run, on standard error so that standard output
 * stays the same bytes for the same seed. On a terminal it is one line redrawn after each day (a
 * bar, the days done and the orders placed so far) and erased at the end; otherwise it is a plain
 * line after each tenth of the days. A run shorter than {@link #LONG_RUN} buyer-days (days times
 * buyers) shows nothing. Not thread-safe: one run, one display.
 */
final class Progress implements Simulation.DayListener {
    /** Buyer-days from which a run is long enough to show its progress. */
    static final long LONG_RUN = 2_000;

    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final int days;
    private final boolean shown;
    private int drawn;

    private Progress(PrintWriter err, boolean terminal, int days, boolean shown) {
        this.err = err;
        this.terminal = terminal;
        this.days = days;
        this.shown = shown;
    }

    /**
     * The display for a run.
     *
     * @param err where it is shown (standard error)
     * @param terminal whether that is a terminal that a carriage return redraws
     * @param days the run's days, at least 1
     * @param buyers the run's buyers, at least 1
     * @return the display; silent for a short run
     */
    static Progress of(PrintWriter err, boolean terminal, int days, int buyers) {
        return new Progress(err, terminal, days, (long) days * buyers >= LONG_RUN);
    }

    @Override
    public void dayDone(int daysDone, int ordersPlaced) {
        if (!shown) {
            return;
        }
        if (terminal) {
            int filled = daysDone * BAR / days;
            String line = String.format(Locale.ROOT, "simulating [%s%s] %d/%d days, %d orders",
                    "#".repeat(filled), ".".repeat(BAR - filled), daysDone, days, ordersPlaced);
            err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
            drawn = line.length();
            err.flush();
        } else if (daysDone * 10 / days > (daysDone - 1) * 10 / days) {
            err.println(String.format(Locale.ROOT, "simulated day %d of %d, %d orders placed", daysDone, days,
                    ordersPlaced));
            err.flush();
        }
    }

    /** Erases the terminal line, so that what follows starts on a clean line. */
    void finish() {
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }
}
