package org.dmmigrate.cli;

import org.dmmigrate.emulator.Emulator;
import org.dmmigrate.emulator.SampleCatalog;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh emulator of the sample organisation for each test, on a free loopback port. */
final class SampleEmulator implements BeforeEachCallback, AfterEachCallback {

    private Emulator emulator;

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator = Emulator.builder().catalog(SampleCatalog.create()).port(0).build();
        emulator.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        emulator.close();
    }

    Emulator get() {
        return emulator;
    }
}
