package org.kinema.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Public, published videos written straight into a node's PostgreSQL, for lists longer than
 * uploads could make: varied names, durations, views, likes, dates, categories and languages,
 * three tags and an HLS rendition each (with its torrent). Their short UUIDs are unique but not
 * PeerTube's encoding: reach them by id or UUID.
 */
public final class SeededVideos {

    private SeededVideos() {
    }

    /**
     * Videos {@code first} to {@code last} (numbers that name them), spread over the channels
     * {@code channelIds} lists (an SQL query returning ids), round-robin.
     */
    public static void insert(Connection db, String channelIds, long first, long last) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                WITH channel AS (SELECT row_number() OVER (ORDER BY c.id) - 1 AS slot, c.id, c.account_id
                                 FROM kinema.video_channel c WHERE c.id IN (%s)),
                     slots AS (SELECT count(*) AS n FROM channel),
                     video AS (
                         INSERT INTO kinema.video (uuid, short_uuid, channel_id, account_id, name, description, privacy, category,
                                                   licence, language, nsfw, state, transcoding_progress, hls_prefix,
                                                   duration, aspect_ratio, original_filename, original_size, views,
                                                   likes, dislikes, published_at, created_at, updated_at)
                         SELECT s.uuid, replace(s.uuid::text, '-', ''), c.id, c.account_id,
                                'seeded ' || translate(left(md5(g::text), 12), '0123456789', 'ghijklmnop') || ' ' || g,
                                'A seeded video, number ' || g || '.', 1, 1 + g %% 18, 1 + g %% 7,
                                (ARRAY['en', 'fr', 'de', 'es', 'ja'])[1 + g %% 5], g %% 50 = 0, 1, 100, 'seeded',
                                (g * 7919) %% 7200 + 1, 1.7778, 'seeded.mp4', 1000000,
                                floor(1000000 * power(s.r, 8)), floor(10000 * power(s.r, 10)), g %% 7,
                                s.published, s.published - interval '1 hour', s.published
                         FROM generate_series(?, ?) AS g
                         CROSS JOIN slots
                         CROSS JOIN LATERAL (SELECT gen_random_uuid() AS uuid, random() + g * 0 AS r,
                                                    timestamptz '2020-01-01' + (g * 7907 %% 157680000) * interval '1 second'
                                                    AS published) AS s
                         JOIN channel c ON c.slot = g %% slots.n
                         RETURNING id, uuid, created_at),
                     tag AS (
                         INSERT INTO kinema.video_tag (video_id, tag)
                         SELECT v.id, t.tag FROM video v
                         CROSS JOIN LATERAL (VALUES ('seeded'), ('topic' || v.id %% 100), ('series' || v.id %% 997)) AS t(tag))
                INSERT INTO kinema.video_file (video_id, kind, resolution, width, height, fps, bitrate, size, filename,
                                               torrent_filename, info_hash, codecs, created_at)
                SELECT v.id, 'HLS', 720, 1280, 720, 30, 2500000, 100000000, v.uuid || '-720-fragmented.mp4',
                       v.uuid || '-720-hls.torrent', md5(v.uuid::text) || left(md5(v.id::text), 8),
                       'avc1.64001f,mp4a.40.2', v.created_at
                FROM video v""".formatted(channelIds))) {
            statement.setLong(1, first);
            statement.setLong(2, last);
            statement.executeUpdate();
        }
    }
}
