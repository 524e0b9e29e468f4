package org.dmmigrate.engine;

/** A cancelled run (Ctrl-C): an upload stops where it is and stays resumable. */
final class RunCancelled extends Exception {

    private static final long serialVersionUID = 1L;
}
