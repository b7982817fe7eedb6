package io.contactinfo.adapter.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Runs the tests only when {@value TestDatabases#URL_VARIABLE} names a PostgreSQL to test on. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = TestDatabases.URL_VARIABLE, matches = ".+")
@interface EnabledIfPostgres {
}
