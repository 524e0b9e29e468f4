package org.dmmigrate.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

    @Test
    void keyUnderAPrefixJoinsWithOneSlash() {
        assertThat(ObjectKey.under("dm/", "bob/media.json").value()).isEqualTo("dm/bob/media.json");
        assertThat(ObjectKey.under("", "bob/media.json").value()).isEqualTo("bob/media.json");
        assertThat(ObjectKey.under("dm", "a.mp4").name()).isEqualTo("a.mp4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "a//b", "a/../b", "./a", "a/"})
    void malformedKeysAreRefused(String key) {
        assertThatThrownBy(() -> new ObjectKey(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyLongerThanTheS3LimitIsRefused() {
        assertThatThrownBy(() -> new ObjectKey("é".repeat(513)))
                .hasMessageContaining("1024");
    }
}
