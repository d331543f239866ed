package org.kinema.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kinema.instance.InstanceSecrets;
import org.kinema.instance.SecretPurpose;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Counts calls per limit and client address in PostgreSQL, one token bucket per pair that refills
 * whole at the end of its window (PeerTube's fixed windows). Each count is a short transaction of
 * its own, outside the caller's; rows outlive their window briefly and are then removed.
 */
@ApplicationScoped
public class RateLimiter {

    @Resource(lookup = "java:jboss/datasources/KinemaDS")
    private DataSource database;

    @Inject
    private InstanceSecrets secrets;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private byte[] salt;

    @PostConstruct
    void open() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("kinema.rate_limit")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        salt = secrets.key(SecretPurpose.RATE_LIMITS);
    }

    /** Counts one call of {@code address} under {@code limit}; refused past the limit. */
    public Allowance take(RateLimit limit, String address) {
        ConsumptionProbe probe = bucket(limit, address).tryConsumeAndReturnRemaining(1);
        Instant now = Instant.now();
        long reset = now.plusNanos(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill())
                .getEpochSecond() + 1;
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return new Allowance(probe.isConsumed(), limit.calls(), probe.getRemainingTokens(), reset, retryAfter);
    }

    /** Gives a counted call back, for limits that count only calls that succeed. */
    public void giveBack(RateLimit limit, String address) {
        bucket(limit, address).addTokens(1);
    }

    /** Removes counts whose window has long passed; returns how many went. */
    public int removeExpired() {
        int removed = 0;
        for (int batch = buckets.removeExpired(1000); batch > 0; batch = buckets.removeExpired(1000)) {
            removed += batch;
        }
        return removed;
    }

    private io.github.bucket4j.Bucket bucket(RateLimit limit, String address) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.calls()).refillIntervally(limit.calls(), limit.window()).build())
                .build();
        return buckets.builder().build(key(limit, address), () -> configuration);
    }

    /** The row's name: the limit and a salted hash of the address, never the address itself. */
    String key(RateLimit limit, String address) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(address.getBytes(StandardCharsets.UTF_8));
            return limit.name() + ":" + HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
