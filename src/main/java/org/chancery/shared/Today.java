package org.chancery.shared;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * "Today" from the one injectable clock (UTC), and rule R3: nothing is dated after today.
 */
@Component
public class Today {

    private final Clock clock;

    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    /**
     * R3: refuses a fact dated after today.
     *
     * @throws RuleViolationException {@link Rule#R3_DATE_IN_FUTURE} naming the field
     */
    public LocalDate requireNotFuture(LocalDate date, String what) {
        if (date.isAfter(date())) {
            throw new RuleViolationException(Rule.R3_DATE_IN_FUTURE,
                    "The " + what + " " + date + " is after today (" + date() + ").");
        }
        return date;
    }
}
