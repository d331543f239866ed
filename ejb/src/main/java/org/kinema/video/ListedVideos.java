package org.kinema.video;

import jakarta.persistence.Query;
import org.kinema.account.Caller;

/**
 * {@link VideoAccess#isListedTo} as a JPQL condition, for the lists of other features (ratings,
 * playlists, history) that show videos: the viewer's own videos (by their account), and others'
 * published videos of the privacies the rule allows. Administrators and moderators see all.
 */
public record ListedVideos(Caller viewer, Long viewerAccountId, boolean heldByViewer) {

    /** The condition on the video aliased {@code video}. */
    public String condition(String video) {
        if (managesAll()) {
            return "1 = 1";
        }
        String others = "(" + video + ".state = " + VideoState.PUBLISHED.id() + " AND " + video + ".privacy IN :listedPrivacies)";
        return viewerAccountId == null ? others : "(" + video + ".channel.account.id = :listedViewer OR " + others + ")";
    }

    /** Gives the condition's parameters to a query that holds it. */
    public <Q extends Query> Q bind(Q query) {
        if (!managesAll()) {
            query.setParameter("listedPrivacies", VideoAccess.listedPrivacies(viewer, heldByViewer).stream().map(Privacy::id).toList());
            if (viewerAccountId != null) {
                query.setParameter("listedViewer", viewerAccountId);
            }
        }
        return query;
    }

    private boolean managesAll() {
        return viewer != null && (viewer.isAdministrator() || viewer.canManageUsers());
    }
}
