package org.dmmigrate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The named arguments of one call, with the checks that turn bad input into 630/650 errors.
 * A JSON null counts as an absent argument. Not thread-safe (one per call).
 */
final class Args {

    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String call;
    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    Args(String call, @Nullable JsonNode args) {
        this.call = call;
        if (args == null || args.isNull()) {
            return;
        }
        if (!args.isObject()) {
            throw new ApiError(ApiError.INVALID_PARAMETER,
                    "Invalid parameters for " + call + ": args must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = args.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isNull()) {
                values.put(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Refuses arguments the method does not take. */
    void allowOnly(Set<String> names) {
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                throw invalid("unexpected argument '" + name + "'");
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String id(String name) {
        String value = optionalId(name);
        if (value == null) {
            throw new ApiError(ApiError.MISSING_PARAMETER,
                    "Missing parameter '" + name + "' for " + call);
        }
        return value;
    }

    @Nullable String optionalId(String name) {
        String value = optionalString(name);
        if (value != null && !ID.matcher(value).matches()) {
            throw invalid("'" + name + "' is not a valid id: " + value);
        }
        return value;
    }

    @Nullable String optionalString(String name) {
        JsonNode node = values.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid("'" + name + "' must be a string");
        }
        return node.textValue();
    }

    boolean optionalBoolean(String name) {
        JsonNode node = values.get(name);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw invalid("'" + name + "' must be a boolean");
        }
        return node.booleanValue();
    }

    /** A list of strings, or null when absent. */
    @Nullable List<String> optionalStrings(String name) {
        JsonNode node = values.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid("'" + name + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw invalid("'" + name + "' must be a list of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** A JSON object as plain Java values, or null when absent. */
    @Nullable Map<String, Object> optionalObject(String name) {
        JsonNode node = values.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("'" + name + "' must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = MAPPER.convertValue(node, LinkedHashMap.class);
        return map;
    }

    @Nullable JsonNode node(String name) {
        return values.get(name);
    }

    int page() {
        return positiveInt("page", 1);
    }

    int perPage() {
        int perPage = positiveInt("per_page", DEFAULT_PER_PAGE);
        if (perPage > MAX_PER_PAGE) {
            throw invalid("per_page must be at most " + MAX_PER_PAGE + ", got " + perPage);
        }
        return perPage;
    }

    private int positiveInt(String name, int fallback) {
        JsonNode node = values.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw invalid("'" + name + "' must be a positive integer");
        }
        return node.intValue();
    }

    ApiError invalid(String detail) {
        return new ApiError(ApiError.INVALID_PARAMETER,
                "Invalid parameters for " + call + ": " + detail);
    }
}
