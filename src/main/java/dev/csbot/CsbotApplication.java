package dev.csbot;

import dev.csbot.cli.CsbotCli;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Entry point: the command line decides between the service ({@code serve}) and one-shot commands.
 *
 * <p>{@code @SpringBootApplication}, spelled out to leave {@code @ManagementContextConfiguration} classes out of the
 * scan: they belong to the actuator's own context on {@code MANAGEMENT_SERVER_PORT}, not to the service's.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)})
public class CsbotApplication {

    public static void main(String[] args) {
        int exitCode = CsbotCli.run(args);
        if (exitCode != CsbotCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
