package io.recoveryportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every view-scoped page bean (found in the compiled classes, so a new one is covered without a
 * line here) keeps only state that survives serialisation, which a cluster needs for a page to
 * outlive its node's memory (Payara writes view-scoped beans with the session when it passivates or
 * replicates it). Each bean gets a value in every state field, of the field's own type down to
 * record components and list elements, is written and read back, and must come back with the same
 * state. Injected fields must be normal-scoped beans (Weld serialises their proxies, not the
 * beans).
 */
class PageStateTest {

  static Stream<Class<?>> viewScopedBeans() throws IOException {
    Path classes = Path.of("target/classes");
    List<Class<?>> beans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
              .toList()) {
        String name =
            classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          Class<?> c = Class.forName(name, false, PageStateTest.class.getClassLoader());
          if (c.isAnnotationPresent(ViewScoped.class)) {
            beans.add(c);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // not loadable outside the container: not a page bean
        }
      }
    }
    assertFalse(beans.isEmpty(), "page beans found");
    return beans.stream();
  }

  @ParameterizedTest
  @MethodSource("viewScopedBeans")
  void itsStateSurvivesSerialisation(Class<?> page) throws Exception {
    assertTrue(
        Serializable.class.isAssignableFrom(page), page.getSimpleName() + " is Serializable");
    Object bean = instantiate(page);
    List<Field> state = new ArrayList<>();
    for (Field f : page.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) || Modifier.isTransient(m)) {
        continue;
      }
      f.setAccessible(true);
      if (f.isAnnotationPresent(Inject.class)) {
        Class<?> type = f.getType();
        assertTrue(
            Stream.of(ApplicationScoped.class, RequestScoped.class, SessionScoped.class)
                    .anyMatch(type::isAnnotationPresent)
                || Serializable.class.isAssignableFrom(type),
            page.getSimpleName()
                + "."
                + f.getName()
                + " injects "
                + type.getSimpleName()
                + ", neither normal-scoped (a proxy) nor Serializable");
        continue;
      }
      f.set(bean, sample(f.getGenericType(), 0));
      state.add(f);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(bean);
    }
    Object back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }
    for (Field f : state) {
      assertEquals(
          describe(f.get(bean)), describe(f.get(back)), page.getSimpleName() + "." + f.getName());
    }
  }

  /** Records and values compare by equals; other objects (entities) by their fields' values. */
  private static String describe(Object o) throws IllegalAccessException {
    if (o == null
        || o instanceof Record
        || o instanceof String
        || o instanceof Number
        || o instanceof Boolean
        || o instanceof Enum<?>
        || o instanceof java.time.temporal.Temporal) {
      return Objects.toString(o);
    }
    if (o instanceof Iterable<?> items) {
      StringBuilder b = new StringBuilder("[");
      for (Object item : items) {
        b.append(describe(item)).append(';');
      }
      return b.append(']').toString();
    }
    StringBuilder b = new StringBuilder(o.getClass().getName());
    for (Field f : o.getClass().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        b.append(' ').append(f.getName()).append('=').append(describe(f.get(o)));
      }
    }
    return b.toString();
  }

  private static Object instantiate(Class<?> c) throws ReflectiveOperationException {
    Constructor<?> k = c.getDeclaredConstructor();
    k.setAccessible(true);
    return k.newInstance();
  }

  /** A value of {@code type}, every part of it filled. */
  private static Object sample(Type type, int depth) throws ReflectiveOperationException {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        return List.of(sample(p.getActualTypeArguments()[0], depth + 1));
      }
      if (Set.class.isAssignableFrom(raw)) {
        return Set.of(sample(p.getActualTypeArguments()[0], depth + 1));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of(
            sample(p.getActualTypeArguments()[0], depth + 1),
            sample(p.getActualTypeArguments()[1], depth + 1));
      }
      return sample(raw, depth);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class || c == Serializable.class) {
      return "value-" + depth;
    }
    if (c == boolean.class || c == Boolean.class) {
      return true;
    }
    if (c == int.class || c == Integer.class) {
      return 7;
    }
    if (c == long.class || c == Long.class) {
      return 7L;
    }
    if (c == double.class || c == Double.class) {
      return 0.5;
    }
    if (c == Instant.class) {
      return Instant.parse("2030-01-02T03:04:05Z");
    }
    if (c == LocalDate.class) {
      return LocalDate.of(1985, 6, 15);
    }
    if (c == Duration.class) {
      return Duration.ofMinutes(5);
    }
    if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    if (c.isRecord()) {
      RecordComponent[] parts = c.getRecordComponents();
      Object[] values = new Object[parts.length];
      Class<?>[] types = new Class<?>[parts.length];
      for (int i = 0; i < parts.length; i++) {
        values[i] = sample(parts[i].getGenericType(), depth + 1);
        types[i] = parts[i].getType();
      }
      Constructor<?> k = c.getDeclaredConstructor(types);
      k.setAccessible(true);
      return k.newInstance(values);
    }
    // an entity or another class: as JPA or a service would create it, with its fields as they come
    return instantiate(c);
  }
}
