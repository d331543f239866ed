package org.kinema.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A statement put together from constant fragments, with the values bound to its placeholders. */
final class Sql {

    private final StringBuilder text;
    private final List<Object> values = new ArrayList<>();

    Sql(String start) {
        text = new StringBuilder(start);
    }

    Sql add(String fragment, Object... fragmentValues) {
        text.append(fragment);
        values.addAll(List.of(fragmentValues));
        return this;
    }

    /** Adds a fragment with one placeholder when its value is given. */
    Sql addIf(Object value, String fragment) {
        return value == null ? this : add(fragment, value);
    }

    Sql add(Sql other) {
        text.append(other.text);
        values.addAll(other.values);
        return this;
    }

    PreparedStatement prepare(Connection db, String tail, Object... tailValues) throws SQLException {
        PreparedStatement statement = db.prepareStatement(text + tail);
        int index = 1;
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        for (Object value : tailValues) {
            statement.setObject(index++, value);
        }
        return statement;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
