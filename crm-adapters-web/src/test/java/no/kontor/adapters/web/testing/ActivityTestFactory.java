package no.kontor.adapters.web.testing;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.activity.ChangeFollowUp;
import no.kontor.application.activity.LogActivity;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryActivities;
import no.kontor.application.testing.InMemoryAuditTrail;

@Factory
public class ActivityTestFactory {

    @Singleton
    InMemoryActivities activities(DirectTransactions tx) {
        var activities = new InMemoryActivities();
        tx.register(activities);
        return activities;
    }

    @Singleton
    LogActivity logActivity(InMemoryActivities activities, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new LogActivity(activities, activities, audit, tx, clock);
    }

    @Singleton
    ChangeFollowUp changeFollowUp(InMemoryActivities activities, InMemoryAuditTrail audit, DirectTransactions tx, Clock clock) {
        return new ChangeFollowUp(activities, activities, audit, tx, clock);
    }

    @Singleton
    ReadActivities readActivities(InMemoryActivities activities) {
        return new ReadActivities(activities, activities, activities);
    }
}
