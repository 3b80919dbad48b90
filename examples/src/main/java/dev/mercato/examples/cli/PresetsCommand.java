package dev.mercato.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mercato presets}: lists the platform presets, one line each. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "Lists the platform presets with a one-line description each, and whether"
                + " simulate can run them (scenario) or only their schedule exists (schedule).")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%-21s %-9s %s", "preset", "ready", "description"));
        for (Presets.Preset preset : Presets.ALL) {
            out.println(String.format(Locale.ROOT, "%-21s %-9s %s", preset.name(),
                    preset.scenarioReady() ? "scenario" : "schedule", preset.description()));
        }
        out.println();
        out.println("schedule: mercato settle --preset NAME --orders FILE settles with it;"
                + " scenario: mercato simulate --preset NAME also runs a whole platform on it.");
        out.flush();
        return 0;
    }
}
