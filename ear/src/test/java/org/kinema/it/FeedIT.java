package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/** PeerTube's video feeds, read back with the feed library's own parser. */
@ExtendWith(KinemaServer.class)
class FeedIT {

    private static final Api API = KinemaServer.api();
    private static String owner;
    private static String ownerToken;
    private static String publicUuid;
    private static String privateUuid;
    private static String unlistedUuid;

    @BeforeAll
    static void publishVideosOfEachKind() throws Exception {
        Path clip = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        owner = Fresh.name("feeder");
        String token = API.newUser(owner, "secret-password");
        ownerToken = token;
        publicUuid = Videos.uploaded(API, token, clip, Map.of("name", "Feed lecture", "description", "On rivers & <seas>"));
        privateUuid = Videos.uploaded(API, token, clip, Map.of("name", "Private lecture", "privacy", "3"));
        unlistedUuid = Videos.uploaded(API, token, clip, Map.of("name", "Unlisted lecture", "privacy", "2"));
        for (String uuid : List.of(publicUuid, privateUuid, unlistedUuid)) {
            Videos.awaitPublished(API, token, uuid);
        }
    }

    @Test
    void theChannelsRssFeedListsItsPublicVideosWithMedia() throws Exception {
        Api.Reply reply = API.get("/feeds/videos.xml?videoChannelName=" + owner + "_channel", null);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/rss+xml"), reply.header("Content-Type"));
        assertEquals("public, max-age=900", reply.header("Cache-Control"));
        SyndFeed feed = parse(reply);
        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals(List.of(publicUuid), uuids(feed), "only the public video");
        SyndEntry entry = feed.getEntries().get(0);
        assertEquals("Feed lecture", entry.getTitle());
        assertEquals("On rivers & <seas>", entry.getDescription().getValue());
        MediaEntryModule media = (MediaEntryModule) entry.getModule(MediaEntryModule.URI);
        assertNotNull(media, "Media RSS");
        assertTrue(media.getMediaContents()[0].getReference().toString().contains("/static/web-videos/"));
        assertTrue(media.getMediaContents()[0].getFileSize() > 0);
    }

    @Test
    void theAccountsAtomFeedParsesAsAtom() throws Exception {
        Api.Reply reply = API.get("/feeds/videos.atom?accountName=" + owner, null);
        assertEquals(200, reply.status(), reply::toString);
        SyndFeed feed = parse(reply);
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(List.of(publicUuid), uuids(feed));
    }

    @Test
    void theInstancesJsonFeedNamesNoVideoOnlyItsOwnerMaySee() {
        Api.Reply reply = API.get("/feeds/videos.json?sort=-publishedAt", null);
        assertEquals(200, reply.status(), reply::toString);
        JsonNode feed = reply.json();
        assertEquals("https://jsonfeed.org/version/1", feed.path("version").asText());
        String body = reply.body();
        assertTrue(body.contains(publicUuid), "the public video is there");
        assertFalse(body.contains(privateUuid) || body.contains(unlistedUuid), "no private or unlisted video");
        assertTrue(feed.path("items").path(0).path("attachments").path(0).path("url").asText().startsWith("http"));
    }

    @Test
    void feedsOfWhatDoesNotExistOrOfTwoOwnersAreClientErrors() {
        assertProblem(API.get("/feeds/videos.xml?videoChannelName=nobody_here_at_all", null), 404);
        assertProblem(API.get("/feeds/videos.xml?accountId=999999999", null), 404);
        assertProblem(API.get("/feeds/videos.xml?accountName=" + owner + "&videoChannelName=" + owner + "_channel", null), 400);
        assertProblem(API.get("/feeds/videos.pdf", null), 400);
        assertProblem(API.get("/feeds/videos.xml?sort=sideways", null), 400);
        assertProblem(API.get("/feeds/nothing.xml", null), 404);
    }

    @Test
    void theCommentFeedListsWhatAnyoneMayReadOfAVideoOrOfAChannel() throws Exception {
        String reader = API.newUser(Fresh.name("reader"), "secret-password");
        assertEquals(200, API.postJson("/api/v1/videos/" + publicUuid + "/comment-threads", reader,
                Map.of("text", "A *fine* lecture")).status());
        assertEquals(200, API.postJson("/api/v1/videos/" + privateUuid + "/comment-threads", ownerToken,
                Map.of("text", "A private note")).status());

        SyndFeed ofVideo = parse(API.get("/feeds/video-comments.xml?videoId=" + publicUuid, null));
        assertEquals(1, ofVideo.getEntries().size());
        assertTrue(ofVideo.getEntries().get(0).getDescription().getValue().contains("A *fine* lecture"));
        SyndFeed ofChannel = parse(API.get("/feeds/video-comments.atom?videoChannelName=" + owner + "_channel", null));
        assertEquals(1, ofChannel.getEntries().size(), "the private video's comment is not there");
        assertProblem(API.get("/feeds/video-comments.xml?videoId=" + privateUuid, null), 401);
        assertProblem(API.get("/feeds/video-comments.xml?videoId=" + publicUuid + "&videoChannelName=" + owner + "_channel",
                null), 400);
    }

    @Test
    void theSubscriptionFeedOpensOnlyWithTheAccountsOwnFeedToken() throws Exception {
        String fanName = Fresh.name("fan");
        String fan = API.newUser(fanName, "secret-password");
        assertEquals(204, API.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", owner + "_channel")).status());
        long accountId = API.get("/api/v1/accounts/" + fanName, null).json().path("id").asLong();
        String feedToken = API.get("/api/v1/users/scoped-tokens", fan).json().path("feedToken").asText();
        assertFalse(feedToken.isBlank());

        SyndFeed feed = parse(API.get("/feeds/subscriptions.xml?accountId=" + accountId + "&token=" + feedToken, null));
        assertEquals(List.of(publicUuid), uuids(feed));
        String others = API.get("/api/v1/users/scoped-tokens", ownerToken).json().path("feedToken").asText();
        assertProblem(API.get("/feeds/subscriptions.xml?accountId=" + accountId + "&token=" + others, null), 403);
        assertProblem(API.get("/feeds/subscriptions.xml?accountId=" + accountId, null), 403);

        String renewed = API.postJson("/api/v1/users/scoped-tokens", fan, Map.of()).json().path("feedToken").asText();
        assertFalse(renewed.equals(feedToken));
        assertProblem(API.get("/feeds/subscriptions.xml?accountId=" + accountId + "&token=" + feedToken, null), 403);
        assertEquals(200, API.get("/feeds/subscriptions.json?accountId=" + accountId + "&token=" + renewed, null).status());
    }

    private static SyndFeed parse(Api.Reply reply) throws Exception {
        return new SyndFeedInput().build(new StringReader(reply.body()));
    }

    private static List<String> uuids(SyndFeed feed) {
        return feed.getEntries().stream().map(entry -> entry.getUri().substring(entry.getUri().lastIndexOf('/') + 1)).toList();
    }
}
