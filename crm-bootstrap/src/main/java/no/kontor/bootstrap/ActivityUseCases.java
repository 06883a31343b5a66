package no.kontor.bootstrap;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.activity.port.ActivityQueries;
import no.kontor.application.activity.port.ActivityReferences;
import no.kontor.application.activity.ChangeFollowUp;
import no.kontor.application.activity.LogActivity;
import no.kontor.application.activity.ReadActivities;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;

@Factory
public class ActivityUseCases {

    @Singleton
    LogActivity logActivity(Activities activities, ActivityReferences references, AuditTrail audit, Transactions tx, Clock clock) {
        return new LogActivity(activities, references, audit, tx, clock);
    }

    @Singleton
    ChangeFollowUp changeFollowUp(Activities activities, ActivityReferences references, AuditTrail audit, Transactions tx,
                                  Clock clock) {
        return new ChangeFollowUp(activities, references, audit, tx, clock);
    }

    @Singleton
    ReadActivities readActivities(Activities activities, ActivityQueries queries, ActivityReferences references) {
        return new ReadActivities(activities, queries, references);
    }
}
