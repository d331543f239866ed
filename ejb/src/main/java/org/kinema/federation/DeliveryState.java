package org.kinema.federation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The states of a delivery by PeerTube's names for jobs: waiting (due), delayed (retried later), active, completed, failed. */
public enum DeliveryState {
    ACTIVE, WAITING, DELAYED, COMPLETED, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryState> of(String label) {
        return Arrays.stream(values()).filter(state -> state.label().equals(label)).findFirst();
    }
}
