package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void parsesTheThreeSingleRangeForms() throws Exception {
        assertThat(ByteRange.parse("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 19));
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-5", 100)).isEqualTo(new ByteRange(95, 99));
        assertThat(ByteRange.parse("bytes=50-500", 100)).isEqualTo(new ByteRange(50, 99));
    }

    @Test
    void servesTheWholeFileWithoutAByteRange() throws Exception {
        assertThat(ByteRange.parse(null, 100)).isNull();
        assertThat(ByteRange.parse("items=1-2", 100)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
    }

    @Test
    void refusesRangesPastTheEndOrMalformed() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100))
                .isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=5-2", 100))
                .isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=x-2", 100))
                .isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 100))
                .isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
