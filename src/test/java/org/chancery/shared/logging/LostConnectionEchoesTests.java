package org.chancery.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class LostConnectionEchoesTests {

    private final LoggerContext logging = new LoggerContext();
    private final LostConnectionEchoes filter = new LostConnectionEchoes();
    private final Exception lost = new DataAccessResourceFailureException("I/O error",
            new SQLException("terminating connection due to administrator command", "57P01"));
    private final Exception other = new IllegalStateException("a bug");

    @Test
    void keepsOutWhatSpringAndThePoolLogOfALostConnection() {
        assertThat(decide("org.springframework.transaction.interceptor.TransactionInterceptor", Level.ERROR,
                "Application exception overridden by rollback exception", null, lost)).isEqualTo(FilterReply.DENY);
        assertThat(decide("org.springframework.orm.jpa.JpaTransactionManager", Level.ERROR,
                "Commit exception overridden by rollback exception", null, lost)).isEqualTo(FilterReply.DENY);
        assertThat(decide("com.zaxxer.hikari.pool.ProxyConnection", Level.WARN,
                "{} - Connection {} marked as broken because of SQLSTATE({}), ErrorCode({})",
                new Object[] {"pool", "connection", "57P01", 0, lost}, null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void letsThroughWhatTheyLogOfAnythingElse() {
        assertThat(decide("org.springframework.orm.jpa.JpaTransactionManager", Level.ERROR,
                "Commit exception overridden by rollback exception", null, other)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("com.zaxxer.hikari.pool.ProxyConnection", Level.WARN,
                "{} - Connection {} marked as broken because of SQLSTATE({}), ErrorCode({})",
                new Object[] {"pool", "connection", "0A000", 0, other}, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.chancery.somewhere", Level.ERROR, "Application exception overridden by rollback",
                null, lost)).isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(String logger, Level level, String format, Object[] params, Throwable t) {
        return filter.decide(null, logging.getLogger(logger), level, format, params, t);
    }
}
