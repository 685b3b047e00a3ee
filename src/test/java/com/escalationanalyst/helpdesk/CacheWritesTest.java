package com.escalationanalyst.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;

class CacheWritesTest {

    @Test
    void aWriteBlockedByAnotherRunIsGivenUpOtherFailuresAreNot() {
        assertThat(CacheWrites.tried("x", () -> { })).isTrue();
        assertThat(CacheWrites.tried("x", () -> {
            throw new QueryTimeoutException("Timeout trying to lock table");
        })).isFalse();
        assertThat(CacheWrites.tried("x", () -> {
            throw new CannotAcquireLockException("lock");
        })).isFalse();
        assertThatThrownBy(() -> CacheWrites.tried("x", () -> {
            throw new DataIntegrityViolationException("value too long");
        })).isInstanceOf(DataIntegrityViolationException.class);
    }
}
