package org.dmmigrate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a coreutils checker ({@code sha256sum -c}, {@code md5sum -c}) in a folder. */
public record Coreutils(int exitCode, String output) {

    /** Runs {@code tool args...} in {@code dir} and waits for it. */
    public static Coreutils run(Path dir, String... command) throws IOException,
            InterruptedException {
        List<String> all = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(all).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Coreutils(process.exitValue(), output);
    }
}
