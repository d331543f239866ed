package org.kinema.activitypub;

import java.util.List;

/** NodeInfo 2.0: what software this is and how much it holds. */
public record NodeInfoJson(String version, Software software, List<String> protocols, Services services,
                           boolean openRegistrations, Usage usage, Metadata metadata) {

    public record Software(String name, String version) {
    }

    public record Services(List<String> inbound, List<String> outbound) {
    }

    public record Usage(Users users, long localPosts) {
    }

    public record Users(long total) {
    }

    public record Metadata(Taxonomy taxonomy, String nodeName, String nodeDescription) {
    }

    public record Taxonomy(String postsName) {
    }

    /** The links of {@code /.well-known/nodeinfo}. */
    public record Links(List<Link> links) {
    }

    public record Link(String rel, String href) {
    }
}
