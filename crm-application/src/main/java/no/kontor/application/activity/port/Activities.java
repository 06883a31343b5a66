package no.kontor.application.activity.port;

import java.util.Optional;

import no.kontor.domain.activity.Activity;
import no.kontor.domain.activity.ActivityId;

/** The store of activities. */
public interface Activities {

    Activity add(Activity activity);

    Optional<Activity> find(ActivityId id);

    /** Writes a changed activity at the version it was read at, else {@code StaleVersionException}. */
    Activity update(Activity activity);
}
