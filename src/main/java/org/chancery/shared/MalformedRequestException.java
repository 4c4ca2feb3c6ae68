package org.chancery.shared;

/** A query parameter that cannot be parsed; answered as {@code MALFORMED_REQUEST} naming it. */
public class MalformedRequestException extends RuntimeException {

    private final String parameter;
    private final String reason;

    public MalformedRequestException(String parameter, String reason) {
        super("Parameter '" + parameter + "' " + reason + ".");
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    /** What is wrong with the parameter's value: "cannot be parsed: 'x'; expected an integer". */
    public String reason() {
        return reason;
    }
}
