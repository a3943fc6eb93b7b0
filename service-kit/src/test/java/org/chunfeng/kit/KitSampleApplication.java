package org.chunfeng.kit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * A minimal service built on the kit, to test the plumbing as a real service uses it. It scans only the sample
 * package: the kit itself arrives through auto-configuration, as it does in every service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.chunfeng.kit.sample")
public class KitSampleApplication {
}
