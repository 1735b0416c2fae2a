package dev.payplatform.commons.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns Bean Validation failures into 422 entries whose {@code loc} is the request path. */
final class ConstraintViolations {
  private ConstraintViolations() {}

  static List<FieldError> toFieldErrors(ConstraintViolationException e) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(toFieldError(v));
    }
    errors.sort(Comparator.comparing(fe -> String.join(".", fe.loc())));
    return errors;
  }

  private static FieldError toFieldError(ConstraintViolation<?> v) {
    List<String> loc = new ArrayList<>();
    Path.MethodNode method = null;
    for (Path.Node node : v.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
      } else if (kind == ElementKind.PARAMETER) {
        Path.ParameterNode p = node.as(Path.ParameterNode.class);
        loc.addAll(parameterLocation(v.getRootBeanClass(), method, p));
      } else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
        if (node.getIndex() != null && !loc.isEmpty()) {
          loc.add(String.valueOf(node.getIndex()));
        }
        if (node.getName() != null && kind == ElementKind.PROPERTY) {
          loc.add(jsonName(node.getName()));
        }
      }
    }
    if (loc.isEmpty()) {
      loc.add("body");
    }
    Class<? extends Annotation> constraint =
        v.getConstraintDescriptor().getAnnotation().annotationType();
    boolean missing =
        v.getInvalidValue() == null
            && (constraint == NotNull.class
                || constraint == NotBlank.class
                || constraint == NotEmpty.class);
    if (missing) {
      return new FieldError(loc, "field required", "value_error.missing");
    }
    return new FieldError(loc, v.getMessage(), "value_error");
  }

  /** A body parameter is {@code ["body"]}; a query/path/header parameter names itself. */
  private static List<String> parameterLocation(
      Class<?> resource, Path.MethodNode method, Path.ParameterNode p) {
    Annotation[] annotations = parameterAnnotations(resource, method, p.getParameterIndex());
    for (Annotation a : annotations) {
      if (a instanceof QueryParam q) {
        return List.of("query", q.value());
      }
      if (a instanceof PathParam pp) {
        return List.of("path", pp.value());
      }
      if (a instanceof HeaderParam h) {
        return List.of("header", h.value());
      }
      String simple = a.annotationType().getSimpleName();
      if (simple.equals("RestQuery")) {
        return List.of("query", p.getName());
      }
      if (simple.equals("RestPath")) {
        return List.of("path", p.getName());
      }
    }
    return List.of("body");
  }

  private static Annotation[] parameterAnnotations(
      Class<?> resource, Path.MethodNode node, int index) {
    if (resource == null || node == null) {
      return new Annotation[0];
    }
    for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(node.getName())
            && List.of(m.getParameterTypes()).equals(node.getParameterTypes())) {
          return m.getParameterAnnotations()[index];
        }
      }
    }
    return new Annotation[0];
  }

  /** Request records use snake_case JSON names; Java components are camelCase. */
  static String jsonName(String javaName) {
    StringBuilder sb = new StringBuilder(javaName.length() + 4);
    for (char c : javaName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
