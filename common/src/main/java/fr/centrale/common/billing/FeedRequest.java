package fr.centrale.common.billing;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.Params;

import java.time.LocalDate;
import java.util.UUID;

/** The parameters of a billable-items feed: {@code ?through=&after=&size=}, checked the same way everywhere. */
public record FeedRequest(LocalDate through, UUID after, int size) {

    public static final int DEFAULT_SIZE = 500;
    public static final int MAX_SIZE = 1000;

    public static FeedRequest of(String through, String after, String size) {
        LocalDate until = Params.date("through", through);
        if (until == null) {
            throw ProblemException.invalid("through", "is required");
        }
        Integer n = Params.integer("size", size);
        int pageSize = n == null ? DEFAULT_SIZE : n;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return new FeedRequest(until, Params.uuid("after", after), pageSize);
    }
}
