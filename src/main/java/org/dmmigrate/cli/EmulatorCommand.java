package org.dmmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dmmigrate.emulator.Catalog;
import org.dmmigrate.emulator.EmulatedUser;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.FaultPlan;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmcloud-emulator}: the DmCloud service on loopback, for rehearsals and tests. */
@Command(name = "dmcloud-emulator", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Serve an emulated DmCloud organisation (API and CDN) on 127.0.0.1 "
                + "until Ctrl-C, and print the variables that point the tools at it.",
            "Catalogs: sample (built in), folder:DIR (a backup served again), "
                    + "synthetic:USERSxMEDIAxBYTES (generated on the fly, e.g. 2x1000x5MB).",
            "Faults: see docs/emulator.md, e.g. --fault reset:p=0.1,after=65536 --seed 7."},
        footer = ExitCodes.FOOTER)
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityMixin verbosity;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "The port on 127.0.0.1 (default: any free port).")
    int port;

    @Option(names = "--catalog", paramLabel = "CATALOG", defaultValue = "sample",
            description = "What to serve: sample, folder:DIR or synthetic:USERSxMEDIAxBYTES "
                    + "(default: ${DEFAULT-VALUE}).")
    String catalog;

    @Option(names = "--fault", paramLabel = "SPEC",
            description = "A fault to inject; repeatable (grammar in docs/emulator.md).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The seed that makes faults and synthetic content repeatable.")
    long seed;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "PT2H",
            description = "How long signed download links stay valid, as ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}, as the real service).")
    Duration ttl;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, not " + port);
        }
        if (verbosity.level() > 0) {
            ((Logger) LoggerFactory.getLogger("org.dmmigrate.emulator.requests"))
                    .setLevel(Level.INFO);
        }
        Catalog served = CatalogSpec.parse(catalog, seed);
        FaultPlan plan = parseFaults();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Emulator emulator = Emulator.builder().catalog(served).port(port)
                .downloadTtl(ttl).faults(plan).build()) {
            emulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            printExports(spec.commandLine().getOut(), emulator, served);
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private FaultPlan parseFaults() {
        try {
            return FaultPlan.parse(faults, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fault: " + e.getMessage()
                    + " (see docs/emulator.md for the grammar)");
        }
    }

    private static void printExports(PrintWriter out, Emulator emulator, Catalog served) {
        EmulatedUser admin = served.admin();
        out.println("# dmcloud-emulator serving " + served.organisationName() + " ("
                + served.users().size() + " users) at " + emulator.baseUrl());
        out.println("# paste these lines into another shell, then run dmsize or dmdownload:");
        out.println("export DMCLOUD_API_URL=" + emulator.baseUrl());
        out.println("export DMCLOUD_USER_ID=" + admin.id());
        out.println("export DMCLOUD_API_KEY=" + admin.apiKey());
        out.println("# Ctrl-C stops the emulator.");
        out.flush();
    }
}
