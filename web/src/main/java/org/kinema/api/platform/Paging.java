package org.kinema.api.platform;

import org.kinema.platform.DomainException;
import org.kinema.platform.Page;

/**
 * PeerTube's {@code start}, {@code count} and {@code sort} query parameters, taken as text so
 * that a malformed number is a 400 naming the parameter rather than a bare 404.
 */
public final class Paging {

    private Paging() {
    }

    public static Page page(String start, String count, String sort) {
        return Page.of(integer("start", start), integer("count", count), sort);
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name + " must be an integer");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw DomainException.invalid(name + " must be true or false");
        };
    }

    public static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("Incorrect id: " + value);
        }
    }
}
