package org.chancery.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins, counted per user name and per client address: after {@code maxPerUser} failures
 * for a name, or {@code maxPerAddress} from an address, further attempts for that name or from that
 * address are refused for {@code lockout}, whatever their password. A successful sign-in does not clear
 * the name's count (the user's own requests would otherwise reset the count of someone guessing between
 * them): failures are forgotten {@code lockout} after the last. A name's lockout does not hold at an address the name
 * signed in from on this instance within the last {@link #KNOWN_FOR} (its user's desk): anyone can send ten wrong
 * passwords for a name, and would otherwise keep its user, the only ADMIN say, out for good at ten requests a quarter
 * of an hour. There the name has a count of its own, as many guesses as anywhere else, and the address's count
 * holds. Kept in memory, per instance; entries of the past are dropped as new ones come, and a flood of names cannot
 * grow it without bound, in number or in size (a name is counted by its first {@link #NAME_KEPT} characters, lower
 * case: no user's name is longer; two configured names that lower case lengthens past it would share a count).
 */
final class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    /** Entries kept at most before the expired ones are dropped. */
    private static final int TIDY_ABOVE = 10_000;
    /** Entries kept at most at all: above, the counts that lock nothing yet are dropped too. */
    private static final int KEEP_AT_MOST = 100_000;

    /** How long a name's sign-in makes its address one where the name's lockout does not hold. */
    static final Duration KNOWN_FOR = Duration.ofDays(30);
    private static final long KNOWN_FOR_NANOS = KNOWN_FOR.toNanos();
    /** Addresses kept per name at most: above, the one of the oldest sign-in is forgotten. */
    private static final int KNOWN_ADDRESSES_PER_NAME = 100;
    /** The characters of a name it is counted by (a configured user's name has 200 at most). */
    static final int NAME_KEPT = 200;

    /** Failures of one name or address; times are {@code System.nanoTime()} values, compared by difference. */
    private static final class Record {
        int failures;
        long lastFailure;
        boolean locking;
        long lockedUntil;

        /** Nanoseconds the record still locks at {@code now}; 0 if it does not. */
        synchronized long remaining(long now) {
            return locking && lockedUntil - now > 0 ? lockedUntil - now : 0;
        }

        /** Counts a failure; answers whether it starts a lockout. */
        synchronized boolean fail(long now, int max, long lockoutNanos) {
            if (failures > 0 && now - lastFailure > lockoutNanos) {
                failures = 0;
            }
            lastFailure = now;
            if (++failures >= max) {
                locking = true;
                lockedUntil = now + lockoutNanos;
                failures = 0;
                return true;
            }
            return false;
        }

        synchronized boolean stale(long now, long lockoutNanos) {
            return remaining(now) == 0 && now - lastFailure > lockoutNanos;
        }
    }

    private final int maxPerUser;
    private final int maxPerAddress;
    private final long lockoutNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Record> users = new ConcurrentHashMap<>();
    private final Map<String, Record> addresses = new ConcurrentHashMap<>();
    /** Per name that signed in, the addresses it signed in from and when it last did from each. */
    private final Map<String, Map<String, Long>> known = new ConcurrentHashMap<>();
    /** Failures of a name at an address it signed in from: they lock the name there, as its count does elsewhere. */
    private final Map<String, Record> atKnownAddresses = new ConcurrentHashMap<>();

    LoginAttempts(int maxPerUser, int maxPerAddress, Duration lockout, LongSupplier nanoTime) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lockoutNanos = lockout.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * How long attempts for this name or from this address stay refused, if they are; at an address the name signed in
     * from lately, by the name's failures there, not elsewhere.
     */
    Optional<Duration> locked(String name, String address) {
        long now = nanoTime.getAsLong();
        String user = key(name);
        long forTheName = knownAt(user, address, now) ? remaining(atKnownAddresses.get(user + '\0' + address), now)
                : remaining(users.get(user), now);
        long remaining = Math.max(forTheName, address == null ? 0 : remaining(addresses.get(address), now));
        return remaining > 0 ? Optional.of(Duration.ofNanos(remaining)) : Optional.empty();
    }

    /** A sign-in of the name from the address passed: the name's lockout does not hold there for a while. */
    void succeeded(String name, String address) {
        if (address == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        Map<String, Long> addresses = known.computeIfAbsent(key(name), k -> new ConcurrentHashMap<>());
        addresses.put(address, now);
        if (addresses.size() > KNOWN_ADDRESSES_PER_NAME) {
            addresses.entrySet().stream().min(Comparator.comparingLong(entry -> entry.getValue() - now))
                    .ifPresent(oldest -> addresses.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private boolean knownAt(String user, String address, long now) {
        Map<String, Long> addresses = address == null ? null : known.get(user);
        Long last = addresses == null ? null : addresses.get(address);
        return last != null && now - last <= KNOWN_FOR_NANOS;
    }

    void failed(String name, String address) {
        long now = nanoTime.getAsLong();
        String user = key(name);
        if (users.computeIfAbsent(user, k -> new Record()).fail(now, maxPerUser, lockoutNanos)) {
            // the user who then cannot sign in, and the operator, are told why and by whom
            log.warn("Sign-ins as {} are refused for {} after {} failed ones, the last from {} (but from the addresses "
                    + "it signed in from in the last {} days, by their own counts)", quoted(user),
                    Duration.ofNanos(lockoutNanos), maxPerUser, address == null ? "an unknown address" : address,
                    KNOWN_FOR.toDays());
        }
        if (knownAt(user, address, now) && atKnownAddresses.computeIfAbsent(user + '\0' + address,
                k -> new Record()).fail(now, maxPerUser, lockoutNanos)) {
            // as many guesses at the user's desk as anywhere: a name's count of its own there
            log.warn("Sign-ins as {} from {}, an address it signed in from, are refused for {} after {} failed ones",
                    quoted(user), address, Duration.ofNanos(lockoutNanos), maxPerUser);
        }
        if (address != null
                && addresses.computeIfAbsent(address, k -> new Record()).fail(now, maxPerAddress, lockoutNanos)) {
            log.warn("Sign-ins from {} are refused for {} after {} failed ones, the last as {}", address,
                    Duration.ofNanos(lockoutNanos), maxPerAddress, quoted(user));
        }
        if (users.size() + addresses.size() + atKnownAddresses.size() > TIDY_ABOVE) {
            users.values().removeIf(record -> record.stale(now, lockoutNanos));
            addresses.values().removeIf(record -> record.stale(now, lockoutNanos));
            atKnownAddresses.values().removeIf(record -> record.stale(now, lockoutNanos));
        }
        if (users.size() + addresses.size() > KEEP_AT_MOST) {
            users.values().removeIf(record -> record.remaining(now) == 0);
            addresses.values().removeIf(record -> record.remaining(now) == 0);
        }
    }


    private static String key(String name) {
        return name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) : name;
    }

    /** A name as typed by anyone, for one line of the log: quoted, control characters escaped, at most 100 long. */
    static String quoted(String name) {
        StringBuilder quoted = new StringBuilder("\"");
        name.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '"' || c == '\\') {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append(name.codePointCount(0, name.length()) > 100 ? "…\"" : "\"").toString();
    }

    private static long remaining(Record record, long now) {
        return record == null ? 0 : record.remaining(now);
    }
}
