package com.escalationanalyst.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Spring Boot test on a random port, on its own empty database (see TestDatabaseEnvironment),
 * with the administrator of {@link TestCredentials} and no demo data. Metrics are kept and exported as in the
 * application (Spring Boot's tests otherwise replace the Prometheus registry by a simple one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "escalation.demo-data=false")
public @interface IntegrationTest {
}
