package org.kinema.search;

import org.kinema.platform.DomainException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A video search with PeerTube's filters: one of the tags, all of the tags, one of the categories,
 * licences or languages ({@code _unknown} for none), NSFW or not, local or not, a duration range
 * in seconds, a range of publication dates and one of original publication dates (which Kinema does
 * not keep: like PeerTube with videos that have none, that range finds nothing). Null or empty
 * means no filter.
 */
public record VideoSearch(SearchText text, List<String> tagsOneOf, List<String> tagsAllOf, List<Integer> categories,
                          List<Integer> licences, List<String> languages, Boolean nsfw, Boolean local,
                          Integer durationMin, Integer durationMax, OffsetDateTime startDate, OffsetDateTime endDate,
                          OffsetDateTime originallyPublishedStartDate, OffsetDateTime originallyPublishedEndDate,
                          SearchOrder order) {

    /** A language filter value for videos whose language is not set. */
    public static final String UNKNOWN_LANGUAGE = "_unknown";
    public static final int MAX_VALUES = 20;

    public VideoSearch {
        text = text == null ? SearchText.NONE : text;
        tagsOneOf = lowerCase(limited("tagsOneOf", tagsOneOf));
        tagsAllOf = lowerCase(limited("tagsAllOf", tagsAllOf));
        categories = limited("categoryOneOf", categories);
        licences = limited("licenceOneOf", licences);
        languages = limited("languageOneOf", languages);
        notNegative("durationMin", durationMin);
        notNegative("durationMax", durationMax);
        order = order == null ? SearchOrder.ofVideos(null) : order;
    }

    private static <T> List<T> limited(String name, List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            throw DomainException.invalid(name + " takes at most " + MAX_VALUES + " values");
        }
        return List.copyOf(values);
    }

    private static List<String> lowerCase(List<String> tags) {
        return tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static void notNegative(String name, Integer value) {
        if (value != null && value < 0) {
            throw DomainException.invalid(name + " must be 0 or more");
        }
    }
}
