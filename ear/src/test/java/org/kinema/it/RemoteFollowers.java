package org.kinema.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Remote followers written straight into a node's database, as their fetched documents and accepted follows would be. */
final class RemoteFollowers {

    private RemoteFollowers() {
    }

    /** A remote Person named {@code name} on {@code host}, in the shared test server's database; returns its actor id. */
    static long person(String host, String name, String inbox, String sharedInbox) throws SQLException {
        try (Connection db = KinemaServer.database()) {
            return person(db, host, name + "-" + Fresh.name("r"), name, inbox, sharedInbox);
        }
    }

    /** An accepted follow, in the shared test server's database. */
    static void follow(long follower, long followed) throws SQLException {
        try (Connection db = KinemaServer.database()) {
            follow(db, follower, followed);
        }
    }

    /** The actor of a channel of the shared test server. */
    static long channelActor(long channelId) throws SQLException {
        try (Connection db = KinemaServer.database();
             PreparedStatement query = db.prepareStatement("SELECT actor_id FROM kinema.video_channel WHERE id = ?")) {
            query.setLong(1, channelId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A remote Person at {@code http://host/accounts/{path}}, named {@code name}; returns its actor id. */
    static long person(Connection db, String host, String path, String name, String inbox, String sharedInbox)
            throws SQLException {
        String url = "http://" + host + "/accounts/" + path;
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO kinema.actor (type, preferred_username, host, url, inbox_url, shared_inbox_url, followers_url,
                                          created_at, updated_at, fetched_at)
                VALUES ('Person', ?, ?, ?, ?, ?, ?, now(), now(), now()) RETURNING id""")) {
            insert.setString(1, name);
            insert.setString(2, host);
            insert.setString(3, url);
            insert.setString(4, inbox);
            insert.setString(5, sharedInbox);
            insert.setString(6, url + "/followers");
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** An accepted follow of {@code followed} by {@code follower}. */
    static void follow(Connection db, long follower, long followed) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO kinema.actor_follow (follower_id, following_id, state, url, created_at, updated_at)
                VALUES (?, ?, 'accepted', ?, now(), now())""")) {
            insert.setLong(1, follower);
            insert.setLong(2, followed);
            insert.setString(3, "http://remote.example/follows/" + Fresh.name("f"));
            insert.executeUpdate();
        }
    }
}
