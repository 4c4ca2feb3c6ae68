package org.chancery.shared;

/** A query parameter that cannot be parsed; answered as {@code MALFORMED_REQUEST} naming it. */
public class MalformedRequestException extends RuntimeException {

    private final String parameter;

    public MalformedRequestException(String parameter, String message) {
        super("Parameter '" + parameter + "' " + message + ".");
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
