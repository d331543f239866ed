package org.kinema.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClusterSettingsTest {

    @Test
    void settingsSurviveTheirRowAndDifferencesAreNamed() {
        SortedMap<String, String> here = new TreeMap<>();
        here.put("KINEMA_RATE_LIMIT_API", "50/10");
        here.put("KINEMA_RATE_LIMIT_EXEMPT", "10.0.0.0/8, ::1");
        here.put("KINEMA_TRACKER_INTERVAL", "120");
        assertEquals(here, ClusterSettings.read(ClusterSettings.write(here)));

        SortedMap<String, String> there = new TreeMap<>(here);
        there.put("KINEMA_RATE_LIMIT_API", "0");
        there.remove("KINEMA_TRACKER_INTERVAL");
        there.put("KINEMA_BEHIND_PROXY", "true");
        assertEquals(List.of("KINEMA_BEHIND_PROXY is unset here but \"true\"",
                        "KINEMA_RATE_LIMIT_API is \"50/10\" here but \"0\"",
                        "KINEMA_TRACKER_INTERVAL is \"120\" here but unset"),
                ClusterSettings.differences(here, there));
        assertEquals(List.of(), ClusterSettings.differences(here, ClusterSettings.read(ClusterSettings.write(here))));
    }
}
