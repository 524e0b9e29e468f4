package org.dmmigrate.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentTest {

    @Test
    void versionComesFromTheFilteredResource() {
        String version = UserAgent.toolVersion();

        assertThat(version).isNotEqualTo("unknown").doesNotContain("${")
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void userAgentNamesToolAndJava() {
        String value = UserAgent.value();

        assertThat(value).isEqualTo("dmcloud-migrate/" + UserAgent.toolVersion() + " (Java "
                + System.getProperty("java.version") + ")");
    }
}
