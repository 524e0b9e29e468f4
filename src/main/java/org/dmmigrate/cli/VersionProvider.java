package org.dmmigrate.cli;

import org.dmmigrate.protocol.http.UserAgent;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's version from the build, and the Java running it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"dmcloud-migrate " + UserAgent.toolVersion()
                + " (Java " + Runtime.version() + ")"};
    }
}
