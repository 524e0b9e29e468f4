package org.dmmigrate.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bar of every transfer command: bytes in decimal MB, rate and ETA. */
final class ByteBar {

    private ByteBar() {
    }

    /** A bar for {@code task} whose total grows as work is planned. */
    static ProgressBar create(String task) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setUnit(" MB", 1_000_000)
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(0)
                .showSpeed()
                .setUpdateIntervalMillis(500)
                .build();
    }
}
