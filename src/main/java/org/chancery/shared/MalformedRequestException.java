package org.chancery.shared;

/** A query parameter (or a header) that cannot be parsed; answered as {@code MALFORMED_REQUEST} naming it. */
public class MalformedRequestException extends RuntimeException {

    private final String parameter;
    private final String reason;

    public MalformedRequestException(String parameter, String reason) {
        this("Parameter", parameter, reason);
    }

    private MalformedRequestException(String kind, String parameter, String reason) {
        super(kind + " '" + parameter + "' " + reason + ".");
        this.parameter = parameter;
        this.reason = reason;
    }

    /** A request header that cannot be used, named as a parameter is. */
    public static MalformedRequestException header(String name, String reason) {
        return new MalformedRequestException("Header", name, reason);
    }

    public String parameter() {
        return parameter;
    }

    /** What is wrong with the parameter's value: "cannot be parsed: 'x'; expected an integer". */
    public String reason() {
        return reason;
    }
}
