package org.dmmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.FaultPlan;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What {@code dmdownload -v} prints and logs while links expire and calls fail: each retry
 * with its reason, and never the API key or a URL signature.
 */
class DownloadLogIT {

    private static final Pattern AUTH_VALUE = Pattern.compile("auth=([^&\\s\"']*)");

    @TempDir
    Path dst;

    @Test
    void verboseRunLogsRetriesButNoKeyAndNoSignature() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of("expire:p=0.3", "http-error:p=0.3,on=cdn",
                "http-error:p=0.3,on=api,status=502"), 5);
        Logger ours = (Logger) LoggerFactory.getLogger("org.dmmigrate");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        ours.addAppender(events);
        DownloadRunner.Result result;
        try (Emulator emulator = Emulator.builder().catalog(SampleCatalog.create())
                .faults(plan).build().start()) {
            result = DownloadRunner.rerunWhileIncomplete(3, emulator, dst, "-v", "--user",
                    "bob");
        } finally {
            ours.detachAppender(events);
        }

        String log = events.list.stream().map(DownloadLogIT::text)
                .collect(Collectors.joining("\n"));
        String everything = result.all() + "\n" + log;
        assertThat(result.exitCode()).as(everything).isEqualTo(ExitCodes.OK);
        assertThat(log).contains("calling api call=media.get_assets")
                .contains("retrying api call").contains("retrying asset download");
        assertThat(everything).doesNotContain(SampleCatalog.ADMIN_KEY)
                .doesNotContain(SampleCatalog.BOB_ID.substring(22).repeat(20));
        Matcher auth = AUTH_VALUE.matcher(everything);
        int urls = 0;
        while (auth.find()) {
            assertThat(auth.group(1)).as("a logged auth value").isEqualTo("<redacted>");
            urls++;
        }
        assertThat(urls).as("signed URLs in the log, redacted").isPositive();
    }

    private static String text(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        return event.getThrowableProxy() == null ? message
                : message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }
}
