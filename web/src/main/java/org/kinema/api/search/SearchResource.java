package org.kinema.api.search;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.kinema.activitypub.RemoteFetcher;
import org.kinema.activitypub.RemoteObjects;
import org.kinema.api.actor.ChannelJson;
import org.kinema.api.platform.CurrentUser;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoViews;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.search.SearchOrder;
import org.kinema.search.SearchService;
import org.kinema.search.SearchText;
import org.kinema.search.VideoSearch;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** {@code /search/videos}, {@code /search/video-channels} and {@code /search/video-playlists}, as PeerTube takes them. */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final Logger LOG = Logger.getLogger(SearchResource.class.getName());

    @Inject
    private SearchService search;

    @Inject
    private VideoViews videoViews;

    @Inject
    private KinemaSettings settings;

    @Inject
    private Instance<PlaylistSearch> playlists;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private RemoteObjects remote;

    @Context
    private UriInfo uri;

    @GET
    @Path("videos")
    public ListResponse<Map<String, Object>> videos(@QueryParam("search") String text, @QueryParam("start") String start,
                                                    @QueryParam("count") String count, @QueryParam("sort") String sort,
                                                    @QueryParam("searchTarget") String searchTarget,
                                                    @QueryParam("nsfw") String nsfw, @QueryParam("isLocal") String isLocal,
                                                    @QueryParam("durationMin") String durationMin,
                                                    @QueryParam("durationMax") String durationMax,
                                                    @QueryParam("startDate") String startDate,
                                                    @QueryParam("endDate") String endDate,
                                                    @QueryParam("originallyPublishedStartDate") String originallyFrom,
                                                    @QueryParam("originallyPublishedEndDate") String originallyTo) {
        SearchParams.localTarget(searchTarget);
        var query = uri.getQueryParameters();
        SearchText searched = fetched(SearchText.parse(text, settings.host()), true);
        VideoSearch videoSearch = new VideoSearch(searched, SearchParams.strings(query, "tagsOneOf"),
                SearchParams.strings(query, "tagsAllOf"), SearchParams.integers(query, "categoryOneOf"),
                SearchParams.integers(query, "licenceOneOf"), SearchParams.strings(query, "languageOneOf"),
                SearchParams.nsfw(nsfw), Paging.bool("isLocal", isLocal), Paging.integer("durationMin", durationMin),
                Paging.integer("durationMax", durationMax), SearchParams.date("startDate", startDate),
                SearchParams.date("endDate", endDate), SearchParams.date("originallyPublishedStartDate", originallyFrom),
                SearchParams.date("originallyPublishedEndDate", originallyTo), SearchOrder.ofVideos(sort));
        return videoViews.page(search.videos(videoSearch, page(start, count)));
    }

    @GET
    @Path("video-channels")
    public ListResponse<ChannelJson> channels(@QueryParam("search") String text, @QueryParam("start") String start,
                                              @QueryParam("count") String count, @QueryParam("sort") String sort,
                                              @QueryParam("searchTarget") String searchTarget) {
        SearchParams.localTarget(searchTarget);
        SearchText searched = fetched(SearchText.parse(text, settings.host()), false);
        SearchOrder order = SearchOrder.ofChannels(sort);
        String host = settings.host();
        return ListResponse.of(search.channels(searched, order, page(start, count)), channel -> ChannelJson.of(channel, host));
    }

    /** Playlists, through the feature that keeps them (see {@link PlaylistSearch}). */
    @GET
    @Path("video-playlists")
    public ListResponse<?> playlists(@QueryParam("search") String text, @QueryParam("start") String start,
                                     @QueryParam("count") String count, @QueryParam("sort") String sort,
                                     @QueryParam("searchTarget") String searchTarget) {
        SearchParams.localTarget(searchTarget);
        SearchText searched = SearchText.parse(text, settings.host());
        SearchOrder order = SearchOrder.ofPlaylists(sort);
        Page page = page(start, count);
        return playlists.isResolvable() ? playlists.get().search(searched, order, page) : new ListResponse<>(0, List.of());
    }

    /**
     * As PeerTube does by default ({@code search.remoteUri}: users yes, anonymous no), a logged-in
     * user's search for a video's or channel's URL, or a channel's handle, of another instance first
     * fetches that object from there and keeps it, so that the search finds it; what cannot be
     * fetched is simply not found. Anonymous searches find only what this instance already keeps.
     */
    private SearchText fetched(SearchText text, boolean forVideos) {
        if (!text.isRemote() || currentUser.caller().isEmpty()) {
            return text;
        }
        try {
            if (text.remoteUrl() != null) {
                return text.withRemoteUrl(forVideos ? remote.video(text.remoteUrl()) : remote.channelAt(text.remoteUrl()));
            }
            if (!forVideos) {
                remote.channel(text.remoteHandle().name(), text.remoteHandle().host());
            }
        } catch (RemoteFetcher.Refused | DomainException e) {
            // unreachable, not a video or channel, or not to be kept here (a UUID this instance has already):
            // the search finds nothing there, as PeerTube's does
            LOG.fine(() -> "A search for " + text + " found nothing there: " + e.getMessage());
        }
        return text;
    }

    private static Page page(String start, String count) {
        return Paging.page(start, count, null);
    }
}
