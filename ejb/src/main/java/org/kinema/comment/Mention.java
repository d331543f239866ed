package org.kinema.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An account a comment mentions: by name and host (null for this instance), and the account
 * itself when it is known here. These are the addressees of the comment's ActivityPub Note.
 */
@Embeddable
public class Mention {

    @Column(nullable = false)
    private String name;

    private String host;

    @Column(name = "account_id")
    private Long accountId;

    protected Mention() {
    }

    Mention(String name, String host, Long accountId) {
        this.name = name;
        this.host = host;
        this.accountId = accountId;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    /** The account mentioned, if it is known here. */
    public Long accountId() {
        return accountId;
    }
}
