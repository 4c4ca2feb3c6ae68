package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlOrderTests {

    @Test
    void ordersByTheRequestedColumnsThenByTheTieBreakersNotAmongThem() {
        assertThat(new SqlOrder().by("r.since", "desc nulls last").by("r.country_b", "asc nulls first")
                .then("r.country_a", "r.country_b").sql())
                .isEqualTo(" order by r.since desc nulls last, r.country_b asc nulls first, r.country_a");
    }

    @Test
    void namesAColumnOnceInTheDirectionItWasFirstGiven() {
        assertThat(new SqlOrder().by("o.id", "desc").by("o.id", "asc").then("o.id").sql()).isEqualTo(" order by o.id desc");
    }

    @Test
    void isEmptyWhenItOrdersByNothing() {
        assertThat(new SqlOrder().sql()).isEmpty();
        assertThat(new SqlOrder().then("m.id").sql()).isEqualTo(" order by m.id");
    }
}
