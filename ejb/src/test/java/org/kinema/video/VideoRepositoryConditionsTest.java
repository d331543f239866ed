package org.kinema.video;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VideoRepositoryConditionsTest {

    @Test
    void listedVideosAreChosenByConstantsThatMatchThePartialIndexes() {
        VideoRepository.Conditions where = VideoRepository.Conditions.of(
                new VideoFilter(EnumSet.of(Privacy.PUBLIC), true, null, null, null, null, null, null, null));
        assertEquals(" WHERE v.privacy IN (1) AND v.state = 1", where.jpql());
        assertEquals(Map.of(), where.parameters());
    }

    @Test
    void anOwnersListHasNoPrivacyOrStateClauseAndFindsTheAccountByItsUser() {
        VideoRepository.Conditions where = VideoRepository.Conditions.of(
                new VideoFilter(EnumSet.allOf(Privacy.class), false, null, null, 7L, null, null, null, null));
        assertEquals(" WHERE v.accountId = (SELECT a.id FROM Account a WHERE a.userId = :owner)", where.jpql());
        assertEquals(Map.of("owner", 7L), where.parameters());
    }

    @Test
    void askedForFiltersAreParametersAfterTheConstants() {
        VideoRepository.Conditions where = VideoRepository.Conditions.of(new VideoFilter(
                EnumSet.of(Privacy.PUBLIC, Privacy.INTERNAL), true, 3L, null, null, List.of(2), List.of("fr"), false, true));
        assertEquals(" WHERE v.privacy IN (1, 4) AND v.state = 1 AND v.channel.id = :channel AND v.category IN :categories"
                + " AND v.language IN :languages AND v.nsfw = :nsfw AND v.channel.actor.host IS NULL", where.jpql());
        assertEquals(Map.of("channel", 3L, "categories", List.of(2), "languages", List.of("fr"), "nsfw", false),
                where.parameters());
    }
}
