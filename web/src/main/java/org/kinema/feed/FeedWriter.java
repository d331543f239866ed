package org.kinema.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.PlayerReference;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.kinema.api.platform.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Writes a {@link Feed} as RSS 2.0 with Media RSS or Atom 1.0 (through ROME), or as JSON Feed 1. */
final class FeedWriter {

    private FeedWriter() {
    }

    static void write(Feed feed, FeedFormat format, Writer out) throws IOException {
        if (format == FeedFormat.JSON) {
            JsonMapper.mapper().writeValue(out, JsonFeed.of(feed));
            return;
        }
        try {
            new SyndFeedOutput().output(syndFeed(feed, format), out);
        } catch (FeedException e) {
            throw new IOException("Cannot write the feed", e);
        }
    }

    private static SyndFeed syndFeed(Feed feed, FeedFormat format) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(format.romeType);
        syndFeed.setTitle(feed.title());
        syndFeed.setLink(feed.link());
        syndFeed.setUri(feed.selfUrl());
        syndFeed.setDescription(feed.description());
        syndFeed.setGenerator("Kinema");
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(feed.selfUrl());
        syndFeed.setLinks(new ArrayList<>(List.of(self)));
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            entries.add(entry(item));
        }
        syndFeed.setEntries(entries);
        if (!feed.items().isEmpty()) {
            syndFeed.setPublishedDate(Date.from(feed.items().get(0).published().toInstant()));
        }
        return syndFeed;
    }

    private static SyndEntry entry(FeedItem item) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(item.title());
        entry.setLink(item.link());
        entry.setUri(item.id());
        entry.setPublishedDate(Date.from(item.published().toInstant()));
        entry.setUpdatedDate(Date.from(item.published().toInstant()));
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(item.text() == null ? "" : item.text());
        entry.setDescription(description);
        SyndPersonImpl author = new SyndPersonImpl();
        author.setName(item.authorName());
        author.setUri(item.authorUrl());
        entry.setAuthors(new ArrayList<>(List.of(author)));
        entry.setAuthor(item.authorName());
        if (item.media() != null) {
            entry.getModules().add(media(item));
        }
        return entry;
    }

    private static MediaEntryModuleImpl media(FeedItem item) {
        FeedItem.Media media = item.media();
        MediaEntryModuleImpl module = new MediaEntryModuleImpl();
        List<MediaContent> contents = new ArrayList<>();
        if (media.fileUrl() != null) {
            MediaContent content = new MediaContent(new UrlReference(URI.create(media.fileUrl())));
            content.setType(media.mimeType());
            content.setMedium("video");
            content.setFileSize(media.size());
            content.setHeight(media.height());
            content.setWidth(media.width());
            content.setDuration((long) media.duration());
            contents.add(content);
        }
        module.setMediaContents(contents.toArray(MediaContent[]::new));
        Metadata metadata = new Metadata();
        metadata.setTitle(item.title());
        if (media.thumbnailUrl() != null) {
            metadata.setThumbnail(new Thumbnail[] {new Thumbnail(URI.create(media.thumbnailUrl()))});
        }
        module.setMetadata(metadata);
        module.setPlayer(new PlayerReference(URI.create(media.embedUrl())));
        return module;
    }

    /** JSON Feed, version 1. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description, List<Item> items) {

        static JsonFeed of(Feed feed) {
            return new JsonFeed("https://jsonfeed.org/version/1", feed.title(), feed.link(), feed.selfUrl(),
                    feed.description(), feed.items().stream().map(Item::of).toList());
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Item(String id, String url, String title, @JsonProperty("content_text") String contentText,
                    @JsonProperty("date_published") String datePublished, Author author, String image,
                    List<Attachment> attachments) {

            static Item of(FeedItem item) {
                FeedItem.Media media = item.media();
                List<Attachment> attachments = media == null || media.fileUrl() == null ? null
                        : List.of(new Attachment(media.fileUrl(), media.mimeType(), media.size(), media.duration()));
                return new Item(item.id(), item.link(), item.title(), item.text() == null ? "" : item.text(),
                        item.published().toInstant().toString(), new Author(item.authorName(), item.authorUrl()),
                        media == null ? null : media.thumbnailUrl(), attachments);
            }
        }

        record Author(String name, String url) {
        }

        record Attachment(String url, @JsonProperty("mime_type") String mimeType,
                          @JsonProperty("size_in_bytes") long sizeInBytes,
                          @JsonProperty("duration_in_seconds") int durationInSeconds) {
        }
    }
}
