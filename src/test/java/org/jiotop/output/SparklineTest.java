package org.jiotop.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {
    @Test
    void eachEighthOfTheScaleIsOneBlockHigher() {
        double[] v = {0, 1, 1000, 1001, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000};
        assertThat(Sparkline.of(v, 8000, false)).isEqualTo(" \u2581\u2581\u2582\u2582\u2583\u2584\u2585\u2586\u2587\u2588\u2588");
        assertThat(Sparkline.of(v, 8000, true)).isEqualTo(" __..-:=+*##");
    }

    @Test
    void theScaleIsTheLargestFigureButNeverBelowTheFloor() {
        assertThat(Sparkline.scale(Sparkline.max(new double[]{3, 5e6, 2}))).isEqualTo(5e6);
        assertThat(Sparkline.scale(Sparkline.max(new double[]{3, 5, 2}))).isEqualTo(Sparkline.FLOOR);
        assertThat(Sparkline.scale(Sparkline.max(new double[0]))).isEqualTo(Sparkline.FLOOR);
    }

    @Test
    void aShapeSurvivesScaling() {
        double[] startStopStart = {8e6, 8e6, 0, 0, 4e6, 8e6};
        assertThat(Sparkline.of(startStopStart, Sparkline.scale(Sparkline.max(startStopStart)), false))
                .isEqualTo("\u2588\u2588  \u2584\u2588");
    }
}
