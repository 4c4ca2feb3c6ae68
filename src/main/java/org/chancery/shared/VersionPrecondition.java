package org.chancery.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The versions a write may change, as an {@code If-Match} header names them: none means any
 * version ({@code *} or no header: the write goes through). Tags compare strongly, as RFC 9110
 * asks: a weak tag ({@code W/"1"}) matches nothing. Checked by the service once it holds the
 * resource's lock, so a concurrent write cannot slip in between check and change.
 */
public record VersionPrecondition(Set<Long> versions) {

    public static final VersionPrecondition ANY = new VersionPrecondition(null);

    /** A strong entity tag as {@code ETags} writes a version: a decimal without leading zeros. */
    private static final Pattern ETAG = Pattern.compile("\"(0|[1-9][0-9]*)\"");

    public VersionPrecondition {
        versions = versions == null ? null : Set.copyOf(versions);
    }

    public static VersionPrecondition fromIfMatch(String header) {
        if (header == null || header.isBlank()) {
            return ANY;
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return ANY;
            }
            // a tag compares character by character: only a version as this server writes it ("0", "12")
            // names one; "+0", "00" or a weak tag match nothing
            if (ETAG.matcher(t).matches()) {
                try {
                    versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
                } catch (NumberFormatException tooLarge) {
                    // beyond any version: it names none
                }
            }
        }
        return new VersionPrecondition(versions);
    }

    /**
     * @throws VersionMismatchException if {@code current} is not among the versions named
     */
    public void check(long current, String resource) {
        if (versions != null && !versions.contains(current)) {
            throw new VersionMismatchException(resource + " is at version " + current
                    + ", which If-Match does not name; read it again and retry.");
        }
    }
}
