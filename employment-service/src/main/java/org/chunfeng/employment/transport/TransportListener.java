package org.chunfeng.employment.transport;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.RiderNoShow;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.contracts.transport.TripCancelled;
import org.chunfeng.employment.worker.WorkerMetrics;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.employment.worker.WorkerStatus;
import org.chunfeng.kit.inbox.EventRouter;
import org.chunfeng.kit.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The worker's way to the job from transport-service: the seat or subsidy is kept on the worker so their record
 * shows "my bus"; arrival at the site means back at work.
 */
@Component
class TransportListener {

    static final String TRIPS = "employment.trips";

    private final Inbox inbox;
    private final WorkerRepository workers;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final EventRouter router;

    TransportListener(Inbox inbox, WorkerRepository workers, WorkerMetrics metrics, Clock clock) {
        this.inbox = inbox;
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
        this.router = EventRouter.named(TRIPS)
                .on(SeatAssigned.class, s -> workers.change(s.workerId(), w -> w.assignSeat(s, clock.instant())))
                .on(FareSubsidyGranted.class,
                        f -> workers.change(f.workerId(), w -> w.grantSubsidy(f, clock.instant())))
                .on(TripCancelled.class, t -> workers.change(t.workerId(), w -> w.cancelTrip(t, clock.instant())))
                .on(RiderBoarded.class, b -> workers.change(b.workerId(), w -> w.board(b)))
                .on(RiderNoShow.class, n -> workers.change(n.workerId(), w -> w.missBus(n)))
                .on(RiderArrived.class, this::arrived);
    }

    @KafkaListener(topics = Topic.Names.TRANSPORT_TRIPS)
    void on(ConsumerRecord<String, String> record) {
        inbox.handle(record, router);
    }

    private void arrived(RiderArrived a) {
        boolean[] returned = {false};
        workers.change(a.workerId(), w -> {
            WorkerStatus before = w.status();
            w.arrive(a, clock.instant());
            returned[0] = before != WorkerStatus.RETURNED_TO_WORK && w.status() == WorkerStatus.RETURNED_TO_WORK;
        });
        if (returned[0]) {
            metrics.workerReturned();
        }
    }
}
