package org.chunfeng.transport.rider;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.kit.inbox.EventRouter;
import org.chunfeng.kit.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class PlacementListener {

    private final Inbox inbox;
    private final EventRouter router;

    PlacementListener(Inbox inbox, Riders riders) {
        this.inbox = inbox;
        this.router = EventRouter.named("transport.placements")
                .on(PlacementConfirmed.class, riders::confirmed)
                .on(PlacementCancelled.class, riders::cancelled);
    }

    @KafkaListener(topics = Topic.Names.JOBS_PLACEMENTS)
    void on(ConsumerRecord<String, String> record) {
        inbox.handle(record, router);
    }
}
