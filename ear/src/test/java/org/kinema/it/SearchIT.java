package org.kinema.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinema.it.Problems.assertProblem;

/**
 * PeerTube's search: videos by their words (misspelt, accented or not, prefixes), tags and filters,
 * in the sorts asked; channels by name and handle; only ever public, published videos, whoever asks;
 * other instances' objects found only when kept or fetched (see TwoInstanceFederationIT for a real
 * fetch); malformed input answered with PeerTube's 4xx errors.
 */
@ExtendWith(KinemaServer.class)
class SearchIT {

    private static final Api API = KinemaServer.api();
    /** A word of this run only, so that other tests' videos never blur what is found. */
    private static final String WORD = "glacio" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("\\d", "x");

    private static String owner;
    private static String ownerName;
    private static String stranger;
    private static String lecture;
    private static String creme;
    private static String cafe;
    private static final Map<Integer, String> HIDDEN = new LinkedHashMap<>();
    private static String channelName;

    @BeforeAll
    static void uploadVideosToFind() throws Exception {
        Path short3s = Media.clip(Path.of("target", "media", "clip-3s-144p.mp4"), 3, 256, 144);
        Path long6s = Media.clip(Path.of("target", "media", "clip-6s-144p.mp4"), 6, 256, 144);
        ownerName = Fresh.name("seek");
        owner = API.newUser(ownerName, "secret-password");
        stranger = API.newUser(Fresh.name("stray"), "secret-password");
        lecture = Videos.uploaded(API, owner, short3s, Map.of("name", "Hydrology lecture: rivers of Europe " + WORD,
                "description", "How rivers carry sediment to the sea", "tags[0]", "water", "tags[1]", "Science",
                "category", "15", "language", "en"));
        creme = Videos.uploaded(API, owner, long6s, Map.of("name", "Crème brûlée à la façon du Café " + WORD,
                "description", "Une recette", "tags[0]", "cooking", "category", "13", "language", "fr"));
        cafe = Videos.uploaded(API, owner, short3s, Map.of("name", "Cafe society jazz " + WORD,
                "description", "After the hydrology lecture, we play jazz", "tags[0]", "jazz", "language", "en"));
        for (int privacy = 2; privacy <= 4; privacy++) {
            HIDDEN.put(privacy, Videos.uploaded(API, owner, short3s, Map.of("privacy", String.valueOf(privacy),
                    "name", "Secluded hydrology lecture " + WORD, "tags[0]", "secluded" + privacy, "category", "15")));
        }
        for (String uuid : List.of(lecture, creme, cafe)) {
            Videos.awaitPublished(API, owner, uuid);
        }
        for (String uuid : HIDDEN.values()) {
            Videos.awaitPublished(API, owner, uuid);
        }
        channelName = Fresh.name("hydro");
        Api.Reply channel = API.postJson("/api/v1/video-channels", owner, Map.of("name", channelName,
                "displayName", "Hydrologie européenne " + WORD));
        assertEquals(200, channel.status(), channel::toString);
    }

    @Test
    void aWordOfTheNameFindsTheVideo() {
        assertTrue(found("search", "hydrology").contains(lecture));
    }

    @Test
    void aWordOfTheDescriptionOrATagFindsTheVideo() {
        assertTrue(found("search", "sediment").contains(lecture));
        assertTrue(found("search", WORD + " science").contains(lecture), "tags are searched, whatever their case");
    }

    @Test
    void everyWordMustMatch() {
        assertEquals(List.of(lecture), found("search", WORD + " sediment"));
    }

    @Test
    void quotesBackslashesAndOperatorsAreJustText() {
        assertEquals(List.of(lecture), found("search", "rivers' " + WORD + " \\ & | ! :* (sediment)"));
        assertEquals(List.of(), found("search", "!!! ???"), "a search of no words finds nothing");
    }

    @Test
    void aMisspeltWordFindsTheVideoItMeans() {
        assertTrue(found("search", "hydrolgy " + WORD).contains(lecture));
        assertTrue(found("search", "lecure " + WORD).contains(lecture));
    }

    @Test
    void theBeginningOfAWordFindsTheVideo() {
        assertTrue(found("search", "hydro " + WORD).contains(lecture));
        assertTrue(found("search", WORD.substring(0, 5)).contains(lecture));
    }

    @Test
    void accentsAreIgnoredBothWays() {
        assertTrue(found("search", "creme brulee " + WORD).contains(creme));
        assertTrue(found("search", "CRÈME " + WORD).contains(creme));
        List<String> cafes = found("search", "café " + WORD);
        assertTrue(cafes.containsAll(List.of(creme, cafe)), cafes::toString);
        assertEquals(cafes.size(), found("search", "cafe " + WORD).size());
    }

    @Test
    void tagsFilterTheVideos() {
        assertEquals(List.of(lecture), found("search", WORD, "tagsOneOf", "WATER", "tagsOneOf", "nothing-like-it"));
        assertEquals(List.of(lecture), found("search", WORD, "tagsAllOf", "water", "tagsAllOf", "science"));
        assertEquals(List.of(), found("search", WORD, "tagsAllOf", "water", "tagsAllOf", "cooking"));
    }

    @Test
    void categoryAndLanguageFilterTheVideos() {
        assertEquals(List.of(lecture), found("search", WORD, "categoryOneOf", "15"));
        assertEquals(List.of(creme), found("search", WORD, "languageOneOf", "fr"));
        assertEquals(List.of(cafe, lecture), found("search", WORD, "languageOneOf", "en", "sort", "-publishedAt"));
    }

    @Test
    void durationFiltersTheVideos() {
        assertEquals(List.of(creme), found("search", WORD, "durationMin", "5"));
        assertFalse(found("search", WORD, "durationMax", "4").contains(creme));
    }

    @Test
    void publicationDatesFilterTheVideos() {
        OffsetDateTime lectureAt = OffsetDateTime.parse(video(lecture).path("publishedAt").asText());
        OffsetDateTime cremeAt = OffsetDateTime.parse(video(creme).path("publishedAt").asText());
        assertEquals(List.of(lecture), found("search", WORD, "endDate", lectureAt.plusNanos(1_000_000).toString()));
        assertEquals(List.of(cafe, creme), found("search", WORD, "startDate", cremeAt.toString(), "sort", "-publishedAt"));
        assertEquals(List.of(), found("search", WORD, "originallyPublishedStartDate", "2000-01-01"),
                "Kinema keeps no original publication dates");
    }

    @Test
    void localFilterKeepsThisInstancesVideos() {
        assertEquals(3, found("search", WORD, "isLocal", "true").size());
        assertEquals(List.of(), found("search", WORD, "isLocal", "false"));
    }

    @Test
    void resultsComeInTheOrderAsked() {
        assertEquals(List.of(lecture, cafe), found("search", "hydrology lecture " + WORD),
                "the name outranks the description");
        assertEquals(List.of(cafe, lecture), found("search", "hydrology lecture " + WORD, "sort", "-publishedAt"));
        assertEquals(List.of(cafe, creme, lecture), found("search", WORD, "sort", "name"));
        assertEquals(List.of(lecture, creme, cafe), found("search", WORD, "sort", "-name"));
    }

    @Test
    void anEmptySearchListsByTheSort() {
        JsonNode page = search("/api/v1/search/videos", null, "sort", "-publishedAt", "count", "3");
        assertEquals(3, page.path("data").size());
        assertTrue(page.path("total").asLong() >= 3);
    }

    @Test
    void totalCountsEveryMatchAcrossPages() {
        JsonNode first = search("/api/v1/search/videos", null, "search", WORD, "count", "2", "sort", "name");
        JsonNode past = search("/api/v1/search/videos", null, "search", WORD, "count", "2", "start", "10");
        assertEquals(3, first.path("total").asInt());
        assertEquals(2, first.path("data").size());
        assertEquals(3, past.path("total").asInt());
        assertEquals(0, past.path("data").size());
    }

    @Test
    void unlistedPrivateAndInternalVideosAreNeverFound() {
        String root = API.rootToken();
        for (String token : new String[] {null, stranger, owner, root}) {
            List<String> found = new ArrayList<>(foundBy(token, "search", WORD));
            found.addAll(foundBy(token, "search", "secluded " + WORD));
            found.addAll(foundBy(token, "search", WORD, "categoryOneOf", "15", "sort", "-publishedAt"));
            for (int privacy = 2; privacy <= 4; privacy++) {
                found.addAll(foundBy(token, "tagsOneOf", "secluded" + privacy));
                found.addAll(foundBy(token, "search", API.baseUrl() + "/w/" + video(HIDDEN.get(privacy)).path("shortUUID").asText()));
                found.addAll(foundBy(token, "search", API.baseUrl() + "/videos/watch/" + HIDDEN.get(privacy)));
            }
            found.addAll(foundBy(token, "search", "@" + ownerName + "@" + host()));
            for (String hidden : HIDDEN.values()) {
                assertFalse(found.contains(hidden), "privacy " + hidden + " found with token " + token);
            }
        }
    }

    @Test
    void aUrlOfThisInstanceFindsItsVideo() {
        assertEquals(List.of(lecture), found("search", API.baseUrl() + "/videos/watch/" + lecture));
        assertEquals(List.of(lecture), found("search", API.baseUrl() + "/w/" + video(lecture).path("shortUUID").asText()));
    }

    @Test
    void aHandleOfThisInstanceFindsItsPublicVideos() {
        assertEquals(List.of(cafe, creme, lecture), found("search", "@" + ownerName + "@" + host(), "sort", "-publishedAt"));
        assertEquals(3, found("search", ownerName + "_channel@" + host()).size());
    }

    @Test
    void channelsAreFoundByNameMisspeltOrNotAndByHandle() {
        assertEquals(List.of(channelName), channels("hydrologie europeenne " + WORD));
        assertTrue(channels("Hydrolgie européenne").contains(channelName));
        assertTrue(channels("hydrol").contains(channelName));
        assertEquals(List.of(channelName), channels("@" + channelName + "@" + host()));
        assertEquals(List.of(channelName), channels(API.baseUrl() + "/c/" + channelName));
        JsonNode channel = search("/api/v1/search/video-channels", null, "search", channelName).path("data").path(0);
        assertEquals("Hydrologie européenne " + WORD, channel.path("displayName").asText());
        assertEquals(ownerName, channel.path("ownerAccount").path("name").asText());
    }

    @Test
    void playlistSearchFindsPublicPlaylistsByTheirNameOnly() {
        long channel = Videos.channelOf(API, owner);
        String word = "Estuaries" + Fresh.name("x").replace("_", "");
        assertEquals(200, API.postJson("/api/v1/video-playlists", owner, Map.of("displayName", word + " course",
                "privacy", 1, "videoChannelId", channel)).status());
        assertEquals(200, API.postJson("/api/v1/video-playlists", owner, Map.of("displayName", word + " drafts",
                "privacy", 3)).status());
        JsonNode found = search("/api/v1/search/video-playlists", null, "search", word.toLowerCase());
        assertEquals(1, found.path("total").asInt(), found::toString);
        assertEquals(word + " course", found.path("data").path(0).path("displayName").asText());
        assertEquals(0, search("/api/v1/search/video-playlists", owner, "search", word + " drafts").path("total").asInt(),
                "a private playlist is found by nobody, its owner included");
    }

    @Test
    void remoteUrlsAndHandlesFindOnlyWhatThisInstanceKeepsOrCanFetch() throws Exception {
        String searcher = API.newUser(Fresh.name("searcher"), "searcher-password");
        for (String path : List.of("/api/v1/search/videos", "/api/v1/search/video-channels", "/api/v1/search/video-playlists")) {
            for (String remote : List.of("https://peertube.example/w/kY4E1Uu3Nqv1rPRFf6Pj1B", "alice@peertube.example",
                    "@alice@peertube.example", "http://localhost:1/videos/watch/" + lecture)) {
                for (String token : java.util.Arrays.asList(null, searcher)) {
                    Api.Reply reply = API.get(path + "?search=" + encode(remote), token);
                    assertEquals(200, reply.status(), reply::toString);
                    assertEquals(0, reply.json().path("total").asInt(), reply::toString);
                }
            }
        }
    }

    @Test
    void malformedInputIsAClientError() {
        Api.Reply big = http11("/api/v1/search/videos?search=" + "a".repeat(100 * 1024));
        assertTrue(big.status() >= 400 && big.status() < 500, big::toString);
        assertProblem(big, big.status());
        for (String query : List.of("search=lec%00ture", "search=%40%40host", "search=alice%40", "search=a%40b%40c",
                "search=http%3A%2F%2F", "sort=-trending", "sort=views%00", "start=-1", "count=0", "count=101",
                "count=ten", "durationMin=abc", "durationMax=-5", "durationMin=99999999999", "categoryOneOf=music",
                "licenceOneOf=1.5", "isLocal=maybe", "nsfw=perhaps", "startDate=yesterday", "endDate=2024-13-45",
                "originallyPublishedEndDate=x", "searchTarget=search-index", "searchTarget=everywhere",
                "tagsOneOf=a%00b", "languageOneOf=" + "x".repeat(200))) {
            assertProblem(API.get("/api/v1/search/videos?" + query, null), 400);
        }
        for (String path : List.of("/api/v1/search/video-channels", "/api/v1/search/video-playlists")) {
            for (String query : List.of("search=lec%00ture", "search=%40%40host", "sort=-views", "count=0", "start=x",
                    "searchTarget=search-index")) {
                assertProblem(API.get(path + "?" + query, null), 400);
            }
        }
    }

    private static List<String> found(String... params) {
        return foundBy(null, params);
    }

    private static List<String> foundBy(String token, String... params) {
        List<String> uuids = new ArrayList<>();
        String[] all = java.util.Arrays.copyOf(params, params.length + 2);
        all[params.length] = "count";
        all[params.length + 1] = "100";
        search("/api/v1/search/videos", token, all).path("data").forEach(video -> uuids.add(video.path("uuid").asText()));
        return uuids;
    }

    private static List<String> channels(String text) {
        List<String> names = new ArrayList<>();
        search("/api/v1/search/video-channels", null, "search", text).path("data")
                .forEach(channel -> names.add(channel.path("name").asText()));
        return names;
    }

    private static JsonNode search(String path, String token, String... params) {
        StringBuilder query = new StringBuilder(path).append('?');
        for (int i = 0; i < params.length; i += 2) {
            query.append(params[i]).append('=').append(encode(params[i + 1])).append('&');
        }
        Api.Reply reply = API.get(query.toString(), token);
        assertEquals(200, reply.status(), () -> query + " answered " + reply);
        return reply.json();
    }

    /** Over HTTP/1.1, as PeerTube's clients send it (an HTTP/2 upgrade would refuse so long a request line itself). */
    private static Api.Reply http11(String path) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(API.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode video(String uuid) {
        return API.get("/api/v1/videos/" + uuid, owner).json();
    }

    private static String host() {
        return API.baseUrl().replaceFirst("^https?://", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
