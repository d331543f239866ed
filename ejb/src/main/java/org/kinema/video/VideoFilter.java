package org.kinema.video;

import java.util.List;
import java.util.Set;

/** Which videos a list shows: built by the service from the caller's rights and the query. */
public record VideoFilter(Set<Privacy> privacies, boolean publishedOnly, Long channelId, Long accountId,
                          Long ownerUserId, List<Integer> categories, List<String> languages, Boolean nsfw,
                          Boolean localOnly) {

    public VideoFilter {
        categories = categories == null ? List.of() : List.copyOf(categories);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** What PeerTube's list parameters ask for, before visibility rules apply. */
    public record Query(List<Integer> categories, List<String> languages, Boolean nsfw, Boolean localOnly,
                        List<Integer> privacies) {
    }
}
