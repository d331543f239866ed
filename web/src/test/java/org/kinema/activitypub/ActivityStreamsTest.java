package org.kinema.activitypub;

import org.junit.jupiter.api.Test;
import org.kinema.federation.PublicAddresses;

import java.net.InetAddress;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityStreamsTest {

    @Test
    void activityJsonAndTheLdProfileAskForActivityPub() {
        assertTrue(ActivityStreams.wanted("application/activity+json"));
        assertTrue(ActivityStreams.wanted("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        assertTrue(ActivityStreams.wanted("application/activity+json, application/ld+json"));
    }

    @Test
    void browsersGetThePage() {
        assertFalse(ActivityStreams.wanted("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertFalse(ActivityStreams.wanted((String) null));
        assertFalse(ActivityStreams.wanted("*/*"));
        assertFalse(ActivityStreams.wanted("text/html, application/activity+json"));
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedForFetches() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.1.1", "::1",
                "fd00::1", "100.64.0.1", "0.0.0.0"}) {
            assertTrue(PublicAddresses.isPrivate(InetAddress.getByName(address)), address);
        }
        assertFalse(PublicAddresses.isPrivate(InetAddress.getByName("93.184.216.34")));
    }

    @Test
    void aFetchedDocumentsIdMustBeOnTheHostItCameFrom() {
        URI fetched = URI.create("https://peertube.example/accounts/root");
        assertTrue(RemoteFetcher.sameHost(fetched, "https://peertube.example/accounts/root"));
        assertFalse(RemoteFetcher.sameHost(fetched, "https://evil.example/accounts/root"));
        assertFalse(RemoteFetcher.sameHost(fetched, "https://peertube.example:8443/accounts/root"));
    }
}
