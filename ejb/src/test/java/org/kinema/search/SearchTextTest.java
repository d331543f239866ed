package org.kinema.search;

import org.junit.jupiter.api.Test;
import org.kinema.platform.DomainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTextTest {

    private static final String HOST = "video.example:9000";

    @Test
    void wordsAreSearchedAsTyped() {
        SearchText text = SearchText.parse("  Hydrology lecture ", HOST);
        assertEquals("Hydrology lecture", text.words());
        assertNull(text.actorName());
    }

    @Test
    void noSearchFindsEverything() {
        assertTrue(SearchText.parse(null, HOST).isEmpty());
        assertTrue(SearchText.parse("   ", HOST).isEmpty());
    }

    @Test
    void handleOfThisInstanceNamesTheLocalActor() {
        assertEquals("alice", SearchText.parse("alice@Video.Example:9000", HOST).actorName());
        assertEquals("alice_channel", SearchText.parse("@Alice_Channel@video.example:9000", HOST).actorName());
        assertEquals("alice", SearchText.parse("@alice", HOST).actorName());
    }

    @Test
    void handleOfAnotherInstanceNamesARemoteActor() {
        SearchText remote = SearchText.parse("bob@PeerTube.example", HOST);
        assertEquals(new SearchText.RemoteHandle("bob", "peertube.example"), remote.remoteHandle());
        assertTrue(remote.isRemote());
        assertEquals(new SearchText.RemoteHandle("bob_channel", "video.example:9001"),
                SearchText.parse("@bob_channel@video.example:9001", HOST).remoteHandle());
        assertEquals(null, remote.actorName());
    }

    @Test
    void malformedHandlesAreRefused() {
        for (String handle : new String[] {"@@host", "alice@", "@alice@", "a@b@c", "@a@b@c", "bob@ho/st", "@"}) {
            assertThrows(DomainException.class, () -> SearchText.parse(handle, HOST), handle);
        }
    }

    @Test
    void wordsAroundAnAtSignAreWords() {
        assertEquals("meet me @ noon", SearchText.parse("meet me @ noon", HOST).words());
    }

    @Test
    void urlOfThisInstanceNamesTheLocalObject() {
        assertEquals("abc-123", SearchText.parse("http://video.example:9000/videos/watch/abc-123", HOST).videoId());
        assertEquals("kY4E1Uu3", SearchText.parse("https://VIDEO.example:9000/w/kY4E1Uu3", HOST).videoId());
        assertEquals("lectures", SearchText.parse("http://video.example:9000/c/Lectures/videos", HOST).actorName());
        assertEquals("alice", SearchText.parse("http://video.example:9000/accounts/alice", HOST).actorName());
        assertTrue(SearchText.parse("http://video.example:9000/about", HOST).nothing());
    }

    @Test
    void urlOfAnotherInstanceNamesARemoteObject() {
        assertEquals("https://peertube.example/w/kY4E1Uu3", SearchText.parse("https://peertube.example/w/kY4E1Uu3", HOST).remoteUrl());
        assertEquals("http://video.example/w/kY4E1Uu3", SearchText.parse("http://video.example/w/kY4E1Uu3", HOST).remoteUrl(),
                "the same host on another port is another instance");
        assertEquals(null, SearchText.parse("https://peertube.example/w/kY4E1Uu3", HOST).videoId());
    }

    @Test
    void malformedUrlIsRefused() {
        assertThrows(DomainException.class, () -> SearchText.parse("http://", HOST));
        assertThrows(DomainException.class, () -> SearchText.parse("http://[bad/", HOST));
        assertThrows(DomainException.class, () -> SearchText.parse("http://under_score.example/", HOST));
    }

    @Test
    void overlongSearchIsRefused() {
        assertThrows(DomainException.class, () -> SearchText.parse("a".repeat(SearchText.MAX_LENGTH + 1), HOST));
        assertEquals(SearchText.MAX_LENGTH, SearchText.parse("a".repeat(SearchText.MAX_LENGTH), HOST).words().length());
    }

    @Test
    void controlCharactersAreRefused() {
        assertThrows(DomainException.class, () -> SearchText.parse("lecture\u0000", HOST));
        assertThrows(DomainException.class, () -> SearchText.parse("lec\nture", HOST));
    }
}
