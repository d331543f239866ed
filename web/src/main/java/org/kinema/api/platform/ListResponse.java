package org.kinema.api.platform;

import org.kinema.platform.PageResult;

import java.util.List;
import java.util.function.Function;

/** PeerTube's list envelope: {@code {"total": n, "data": [...]}}. */
public record ListResponse<T>(long total, List<T> data) {

    public static <E, T> ListResponse<T> of(PageResult<E> page, Function<? super E, ? extends T> view) {
        return new ListResponse<>(page.total(), page.items().stream().<T>map(view).toList());
    }
}
