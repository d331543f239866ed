package org.kinema.swarm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.kinema.video.VideoEvents;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Answers the tracker's one question, "is this a swarm we serve?", for every announce.
 *
 * <p>The truth is the {@code tracker_swarm} table in PostgreSQL; this is only a small cache of it
 * in this JVM, so every node of a cluster answers alike: a served swarm is remembered for
 * {@value #SERVED_SECONDS} s, an unknown one for {@value #UNKNOWN_SECONDS} s. Publishing,
 * deleting or changing the privacy of a video on this node forgets what it concerns at once; the
 * web module's {@code SwarmChanges} tells the other nodes, which forget it too (the time-outs bound
 * what a lost message costs). The cache holds at most {@value #MAX_ENTRIES} answers and starts
 * afresh beyond that, so announces of made-up info hashes cannot grow it.
 */
@ApplicationScoped
public class TrackedSwarms {

    static final long SERVED_SECONDS = 60;
    static final long UNKNOWN_SECONDS = 5;
    static final int MAX_ENTRIES = 100_000;

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private Function<String, OptionalLong> lookup;
    private LongSupplier clock = System::nanoTime;

    @Inject
    private SwarmRepository repository;

    public TrackedSwarms() {
    }

    /** A cache over any lookup, for tests. */
    TrackedSwarms(Function<String, OptionalLong> lookup, LongSupplier clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** True if the swarm (lowercase hex info hash) belongs to a video this instance serves. */
    public boolean isServed(String infoHashHex) {
        return videoOf(infoHashHex).isPresent();
    }

    /** True if {@link #videoOf} answers for this swarm from memory, without asking the database. */
    public boolean isCached(String infoHashHex) {
        Answer answer = answers.get(infoHashHex);
        return answer != null && clock.getAsLong() - answer.until < 0;
    }

    /** The video whose swarm this is (lowercase hex info hash), if this instance serves it. */
    public OptionalLong videoOf(String infoHashHex) {
        long now = clock.getAsLong();
        Answer answer = answers.get(infoHashHex);
        if (answer != null && now - answer.until < 0) {
            return answer.video;
        }
        OptionalLong video = SwarmKeys.isInfoHash(infoHashHex) ? ask(infoHashHex) : OptionalLong.empty();
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        long ttl = TimeUnit.SECONDS.toNanos(video.isPresent() ? SERVED_SECONDS : UNKNOWN_SECONDS);
        answers.put(infoHashHex, new Answer(video, now + ttl));
        return video;
    }

    /** A video was published here: its swarms may have been unknown a moment ago. */
    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.Published event) {
        forgetUnknown();
    }

    /** A video's privacy changed here: whether its swarms are served is asked again at once. */
    void privacyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.PrivacyChanged event) {
        forget(event.videoId());
    }

    /** A video published while encoding was withdrawn here: its swarms are no longer served. */
    void failed(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.TranscodingFailed event) {
        if (event.withdrawn()) {
            forget(event.videoId());
        }
    }

    /** A video was deleted here: its swarms are no longer served. */
    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoEvents.Deleted event) {
        forget(event.videoId());
    }

    /** Swarms unknown a moment ago may be served now (a video was published, here or on another node). */
    public void forgetUnknown() {
        answers.values().removeIf(answer -> answer.video.isEmpty());
    }

    /**
     * Whether the video's swarms are served is asked again at once (its privacy changed or it was
     * deleted, here or on another node); so are the unknown swarms.
     */
    public void forget(long videoId) {
        answers.values().removeIf(answer -> answer.video.isEmpty() || answer.video.getAsLong() == videoId);
    }

    private OptionalLong ask(String infoHashHex) {
        return lookup != null ? lookup.apply(infoHashHex) : repository.videoOf(infoHashHex);
    }

    private record Answer(OptionalLong video, long until) {
    }
}
