package org.jiotop.output;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0                    | 0.00 B/s",
            "1                    | 1.00 B/s",
            "2047                 | 2047.00 B/s",
            "2048                 | 2.00 K/s",
            "2049                 | 2.00 K/s",
            "93052723             | 88.74 M/s",
            "2097151              | 2048.00 K/s",
            "2097152              | 2.00 M/s",
            "4398046511104        | 4.00 T/s",
            "1.0E20               | 86.74 E/s",
            "-5                   | 0.00 B/s"})
    void humanRates(double bytes, String expected) {
        assertThat(Units.size(bytes, false, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0          | 0.00 K/s",
            "2047       | 2.00 K/s",
            "2048       | 2.00 K/s",
            "2049       | 2.00 K/s",
            "303931789  | 296808.39 K/s",
            "1.0E15     | 976562500000.00 K/s"})
    void kilobytes(double bytes, String expected) {
        assertThat(Units.size(bytes, true, true)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0       | 0.00 %",
            "15.054  | 15.05 %",
            "99.994  | 99.99 %",
            "250     | 99.99 %",
            "-1      | 0.00 %"})
    void percentages(double p, String expected) {
        assertThat(Units.percent(p)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.005   | 0.01",
            "1.999   | 2.00",
            "10.1    | 10.10",
            "-0.001  | 0.00",
            "-2.5    | -2.50"})
    void fixedTwoDecimals(double v, String expected) {
        assertThat(Units.fixed2(v)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void accumulatedSizesHaveNoPerSecond() {
        assertThat(Units.size(91_226_112, false, false)).isEqualTo("87.00 M");
        assertThat(Units.size(Double.NaN, false, true)).isEqualTo("?");
    }

    @org.junit.jupiter.api.Test
    void wholeSizesKeepTheUnitAndRound() {
        assertThat(Units.wholeSize(1024, false, true, 1024, 2)).isEqualTo("1024 B/s");
        assertThat(Units.wholeSize(2047.5 * 1024, false, true, 1024, 2)).isEqualTo("2048 K/s");
        assertThat(Units.wholeSize(3.4 * 1024 * 1024, false, true, 1024, 2)).isEqualTo("3 M/s");
        assertThat(Units.wholeSize(1536, true, true, 1024, 2)).isEqualTo("2 K/s");
        assertThat(Units.wholeSize(Double.NaN, false, true, 1024, 2)).isEqualTo("?");
    }
}
