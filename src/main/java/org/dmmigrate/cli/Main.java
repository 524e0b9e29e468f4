package org.dmmigrate.cli;

/** Entry point of every launcher: the first argument names the tool to run. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // TODO(#2): dispatch to the picocli commands
        System.exit(0);
    }
}
