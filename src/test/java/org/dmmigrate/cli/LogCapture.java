package org.dmmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Keeps the log lines the tool writes while it runs in this JVM, so that a test can count its
 * retries: downloads and stream reads (WARN) and API calls (DEBUG, raised for this logger
 * only). Thread-safe; {@link #close()} detaches it.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final String API_RETRIES = "org.dmmigrate.protocol.http.RetryingCloudkeyApi";

    private static final Pattern ASSET = Pattern.compile("asset=(\\S+)");

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private LogCapture() {
    }

    /** Attaches a new capture to the tool's loggers. */
    static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.setContext((ch.qos.logback.classic.LoggerContext)
                LoggerFactory.getILoggerFactory());
        capture.start();
        ours().addAppender(capture);
        // The API retries are logged at DEBUG: keep them here, not on the console.
        Logger api = (Logger) LoggerFactory.getLogger(API_RETRIES);
        api.setLevel(Level.DEBUG);
        api.setAdditive(false);
        api.addAppender(capture);
        return capture;
    }

    /** The lines kept, in order. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** How many lines start with this text. */
    long count(String start) {
        return lines.stream().filter(line -> line.startsWith(start)).count();
    }

    /** The distinct {@code asset=} labels of the lines starting with one of these texts. */
    Set<String> assets(String... starts) {
        Set<String> out = new TreeSet<>();
        for (String line : lines) {
            for (String start : starts) {
                Matcher matcher = ASSET.matcher(line);
                if (line.startsWith(start) && matcher.find()) {
                    out.add(matcher.group(1));
                }
            }
        }
        return out;
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(event.getFormattedMessage());
    }

    @Override
    public void close() {
        ours().detachAppender(this);
        Logger api = (Logger) LoggerFactory.getLogger(API_RETRIES);
        api.detachAppender(this);
        api.setAdditive(true);
        api.setLevel(null);
        stop();
    }

    private static Logger ours() {
        return (Logger) LoggerFactory.getLogger("org.dmmigrate");
    }
}
