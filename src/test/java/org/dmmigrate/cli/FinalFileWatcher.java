package org.dmmigrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Watches a backup folder while runs write it: each time a file appears or changes under an
 * asset's final name, its bytes are checked against the {@link TrueBytes}; every wrong file
 * seen is remembered. Polls from its own thread every few milliseconds; {@link #sweep()} may
 * also be called from the test thread (between runs). Thread-safe.
 */
final class FinalFileWatcher implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    /** A version of a file: its path, size and modification time. */
    private record Version(Path path, long size, long modified) {
    }

    private final TrueBytes truth;
    private final Path root;
    private final Set<Version> checked = new HashSet<>();
    private final Set<String> corrupt = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long checks;

    private FinalFileWatcher(TrueBytes truth, Path root) {
        this.truth = truth;
        this.root = root;
        this.thread = new Thread(this::poll, "final-file-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching {@code root}. */
    static FinalFileWatcher start(TrueBytes truth, Path root) {
        FinalFileWatcher watcher = new FinalFileWatcher(truth, root);
        watcher.thread.start();
        return watcher;
    }

    /** Checks every final file not checked in this version yet. */
    synchronized void sweep() {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(truth::isAsset).toList();
        } catch (IOException | UncheckedIOException e) {
            return; // a folder vanished during the walk: the next sweep sees the new state
        }
        for (Path file : files) {
            check(file);
        }
    }

    /** The wrong files seen so far, each once, with what was wrong. */
    synchronized List<String> corrupt() {
        return new ArrayList<>(corrupt);
    }

    /** How many file versions were checked. */
    synchronized long checks() {
        return checks;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        sweep();
    }

    private void check(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file,
                    BasicFileAttributes.class);
            Version version = new Version(file, attributes.size(),
                    attributes.lastModifiedTime().toMillis());
            if (!attributes.isRegularFile() || !checked.add(version)) {
                return;
            }
            checks++;
            String problem = truth.problem(file);
            if (problem != null) {
                corrupt.add(problem);
            }
        } catch (NoSuchFileException gone) {
            return; // replaced or removed since the walk
        } catch (IOException e) {
            corrupt.add("cannot read " + file + ": " + e);
        }
    }

    private void poll() {
        while (running) {
            sweep();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
