package org.chunfeng.transport.trip;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.chunfeng.transport.TransportProperties;
import org.chunfeng.transport.rider.RiderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Replans a travel date once its demand or fleet has been quiet for the debounce time, so a burst of placements
 * costs one plan, not hundreds. Plans run one at a time on one thread; past dates are left alone. At start-up every
 * coming date with riders is planned again, which also finishes whatever a crash interrupted.
 */
@Component
public class ReplanScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReplanScheduler.class);

    private final ObjectProvider<TripPlanning> planning;
    private final RiderStore riders;
    private final Clock clock;
    private final Duration debounce;
    private final java.time.ZoneId zone;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replan");
        t.setDaemon(true);
        return t;
    });
    private final Map<LocalDate, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    ReplanScheduler(ObjectProvider<TripPlanning> planning, RiderStore riders, Clock clock,
            TransportProperties properties) {
        this.planning = planning;
        this.riders = riders;
        this.clock = clock;
        this.debounce = properties.replanDebounce();
        this.zone = properties.rules().zone();
    }

    public void request(LocalDate date) {
        if (date == null || date.isBefore(today())) {
            return;
        }
        pending.compute(date, (d, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return executor.schedule(() -> run(d), debounce.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Replans every date in the range that has riders to plan or seated. */
    public void requestRange(LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(today()) ? today() : from;
        if (!to.isBefore(start)) {
            riders.datesWithDemand(start, to).forEach(this::request);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void planComingDates() {
        requestRange(today(), today().plusYears(1));
    }

    private void run(LocalDate date) {
        pending.remove(date);
        try {
            planning.getObject().plan(date);
        } catch (RuntimeException e) {
            log.warn("Replanning {} failed; trying again in 30 s", date, e);
            executor.schedule(() -> request(date), 30, TimeUnit.SECONDS);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
