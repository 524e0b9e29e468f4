package org.dmmigrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.dmmigrate.engine.CatalogSummary;
import org.dmmigrate.engine.CatalogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmcatalog}: a static HTML catalog of a backup, to browse and play it offline. */
@Command(name = "dmcatalog", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Write a static HTML catalog of the backup in DST into DST/catalog/: "
                + "index.html lists every media of every user (thumbnail, title, user, "
                + "duration, size) with a search box; media/<media_id>.html lists its assets "
                + "with links to their files and plays its MP4 files.",
            "It reads only DST (no network, no credentials) and opens from file:// in any "
                    + "browser, with no network. Rerun it after dmdownload to refresh it."},
        footer = ExitCodes.FOOTER)
final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityMixin verbosity;

    @Parameters(paramLabel = "DST", description = "The backup folder, as dmdownload wrote it.")
    Path destination;

    @Override
    public Integer call() throws Exception {
        Destination.check(destination);
        PrintWriter out = spec.commandLine().getOut();
        CatalogSummary summary;
        try {
            summary = new CatalogWriter(destination, Clock.systemUTC()).write();
        } catch (CatalogWriter.NotABackupException e) {
            throw new UsageException(e.getMessage());
        }

        out.printf("Wrote the catalog of %d media of %d %s (%s of files).%n",
                summary.media(), summary.users(), summary.users() == 1 ? "user" : "users",
                Units.bytes(summary.bytes()));
        for (String problem : summary.problems()) {
            out.println("  could not read " + problem);
        }
        out.println("Open it in a browser: " + summary.index().toUri());
        out.flush();
        return ExitCodes.OK;
    }
}
