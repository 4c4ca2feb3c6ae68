package org.chancery.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: the operation it was derived from, what is sent (method, target, headers,
 * body) and the strings it carries (which an answer may rightly echo).
 */
record FuzzRequest(ApiDescription.Operation operation, String method, String target, Caller caller,
        Map<String, String> headers, byte[] body, List<String> inputs) {

    /** Who sends a request: HTTP Basic credentials, or none. */
    enum Caller {
        ADMIN("admin", "admin-secret"),
        EDITOR("editor", "editor-secret"),
        READER("reader", "reader-secret"),
        WRONG_PASSWORD("editor", "not-the-password"),
        ANONYMOUS(null, null);

        final String user;
        final String password;

        Caller(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder(method).append(' ').append(abbreviated(target, 400))
                .append(" as ").append(caller).append(" [").append(operation.id()).append(']');
        headers.forEach((name, value) -> {
            if (!name.equals("Authorization")) {
                shown.append("\n  ").append(name).append(": ").append(abbreviated(value, 200));
            }
        });
        if (body != null) {
            shown.append("\n  body (").append(body.length).append(" bytes): ")
                    .append(abbreviated(new String(body, StandardCharsets.UTF_8), 1_500));
        }
        return shown.toString();
    }

    static String abbreviated(String text, int at) {
        String visible = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return visible.length() <= at ? visible : visible.substring(0, at) + "… (" + visible.length() + " chars)";
    }
}
