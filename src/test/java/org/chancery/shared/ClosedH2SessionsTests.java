package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import org.junit.jupiter.api.Test;

class ClosedH2SessionsTests {

    private final ClosedH2Sessions sessions = new ClosedH2Sessions();

    @Test
    void dropsTheConnectionOfAClosedH2Session() {
        assertThat(sessions.adjudicate(new SQLException("Database is already closed", "90121")))
                .isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void leavesAnyOtherErrorToThePoolsOwnJudgementThoseWithoutAStateToo() {
        assertThat(sessions.adjudicate(new SQLException("duplicate key", "23505"))).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(sessions.adjudicate(new SQLException("no state"))).isEqualTo(Override.CONTINUE_EVICT);
    }
}
