package org.chunfeng.employment.offer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.jobs.MatchExpired;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.MatchWithdrawn;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.kit.inbox.EventRouter;
import org.chunfeng.kit.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Offers and placements from jobs-service, each handled once per event id and guarded against repeats. */
@Component
class JobsListener {

    /** Stable names: they key the processed-event records. */
    static final String MATCHES = "employment.matches";
    static final String PLACEMENTS = "employment.placements";

    private final Inbox inbox;
    private final EventRouter matches;
    private final EventRouter placements;

    JobsListener(Inbox inbox, Offers offers) {
        this.inbox = inbox;
        this.matches = EventRouter.named(MATCHES)
                .on(MatchProposed.class, offers::proposed)
                .on(MatchExpired.class, offers::expired)
                .on(MatchWithdrawn.class, offers::withdrawn);
        this.placements = EventRouter.named(PLACEMENTS)
                .on(PlacementConfirmed.class, offers::confirmed)
                .on(PlacementCancelled.class, offers::cancelled);
    }

    @KafkaListener(topics = Topic.Names.JOBS_MATCHES)
    void onMatch(ConsumerRecord<String, String> record) {
        inbox.handle(record, matches);
    }

    @KafkaListener(topics = Topic.Names.JOBS_PLACEMENTS)
    void onPlacement(ConsumerRecord<String, String> record) {
        inbox.handle(record, placements);
    }
}
