package org.dmmigrate.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The entry point of every launcher: {@code java -jar dmcloud-migrate.jar TOOL [ARGS]}, where
 * TOOL is {@code dmsize}, {@code dmdownload}, {@code dmverify}, {@code dmcatalog},
 * {@code dmmigrate} or {@code dmcloud-emulator}.
 */
public final class Main {

    private static final Map<String, Supplier<Callable<Integer>>> TOOLS = Map.of(
            "dmsize", SizeCommand::new,
            "dmdownload", DownloadCommand::new,
            "dmverify", VerifyCommand::new,
            "dmcatalog", CatalogCommand::new,
            "dmmigrate", MigrateCommand::new,
            "dmcloud-emulator", EmulatorCommand::new);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one tool with its arguments and returns its exit code. */
    public static int run(String... args) {
        if (args.length == 0 || !TOOLS.containsKey(args[0])) {
            System.err.println("usage: dmcloud-migrate TOOL [ARGS]; TOOL is one of "
                    + String.join(", ", TOOLS.keySet().stream().sorted().toList()));
            return ExitCodes.USAGE;
        }
        return commandLine(TOOLS.get(args[0]).get())
                .execute(Arrays.copyOfRange(args, 1, args.length));
    }

    /** A configured command line for one tool, so tests can swap its output streams. */
    public static CommandLine commandLine(Object command) {
        return new CommandLine(command)
                .setExecutionExceptionHandler(new FailureHandler())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** A configured command line for a tool named as on its launcher. */
    public static CommandLine commandLine(String tool) {
        Supplier<Callable<Integer>> factory = TOOLS.get(tool);
        if (factory == null) {
            throw new IllegalArgumentException("no tool named " + tool);
        }
        return commandLine(factory.get());
    }
}
