package org.kinema.instance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/**
 * The instance's secret keys, one per {@link SecretPurpose}: 32 bytes from the JDK's CSPRNG,
 * drawn by whichever node needs a key first and kept in PostgreSQL, so every node signs and
 * checks alike. A key never changes once drawn, so a node keeps it in memory.
 */
@ApplicationScoped
public class InstanceSecrets {

    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<SecretPurpose, byte[]> keys = new EnumMap<>(SecretPurpose.class);

    @Inject
    private SecretRepository repository;

    public synchronized byte[] key(SecretPurpose purpose) {
        return keys.computeIfAbsent(purpose, this::load).clone();
    }

    private byte[] load(SecretPurpose purpose) {
        byte[] candidate = new byte[KEY_BYTES];
        RANDOM.nextBytes(candidate);
        return repository.keyOf(purpose.name(), candidate);
    }
}
