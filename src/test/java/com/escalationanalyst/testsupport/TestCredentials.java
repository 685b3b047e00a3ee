package com.escalationanalyst.testsupport;

import java.util.UUID;

/** The administrator of test contexts: a password made up per test run, never written down. */
public final class TestCredentials {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "t-" + UUID.randomUUID();

    private TestCredentials() {
    }
}
