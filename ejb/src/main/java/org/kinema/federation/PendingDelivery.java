package org.kinema.federation;

/** A delivery due now, with what signs it: its signer's actor URL (the key id, as PeerTube names keys) and private key. */
public record PendingDelivery(long id, String host, String inboxUrl, String body, int attempts, String signerUrl,
                              String signerPrivateKey) {
}
