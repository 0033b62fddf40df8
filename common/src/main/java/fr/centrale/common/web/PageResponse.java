package fr.centrale.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as API.md shapes it: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
