package org.kinema.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** A node's cluster-wide settings as the {@code node} table keeps them: {@code NAME=value} lines, sorted. */
final class ClusterSettings {

    private ClusterSettings() {
    }

    static String write(SortedMap<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((name, value) -> text.append(name).append('=').append(value.replace('\n', ' ')).append('\n'));
        return text.toString();
    }

    static SortedMap<String, String> read(String text) {
        SortedMap<String, String> settings = new TreeMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                settings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return settings;
    }

    /** One sentence per setting set otherwise on the other node, e.g. "KINEMA_X is 5 here but 6". */
    static List<String> differences(Map<String, String> here, Map<String, String> there) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(here.keySet());
        names.addAll(there.keySet());
        for (String name : names) {
            String mine = here.get(name);
            String theirs = there.get(name);
            if (!Objects.equals(mine, theirs)) {
                differences.add(name + " is " + shown(mine) + " here but " + shown(theirs));
            }
        }
        return differences;
    }

    private static String shown(String value) {
        return value == null ? "unset" : '"' + value + '"';
    }
}
