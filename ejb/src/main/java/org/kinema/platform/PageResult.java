package org.kinema.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the total number of items in the whole list. */
public record PageResult<T>(long total, List<T> items) {

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(total, items.stream().<R>map(mapper).toList());
    }
}
