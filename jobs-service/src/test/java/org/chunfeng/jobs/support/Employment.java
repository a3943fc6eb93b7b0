package org.chunfeng.jobs.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.kit.testing.EventPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Stands in for employment-service: publishes its events as it would, with the CloudEvents headers. */
public final class Employment {

    private final EventPublisher publisher;

    public Employment(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.publisher = new EventPublisher(kafka, json);
    }

    /** A local garment worker from a poor household, living at the area's centre. */
    public static WorkerProfile localWorker(Area area, String name) {
        return new WorkerProfile(name, "341623**********1X", "138****0000", 38, "F", "H-" + name, PovertyStatus.POOR,
                List.of(), "利辛县", area.name() + "镇", area.name() + "村", area.collectionPoint(), area.centre(),
                List.of(new SkillLevel(Skill.GARMENT, 4)), WorkIntent.LOCAL, List.of(), 3000,
                LocalDate.of(2027, 2, 20), TravelFitness.GREEN, LocalDate.of(2027, 2, 10));
    }

    public static String newWorkerId() {
        return "w-" + UUID.randomUUID();
    }

    public String register(String workerId, WorkerProfile profile) {
        return publish(new WorkerRegistered(workerId, Instant.now(), profile));
    }

    /** Publishes with a fresh event id; returns it. */
    public String publish(Event event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes with the given event id, as a redelivery would carry the same one. */
    public String publish(Event event, String eventId) {
        return publisher.publish(event, eventId);
    }
}
