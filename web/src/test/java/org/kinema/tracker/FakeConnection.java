package org.kinema.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** A connection that keeps what the tracker sent it. */
final class FakeConnection implements Connection {

    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> sent = new ArrayList<>();
    boolean open = true;

    @Override
    public synchronized boolean send(String text) {
        sent.add(text);
        return true;
    }

    @Override
    public synchronized void refuse(String text) {
        sent.add(text);
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    synchronized List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        for (String text : sent) {
            try {
                messages.add(JSON.readTree(text));
            } catch (Exception e) {
                throw new AssertionError(text, e);
            }
        }
        return messages;
    }

    synchronized JsonNode last() {
        List<JsonNode> messages = messages();
        return messages.get(messages.size() - 1);
    }

    synchronized List<JsonNode> offers() {
        return messages().stream().filter(m -> m.has("offer")).toList();
    }

    synchronized void clear() {
        sent.clear();
    }
}
