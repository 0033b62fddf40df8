package fr.centrale.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.quarkus.arc.DefaultBean;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Every business date is a {@link LocalDate} in Europe/Paris: "today" is the Paris date whatever
 * the server's time zone. Tests replace the {@link Clock} bean to travel in time.
 */
@ApplicationScoped
public class ParisClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
