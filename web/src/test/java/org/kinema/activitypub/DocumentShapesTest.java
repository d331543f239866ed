package org.kinema.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kinema.account.Account;
import org.kinema.api.platform.JsonMapper;
import org.kinema.channel.VideoChannel;
import org.kinema.federation.FederationService.FederatedVideo;
import org.kinema.federation.RsaKeys;
import org.kinema.video.Video;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kinema's actor and video documents have the fields of the documents a real PeerTube serves. */
class DocumentShapesTest {

    private static final DocumentMapper DOCUMENTS = new DocumentMapper(Fixtures.PUBLIC_URL,
            List.of("ws://localhost:9001/tracker/socket", "http://localhost:9001/tracker/announce"));
    /** PeerTube's chapters collection: Kinema has no chapters, so it names none. */
    private static final Set<String> VIDEO_FIELDS_NOT_WRITTEN = Set.of("hasParts");

    @Test
    void anAccountIsAPersonWithExactlyTheFieldsOfPeerTubesPerson() throws Exception {
        JsonNode reference = JsonMapper.mapper().readTree(ReferenceSamples.jsonAfter("Actor: GET /accounts/root"));
        JsonNode person = tree(DOCUMENTS.person(Fixtures.account("root")));
        assertEquals(keys(reference), keys(person));
        assertEquals(keys(reference.path("publicKey")), keys(person.path("publicKey")));
        assertEquals(keys(reference.path("endpoints")), keys(person.path("endpoints")));
        assertEquals(reference.path("@context"), person.path("@context"), "PeerTube's context, term for term");
    }

    @Test
    void anAccountsDocumentNamesItsEndpointsAsPeerTubeDoes() throws Exception {
        JsonNode person = tree(DOCUMENTS.person(Fixtures.account("root")));
        assertEquals("http://localhost:9001/accounts/root", person.path("id").asText());
        assertEquals("http://localhost:9001/accounts/root/inbox", person.path("inbox").asText());
        assertEquals("http://localhost:9001/inbox", person.path("endpoints").path("sharedInbox").asText());
        assertEquals("http://localhost:9001/accounts/root#main-key", person.path("publicKey").path("id").asText());
        RsaKeys.publicKey(person.path("publicKey").path("publicKeyPem").asText());
    }

    @Test
    void aChannelIsAGroupAttributedToItsAccount() throws Exception {
        JsonNode reference = JsonMapper.mapper().readTree(ReferenceSamples.jsonAfter("Actor: GET /accounts/root"));
        Account owner = Fixtures.account("root");
        JsonNode group = tree(DOCUMENTS.group(Fixtures.channel(owner, "root_channel")));
        Set<String> expected = keys(reference);
        expected.add("attributedTo");
        assertEquals(expected, keys(group), "a Person's fields and the owner (support only when the channel has one)");
        assertEquals("Group", group.path("type").asText());
        assertEquals("http://localhost:9001/video-channels/root_channel", group.path("id").asText());
        assertEquals("Person", group.path("attributedTo").path(0).path("type").asText());
        assertEquals("http://localhost:9001/accounts/root", group.path("attributedTo").path(0).path("id").asText());
    }

    @Test
    void theInstanceIsAnApplicationNamedPeertube() throws Exception {
        JsonNode application = tree(DOCUMENTS.application(Fixtures.application()));
        assertEquals("Application", application.path("type").asText());
        assertEquals("http://localhost:9001/accounts/peertube", application.path("id").asText());
        assertEquals("peertube", application.path("preferredUsername").asText());
    }

    @Test
    void aVideoHasTheFieldsOfPeerTubesVideoObject() throws Exception {
        JsonNode reference = JsonMapper.mapper().readTree(ReferenceSamples.jsonAfter("Video object"));
        JsonNode video = tree(DOCUMENTS.video(federated(), true));
        Set<String> missing = keys(reference);
        missing.removeAll(keys(video));
        assertEquals(VIDEO_FIELDS_NOT_WRITTEN, missing, "fields of PeerTube's video that Kinema's lacks");
        Set<String> extra = keys(video);
        extra.removeAll(keys(reference));
        assertEquals(Set.of(), extra, "fields PeerTube's video does not have");
        assertEquals(reference.path("@context"), video.path("@context"), "PeerTube's context, term for term");
    }

    @Test
    void aVideosLinksHaveTheShapesOfPeerTubesLinks() throws Exception {
        JsonNode reference = JsonMapper.mapper().readTree(ReferenceSamples.jsonAfter("Video object"));
        JsonNode video = tree(DOCUMENTS.video(federated(), true));
        for (String mediaType : List.of("text/html", "video/mp4", "application/x-bittorrent", "application/x-mpegURL")) {
            assertEquals(keys(link(reference.path("url"), mediaType)), keys(link(video.path("url"), mediaType)), mediaType);
        }
        JsonNode referenceHls = link(reference.path("url"), "application/x-mpegURL").path("tag");
        JsonNode hls = link(video.path("url"), "application/x-mpegURL").path("tag");
        assertEquals(keys(link(referenceHls, "video/mp4")), keys(link(hls, "video/mp4")), "an HLS rendition");
        assertEquals(keys(link(referenceHls, "application/json")), keys(link(hls, "application/json")), "the segment hashes");
        assertEquals(keys(reference.path("attributedTo").path(1)), keys(video.path("attributedTo").path(1)));
    }

    @Test
    void aVideosUrlsLeadToItsHlsPlaylistSegmentHashesAndRenditions() throws Exception {
        Video video = Fixtures.publishedVideo(Fixtures.channel(Fixtures.account("root"), "root_channel"));
        JsonNode document = tree(DOCUMENTS.video(new FederatedVideo(video, Fixtures.files(video)), true));
        String hls = "http://localhost:9001/static/streaming-playlists/hls/" + video.uuid() + "/";
        JsonNode playlist = link(document.path("url"), "application/x-mpegURL");
        assertEquals(hls + "abc123-master.m3u8", playlist.path("href").asText());
        assertEquals(hls + "abc123-segments-sha256.json", link(playlist.path("tag"), "application/json").path("href").asText());
        assertEquals(hls + "abc123-360-fragmented.mp4", link(playlist.path("tag"), "video/mp4").path("href").asText());
        assertEquals("PT5S", document.path("duration").asText());
        assertEquals(video.uuid().toString(), document.path("uuid").asText());
        assertEquals(List.of("https://www.w3.org/ns/activitystreams#Public"),
                JsonMapper.mapper().convertValue(document.path("to"), List.class));
        assertEquals("Person", document.path("attributedTo").path(0).path("type").asText());
        assertEquals("Group", document.path("attributedTo").path(1).path("type").asText());
    }

    @Test
    void theReferenceActorReadsAsAnActorThisInstanceCanCache() throws Exception {
        ActorDocument person = JsonMapper.mapper().readValue(ReferenceSamples.jsonAfter("Actor: GET /accounts/root"),
                ActorDocument.class);
        var facts = InboxReceiver.facts(person);
        assertEquals("localhost:9001", facts.host());
        assertEquals("root", facts.preferredUsername());
        assertEquals("http://localhost:9001/inbox", facts.endpoints().sharedInbox());
        assertEquals("http://localhost:9001/accounts/root/inbox", facts.endpoints().inbox());
        RsaKeys.publicKey(facts.publicKeyPem());
    }

    @Test
    void theReferenceVideoReadsIntoTheVideoRecord() throws Exception {
        VideoObject video = JsonMapper.mapper().readValue(ReferenceSamples.jsonAfter("Video object"), VideoObject.class);
        assertEquals("5f8cbd7c-4103-4fec-a7aa-772fac7eb91c", video.uuid());
        assertEquals("PT5S", video.duration());
        VideoObject.Link hls = video.url().stream().filter(link -> "application/x-mpegURL".equals(link.mediaType()))
                .findFirst().orElseThrow();
        assertTrue(hls.tag().stream().anyMatch(tag -> "sha256".equals(tag.name())));
        assertEquals(List.of("Person", "Group"), video.attributedTo().stream().map(ActorDocument.Reference::type).toList());
    }

    @Test
    void categoryLicenceAndLanguageAreIdentifiersWithNames() throws Exception {
        Video video = Fixtures.publishedVideo(Fixtures.channel(Fixtures.account("root"), "root_channel"));
        video.describe(new org.kinema.video.VideoDraft(null, null, null, 1, 2, "fr", null, null, null, null, null, null, null,
                null));
        JsonNode document = tree(DOCUMENTS.video(new FederatedVideo(video, List.of()), false));
        assertEquals("1", document.path("category").path("identifier").asText());
        assertEquals("Music", document.path("category").path("name").asText());
        assertEquals("2", document.path("licence").path("identifier").asText());
        assertEquals("fr", document.path("language").path("identifier").asText());
        assertEquals("French", document.path("language").path("name").asText());
    }

    private static FederatedVideo federated() {
        Video video = Fixtures.publishedVideo(Fixtures.channel(Fixtures.account("root"), "root_channel"));
        return new FederatedVideo(video, Fixtures.files(video));
    }

    private static JsonNode link(JsonNode links, String mediaType) {
        for (JsonNode link : links) {
            if (mediaType.equals(link.path("mediaType").asText()) && !link.has("rel")) {
                return link;
            }
        }
        throw new AssertionError("no " + mediaType + " link in " + links);
    }

    private static JsonNode tree(Object document) {
        return JsonMapper.mapper().valueToTree(document);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
