package org.jiotop.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BasicAuthTest {
    @Test
    void basicAuthTakesOnlyTheRightPair() {
        BasicAuth auth = new BasicAuth("scraper", "s3cr:t");
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        assertThat(auth.admits("Basic " + b64.encodeToString("scraper:s3cr:t".getBytes()))).isTrue();
        assertThat(auth.admits("basic " + b64.encodeToString("scraper:s3cr:t".getBytes()))).isTrue();
        for (String wrong : new String[]{"scraper:s3cr", "scraper:", ":s3cr:t", "scraper", "Scraper:s3cr:t", ""}) {
            assertThat(auth.admits("Basic " + b64.encodeToString(wrong.getBytes()))).as(wrong).isFalse();
        }
        assertThat(auth.admits(null)).isFalse();
        assertThat(auth.admits("Basic !!!")).isFalse();
        assertThat(auth.admits("Bearer x")).isFalse();
    }
}
