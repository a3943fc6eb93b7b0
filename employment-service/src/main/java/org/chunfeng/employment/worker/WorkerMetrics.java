package org.chunfeng.employment.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The campaign's business counters, scraped as chunfeng_* from /actuator/prometheus. */
@Component
public class WorkerMetrics {

    private final MeterRegistry meters;
    private final Counter offersReceived;
    private final Counter offersAccepted;
    private final Counter offersDeclined;
    private final Counter returned;

    public WorkerMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.offersReceived = Counter.builder("chunfeng.offers.received")
                .description("Offers workers received from jobs-service").register(meters);
        this.offersAccepted = Counter.builder("chunfeng.offers.accepted")
                .description("Offers accepted: employment intentions (用工意向)").register(meters);
        this.offersDeclined = Counter.builder("chunfeng.offers.declined").description("Offers declined")
                .register(meters);
        this.returned = Counter.builder("chunfeng.workers.returned")
                .description("Workers back at work (arrived on site or first day recorded)").register(meters);
        for (RegistrationChannel channel : RegistrationChannel.values()) {
            registered(channel, 0);
        }
    }

    public void registered(RegistrationChannel channel, int count) {
        Counter.builder("chunfeng.workers.registered").description("Workers registered, by channel")
                .tag("channel", channel.tag()).register(meters).increment(count);
    }

    public void offerReceived() {
        offersReceived.increment();
    }

    public void offerAccepted() {
        offersAccepted.increment();
    }

    public void offerDeclined() {
        offersDeclined.increment();
    }

    public void workerReturned() {
        returned.increment();
    }
}
