package org.dmmigrate.target.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3LocationTest {

    @Test
    void bucketAndPrefixAreSplit() {
        assertThat(S3Location.parse("s3://my-bucket/dm/cloud/"))
                .isEqualTo(new S3Location("my-bucket", "dm/cloud"));
        assertThat(S3Location.parse("s3://my-bucket")).isEqualTo(new S3Location("my-bucket", ""));
        assertThat(S3Location.parse("s3://my-bucket/x").toString()).isEqualTo("s3://my-bucket/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-bucket", "s3://", "s3://UPPER", "http://b/x", "s3://bucket//x",
        "s3://ab"})
    void otherTextIsRefusedWithTheExpectedForm(String text) {
        assertThatThrownBy(() -> S3Location.parse(text))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
