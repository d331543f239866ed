package org.kinema.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many views an incoming View stands for. */
class ViewCountTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static int views(String activity) throws Exception {
        JsonNode node = JSON.readTree(activity);
        return ActivityHandler.viewsIn(node);
    }

    @Test
    void aViewAsPeerTubeSendsItIsOneView() throws Exception {
        assertEquals(1, views("{\"type\":\"View\",\"id\":\"https://a.example/v/1\",\"object\":\"https://b.example/videos/watch/x\"}"));
    }

    @Test
    void aBulkViewAddsTheNumberItCarries() throws Exception {
        assertEquals(4321, views("{\"type\":\"View\",\"views\":4321}"));
    }

    @Test
    void aNumberThatIsNotAPositiveWholeNumberCountsOnce() throws Exception {
        assertEquals(1, views("{\"type\":\"View\",\"views\":-5}"));
        assertEquals(1, views("{\"type\":\"View\",\"views\":0}"));
        assertEquals(1, views("{\"type\":\"View\",\"views\":\"many\"}"));
        assertEquals(1, views("{\"type\":\"View\",\"views\":2.5}"));
        assertEquals(1, views("{\"type\":\"View\",\"views\":null}"));
        assertEquals(1, views("{\"type\":\"View\",\"views\":1e30}"));
    }

    @Test
    void oneActivityAddsAtMostTheCap() throws Exception {
        assertEquals(ActivityHandler.MOST_VIEWS_PER_ACTIVITY, views("{\"type\":\"View\",\"views\":99999999999999}"));
    }
}
