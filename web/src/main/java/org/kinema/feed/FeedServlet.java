package org.kinema.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kinema.account.Account;
import org.kinema.account.AccountService;
import org.kinema.account.Caller;
import org.kinema.api.platform.Paging;
import org.kinema.api.platform.ProblemMapper;
import org.kinema.channel.ChannelService;
import org.kinema.channel.VideoChannel;
import org.kinema.comment.CommentOnVideo;
import org.kinema.comment.CommentService;
import org.kinema.follow.SubscriptionService;
import org.kinema.instance.InstanceService;
import org.kinema.platform.DomainException;
import org.kinema.platform.KinemaSettings;
import org.kinema.platform.Page;
import org.kinema.platform.PageResult;
import org.kinema.user.UserService;
import org.kinema.video.FileKind;
import org.kinema.video.Video;
import org.kinema.video.VideoFile;
import org.kinema.video.VideoFilter;
import org.kinema.video.VideoService;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PeerTube's feeds, 20 entries each, cached by readers for 15 minutes:
 * {@code /feeds/videos.{format}}, the newest public videos of the instance, of an account
 * ({@code accountId} or {@code accountName}) or of a channel ({@code videoChannelId} or
 * {@code videoChannelName}); {@code /feeds/video-comments.{format}}, the newest comments anyone may
 * read, of one video ({@code videoId}) or of those public videos; {@code /feeds/subscriptions.{format}},
 * the newest videos of an account's subscriptions, opened by the account's feed {@code token}.
 */
@WebServlet("/feeds/*")
public class FeedServlet extends HttpServlet {

    static final int ENTRIES = 20;
    private static final Pattern FEED = Pattern.compile("/(videos|video-comments|subscriptions)\\.([A-Za-z0-9]{1,8})");

    @Inject
    private VideoService videos;

    @Inject
    private ChannelService channels;

    @Inject
    private AccountService accounts;

    @Inject
    private InstanceService instance;

    @Inject
    private UserService users;

    @Inject
    private SubscriptionService subscriptions;

    @Inject
    private CommentService comments;

    @Inject
    private KinemaSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            Matcher feed = FEED.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
            if (!feed.matches()) {
                throw DomainException.notFound("No such feed: " + path);
            }
            FeedFormat format = FeedFormat.of(feed.group(2));
            String selfUrl = settings.publicUrl() + path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            Feed built = switch (feed.group(1)) {
                case "videos" -> videoFeed(request, selfUrl);
                case "subscriptions" -> subscriptionFeed(request, selfUrl);
                default -> commentFeed(request, selfUrl);
            };
            response.setStatus(200);
            response.setContentType(format.contentType);
            response.setHeader("Cache-Control", "public, max-age=900");
            response.setHeader("Access-Control-Allow-Origin", "*");
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            FeedWriter.write(built, format, out);
            out.flush();
        } catch (RuntimeException e) {
            ProblemMapper.problemFor(e, path).writeTo(response, true);
        }
    }

    private Feed videoFeed(HttpServletRequest request, String selfUrl) {
        Page page = Paging.page("0", String.valueOf(ENTRIES), sortOf(request));
        VideoChannel channel = channel(request);
        Account account = account(request);
        if (channel != null && account != null) {
            throw DomainException.invalid("A feed is of an account or of a channel, not both");
        }
        if (channel != null) {
            return feed(channel.displayName(), channel.actor().url(), selfUrl, channel.description(),
                    videos.listOfChannel(channel.name(), page));
        }
        if (account != null) {
            return feed(account.displayName(), account.actor().url(), selfUrl, account.description(),
                    videos.listOfAccount(account.name(), page));
        }
        VideoFilter.Query query = new VideoFilter.Query(List.of(), List.of(), nsfw(request.getParameter("nsfw")),
                Paging.bool("isLocal", request.getParameter("isLocal")), List.of());
        return feed(instance.settings().name(), settings.publicUrl(), selfUrl, instance.settings().shortDescription(),
                videos.list(null, query, page));
    }

    private Feed subscriptionFeed(HttpServletRequest request, String selfUrl) {
        String accountId = request.getParameter("accountId");
        if (accountId == null || accountId.isBlank()) {
            throw DomainException.invalid("A subscription feed needs accountId and token");
        }
        Account account = accounts.get(Paging.id(accountId));
        Caller reader = users.feedReader(account.id(), request.getParameter("token"));
        Page page = Paging.page("0", String.valueOf(ENTRIES), sortOf(request));
        return feed("Videos of " + account.displayName() + "'s subscriptions", settings.publicUrl() + "/videos/subscriptions",
                selfUrl, "", subscriptions.videos(reader, page));
    }

    private Feed commentFeed(HttpServletRequest request, String selfUrl) {
        String videoId = request.getParameter("videoId");
        VideoChannel channel = channel(request);
        Account account = account(request);
        if (videoId != null && !videoId.isBlank() && (channel != null || account != null)) {
            throw DomainException.invalid("A comment feed is of a video, or of an account's or a channel's videos, not both");
        }
        List<FeedItem> items = comments.newestPublic(videoId == null || videoId.isBlank() ? null : videoId,
                        account == null ? null : account.id(), channel == null ? null : channel.id(), ENTRIES)
                .stream().map(this::item).toList();
        return new Feed(instance.settings().name() + " – comments", settings.publicUrl(), selfUrl,
                "The newest comments of " + instance.settings().name(), items);
    }

    private FeedItem item(CommentOnVideo entry) {
        String base = settings.publicUrl();
        String author = entry.comment().account() == null ? "" : entry.comment().account().displayName();
        String authorUrl = entry.comment().account() == null ? null : entry.comment().account().actor().url();
        return new FeedItem(entry.comment().url(), base + "/w/" + entry.video().shortUuid() + ";threadId="
                + entry.comment().threadId(), entry.video().name() + " – " + author, entry.comment().markdown(),
                entry.comment().createdAt(), author, authorUrl, null);
    }

    private Feed feed(String title, String link, String selfUrl, String description, PageResult<Video> page) {
        Map<Long, VideoFile> downloads = videos.files(page.items()).stream().filter(file -> file.kind() == FileKind.WEB)
                .collect(Collectors.toMap(file -> file.video().id(), Function.identity(), (first, other) -> first));
        List<FeedItem> items = page.items().stream().map(video -> item(video, downloads.get(video.id()))).toList();
        return new Feed(title, link, selfUrl, description == null ? "" : description, items);
    }

    private FeedItem item(Video video, VideoFile download) {
        String base = settings.publicUrl();
        FeedItem.Media media = new FeedItem.Media(
                download == null ? null : base + "/static/web-videos/" + download.filename(), "video/mp4",
                download == null ? 0 : download.size(), download == null ? 0 : download.width(),
                download == null ? 0 : download.height(), video.duration(),
                base + "/lazy-static/thumbnails/" + video.uuid() + ".jpg", base + "/videos/embed/" + video.uuid(),
                video.views());
        return new FeedItem(base + "/videos/watch/" + video.uuid(), base + "/w/" + video.shortUuid(), video.name(),
                video.description(), video.publishedAt() == null ? video.createdAt() : video.publishedAt(),
                video.channel().displayName(), video.channel().actor().url(), media);
    }

    private VideoChannel channel(HttpServletRequest request) {
        String id = request.getParameter("videoChannelId");
        String name = request.getParameter("videoChannelName");
        if (id != null && !id.isBlank()) {
            return channels.get(Paging.id(id));
        }
        return name == null || name.isBlank() ? null : channels.get(name);
    }

    private Account account(HttpServletRequest request) {
        String id = request.getParameter("accountId");
        String name = request.getParameter("accountName");
        if (id != null && !id.isBlank()) {
            return accounts.get(Paging.id(id));
        }
        return name == null || name.isBlank() ? null : accounts.get(name);
    }

    private static String sortOf(HttpServletRequest request) {
        String sort = request.getParameter("sort");
        return sort == null || sort.isBlank() ? "-publishedAt" : sort;
    }

    private static Boolean nsfw(String value) {
        return value == null || value.isBlank() || value.equals("both") ? null : Paging.bool("nsfw", value);
    }
}
