package org.chunfeng.jobs.candidate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.contracts.employment.WorkerUpdated;
import org.chunfeng.contracts.employment.WorkerWithdrawn;
import org.chunfeng.jobs.match.Matchmaker;
import org.chunfeng.kit.inbox.EventRouter;
import org.chunfeng.kit.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the candidate projection current from employment's worker events; each one may start matching. */
@Component
class WorkerEventsListener {

    private final Inbox inbox;
    private final EventRouter router;

    WorkerEventsListener(Inbox inbox, Matchmaker matchmaker) {
        this.inbox = inbox;
        this.router = EventRouter.named("jobs.workers")
                .on(WorkerRegistered.class, matchmaker::onWorkerRegistered)
                .on(WorkerUpdated.class, matchmaker::onWorkerUpdated)
                .on(WorkerWithdrawn.class, matchmaker::onWorkerWithdrawn);
    }

    @KafkaListener(topics = Topic.Names.EMPLOYMENT_WORKERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.handle(record, router);
    }
}
