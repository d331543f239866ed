package org.kinema.activitypub;

import org.junit.jupiter.api.Test;
import org.kinema.api.platform.JsonMapper;
import org.kinema.federation.HttpSignature;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The inbox reads what a real PeerTube delivers: its signature header and its activities. */
class CapturedDeliveriesTest {

    @Test
    void peerTubesSignatureHeaderNamesTheActorAndTheHeadersAnInboxRequires() throws Exception {
        String header = ReferenceSamples.lineAfter("Signed delivery", "signature: ").substring("signature: ".length());
        HttpSignature.Parsed signature = HttpSignature.parse(header);
        assertEquals("http://localhost:9001/accounts/root", signature.keyId());
        assertEquals(List.of("(request-target)", "host", "date", "digest"), signature.headers());
        assertEquals("rsa-sha256", signature.algorithm());
    }

    @Test
    void theCapturedFollowUndoAndAcceptReadAsActivitiesOfTheirActors() throws Exception {
        List<String> bodies = ReferenceSamples.linesStartingWith("Server follow exchange", "{\"@context\"");
        assertEquals(3, bodies.size());
        IncomingActivity undo = JsonMapper.mapper().readValue(bodies.get(0), IncomingActivity.class);
        IncomingActivity follow = JsonMapper.mapper().readValue(bodies.get(1), IncomingActivity.class);
        IncomingActivity accept = JsonMapper.mapper().readValue(bodies.get(2), IncomingActivity.class);
        assertEquals("Undo", undo.type());
        assertEquals("Follow", follow.type());
        assertEquals("http://localhost:9002/accounts/peertube/follows/4", follow.id());
        assertEquals("http://localhost:9002/accounts/peertube", follow.actorUrl());
        assertEquals("Accept", accept.type());
        assertEquals("http://localhost:9001/accounts/peertube", accept.actorUrl());
    }

    @Test
    void theCapturedAnnounceNamesTheChannelAsItsActor() throws Exception {
        IncomingActivity announce = JsonMapper.mapper().readValue(ReferenceSamples.jsonAfter("What a server-follower receives"),
                IncomingActivity.class);
        assertEquals("Announce", announce.type());
        assertEquals("http://localhost:9001/video-channels/root_channel", announce.actorUrl());
    }
}
