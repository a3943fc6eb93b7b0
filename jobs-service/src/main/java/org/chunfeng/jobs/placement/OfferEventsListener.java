package org.chunfeng.jobs.placement;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.jobs.match.Matchmaker;
import org.chunfeng.kit.inbox.EventRouter;
import org.chunfeng.kit.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The workers' answers: an accept turns the reserved opening into a placement (PlacementConfirmed), or, if the offer
 * had lapsed and no opening is left, into PlacementCancelled; a decline frees the opening and matches the worker again.
 */
@Component
class OfferEventsListener {

    private final Inbox inbox;
    private final EventRouter router;

    OfferEventsListener(Inbox inbox, Matchmaker matchmaker) {
        this.inbox = inbox;
        this.router = EventRouter.named("jobs.offers")
                .on(OfferAccepted.class, matchmaker::onOfferAccepted)
                .on(OfferDeclined.class, matchmaker::onOfferDeclined);
    }

    @KafkaListener(topics = Topic.Names.EMPLOYMENT_OFFERS)
    void on(ConsumerRecord<String, String> record) {
        inbox.handle(record, router);
    }
}
