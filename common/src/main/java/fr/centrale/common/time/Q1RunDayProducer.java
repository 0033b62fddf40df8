package fr.centrale.common.time;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads {@code centrale.q1-run-day} once; a value outside January–March stops the start-up. */
@ApplicationScoped
public class Q1RunDayProducer {

    @ConfigProperty(name = "centrale.q1-run-day", defaultValue = "01-02")
    String value;

    @Produces
    @Singleton
    @Startup
    Q1RunDay q1RunDay() {
        return Q1RunDay.parse(value);
    }
}
