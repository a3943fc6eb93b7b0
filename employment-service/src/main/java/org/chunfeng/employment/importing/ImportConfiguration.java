package org.chunfeng.employment.importing;

import java.time.Clock;
import org.chunfeng.employment.EmploymentProperties;
import org.chunfeng.kit.importing.ImportJobs;
import org.chunfeng.kit.importing.ImportRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The kit's import jobs, kept in this service's database and run on its own small pool. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportJobs importJobs(MongoTemplate mongo, Clock clock) {
        return new ImportJobs(mongo, clock);
    }

    @Bean
    ImportRunner importRunner(ImportJobs jobs, EmploymentProperties properties) {
        EmploymentProperties.Importing importing = properties.importing();
        return new ImportRunner(jobs, new ImportRunner.Settings(importing.threads(), importing.queue(),
                importing.batchSize(), importing.maxRows()), "worker-import");
    }
}
