package org.dmmigrate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {

    @Test
    void writesPythonSeparatorsAndAsciiEscapes() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("title", "Vid\u00e9o \u2603 \uD83D\uDE00 \"q\" /");
        value.put("list", Arrays.asList(1, true, null, 25.0, 1.7777777777777777));

        String json = PythonJson.write(value);

        assertThat(json).isEqualTo("{\"title\": "
                + "\"Vid\\u00e9o \\u2603 \\ud83d\\ude00 \\\"q\\\" /\", "
                + "\"list\": [1, true, null, 25.0, 1.7777777777777777]}");
    }

    @Test
    void writesFloatsInShortestReprForm() {
        assertThat(PythonJson.pythonRepr(1e20)).isEqualTo("1e+20");
        assertThat(PythonJson.pythonRepr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonJson.pythonRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonJson.pythonRepr(100.0)).isEqualTo("100.0");
    }
}
