package org.chunfeng.transport;

import org.chunfeng.transport.planning.BusPlanner;
import org.chunfeng.transport.planning.RoadDistance;
import org.chunfeng.transport.subsidy.Tariff;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransportProperties.class)
class TransportConfiguration {

    /** Replace this bean to plug in a routing engine. */
    @Bean
    RoadDistance roadDistance(TransportProperties properties) {
        return RoadDistance.greatCircle(properties.roadFactor());
    }

    @Bean
    BusPlanner busPlanner(RoadDistance distance) {
        return new BusPlanner(distance);
    }

    /** Built at start-up, so a tariff with bands out of order stops the service instead of paying wrong amounts. */
    @Bean
    Tariff tariff(TransportProperties properties) {
        return properties.tariff();
    }
}
