package com.escalationanalyst.process;

/**
 * An exception that refuses to start a process for a person's request (an input it cannot use, a report already
 * sent): it is answered and logged once, at WARN, where it is found or answered, so the engine's own ERROR report of
 * the failed start is left out of the log ({@link RefusedInputLogFilter}). A failing job is never one of these.
 */
public interface RefusedStart {
}
