package io.recoveryportal.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/** JSON through json-smart, which Nimbus already brings; the sandbox needs nothing heavier. */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    return JSONValue.toJSONString(value);
  }

  /** Parses a JSON object; throws IllegalArgumentException on anything else. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    try {
      Object o = new JSONParser(JSONParser.MODE_RFC4627).parse(text);
      if (o instanceof JSONObject obj) {
        return obj;
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("A JSON object was expected");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> obj(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : new JSONArray();
  }

  /** An insertion-ordered map built from key/value pairs, for readable literals. */
  public static Map<String, Object> of(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
