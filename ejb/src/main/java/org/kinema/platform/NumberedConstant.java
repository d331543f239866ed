package org.kinema.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A constant that PeerTube's API shows as {@code {id, label}}: a privacy, a role, a state. Its
 * enums implement this and find their constants by number through {@link #byId}.
 */
public interface NumberedConstant {

    int id();

    String label();

    /** The constant numbered {@code id}, or a client error naming the numbers there are. */
    static <E extends Enum<E> & NumberedConstant> E byId(Class<E> type, int id, String what) {
        return find(type, id).orElseThrow(() -> DomainException.invalid("Unsupported " + what + ": " + id + " ("
                + Arrays.stream(type.getEnumConstants()).map(c -> c.id() + " " + c.label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")"));
    }

    /** The constant numbered {@code id}, from a stored value: one it does not know is a defect, not a client's error. */
    static <E extends Enum<E> & NumberedConstant> E stored(Class<E> type, int id) {
        return find(type, id).orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " " + id));
    }

    private static <E extends Enum<E> & NumberedConstant> java.util.Optional<E> find(Class<E> type, int id) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.id() == id).findFirst();
    }
}
