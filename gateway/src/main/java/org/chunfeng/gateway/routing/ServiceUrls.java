package org.chunfeng.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services listen ({@code chunfeng.services.*-url}); devstack passes the ports it chose. */
@ConfigurationProperties("chunfeng.services")
public record ServiceUrls(String employmentUrl, String jobsUrl, String transportUrl) {

    public ServiceUrls {
        employmentUrl = employmentUrl == null ? "http://localhost:8081" : employmentUrl;
        jobsUrl = jobsUrl == null ? "http://localhost:8082" : jobsUrl;
        transportUrl = transportUrl == null ? "http://localhost:8083" : transportUrl;
    }
}
