package io.contactinfo.archcanary.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Breaks "the domain depends only on java..": a library annotation in a domain value. */
public record LeakyDomainValue(@JsonProperty("value") String value) {
}
