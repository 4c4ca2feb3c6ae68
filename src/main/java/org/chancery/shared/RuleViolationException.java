package org.chancery.shared;

/**
 * Thrown when a write would break one of the rules of API.md; answered with the rule's status
 * and code.
 */
public class RuleViolationException extends RuntimeException {

    private final Rule rule;

    public RuleViolationException(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
