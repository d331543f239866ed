package org.kinema.api.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.kinema.account.AccountService;
import org.kinema.api.actor.AccountJson;
import org.kinema.api.actor.ChannelJson;
import org.kinema.api.platform.ListResponse;
import org.kinema.api.platform.Paging;
import org.kinema.api.video.VideoViews;
import org.kinema.channel.ChannelService;
import org.kinema.platform.KinemaSettings;
import org.kinema.video.VideoService;

import java.util.Map;

/** {@code /accounts/{name}} and its channels. */
@Path("accounts/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    private AccountService accounts;

    @Inject
    private ChannelService channels;

    @Inject
    private KinemaSettings settings;

    @Inject
    private VideoService videos;

    @Inject
    private VideoViews videoViews;

    @GET
    public AccountJson get(@PathParam("name") String name) {
        return AccountJson.of(accounts.get(name), settings.host());
    }

    @GET
    @Path("videos")
    public ListResponse<Map<String, Object>> videos(@PathParam("name") String name, @QueryParam("start") String start,
                                                    @QueryParam("count") String count, @QueryParam("sort") String sort) {
        return videoViews.page(videos.listOfAccount(name, Paging.page(start, count, sort)));
    }

    @GET
    @Path("video-channels")
    public ListResponse<ChannelJson> channels(@PathParam("name") String name, @QueryParam("start") String start,
                                              @QueryParam("count") String count, @QueryParam("sort") String sort) {
        String host = settings.host();
        return ListResponse.of(channels.listOfAccount(name, Paging.page(start, count, sort)),
                channel -> ChannelJson.of(channel, host));
    }
}
