package org.kinema.transcoding;

import org.junit.jupiter.api.Test;
import org.kinema.media.Part;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartClaimTest {

    @Test
    void aPartJobReadsBackTheClaimItWasStartedWith() {
        PartClaim claim = new PartClaim(42, "a".repeat(32), "b".repeat(32), new Part(3, 360, 120, true));
        assertEquals(claim, PartClaim.of(claim.jobParameters()));
        assertEquals("b".repeat(32), claim.jobParameters().getProperty(TranscodeScheduler.LEASE_ID),
                "found by its own lease id when its node dies");
    }
}
