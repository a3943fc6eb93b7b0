package org.chunfeng.jobs.posting;

import java.time.Clock;
import org.chunfeng.kit.importing.ImportJobs;
import org.chunfeng.kit.importing.ImportRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The kit's import jobs, kept in this service's database and run on their own small pool. */
@Configuration(proxyBeanMethods = false)
class PostingImportConfiguration {

    @Bean
    ImportJobs importJobs(MongoTemplate mongo, Clock clock) {
        return new ImportJobs(mongo, clock);
    }

    @Bean
    ImportRunner importRunner(ImportJobs jobs, @Value("${chunfeng.jobs.importing.threads:1}") int threads,
            @Value("${chunfeng.jobs.importing.queue:4}") int queue,
            @Value("${chunfeng.jobs.importing.batch-size:500}") int batchSize,
            @Value("${chunfeng.jobs.importing.max-rows:100000}") int maxRows) {
        return new ImportRunner(jobs, new ImportRunner.Settings(threads, queue, batchSize, maxRows),
                "posting-import");
    }
}
