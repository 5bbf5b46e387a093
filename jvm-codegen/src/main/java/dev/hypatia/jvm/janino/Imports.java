package dev.hypatia.jvm.janino;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Type;

/**
 * Names of types in printed source. Printing runs twice: the first pass records every class the
 * source names (and every local variable), {@link #resolve()} then decides which classes print by
 * simple name, and the second pass prints with those names, so the import list is exactly what the
 * source uses.
 *
 * <p>A class prints by simple name when that name is unambiguous: the class being printed first,
 * then the classes of its package, then {@code java.lang} ones, then the rest in name order, each
 * imported unless its simple name is taken by an earlier one, names a {@code java.lang} class, or
 * is a local variable's name (a variable obscures a type in {@code Name.member}). Nested classes
 * print as {@code Outer.Inner} under their outer class's name.
 */
final class Imports {
  private static final String LANG = "java.lang";

  private final String packageName;
  private final String self;
  private final Set<String> classes = new TreeSet<>();
  private final Set<String> locals = new HashSet<>();
  private final Map<String, String> names = new HashMap<>();
  private final List<String> imports = new ArrayList<>();
  private boolean resolved;

  /**
   * Names for a class {@code simpleName} in {@code packageName}; until {@link #resolve()}, names
   * print qualified ({@code java.lang} ones short).
   */
  Imports(String packageName, String simpleName) {
    this.packageName = packageName;
    this.self = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  /** Names for printing a lone expression: every class qualified, {@code java.lang} ones short. */
  static Imports qualified() {
    return new Imports("", "");
  }

  /** Whether {@code owner} is the class being printed (its static methods need no qualifier). */
  boolean isSelf(Type owner) {
    return owner.getSort() == Type.OBJECT && owner.getClassName().equals(self);
  }

  /** Records a local variable (a type with its name must print qualified). */
  void local(String name) {
    locals.add(name);
  }

  /** The Java name of {@code t}: primitives, arrays as {@code T[]}, nested classes dotted. */
  String name(Type t) {
    if (t.getSort() == Type.ARRAY) {
      return name(t.getElementType()) + "[]".repeat(t.getDimensions());
    } else if (t.getSort() != Type.OBJECT) {
      return t.getClassName();
    }
    String binary = t.getClassName();
    int nested = binary.indexOf('$', binary.lastIndexOf('.') + 1);
    String top = nested < 0 ? binary : binary.substring(0, nested);
    String rest = nested < 0 ? "" : binary.substring(nested).replace('$', '.');
    if (!resolved) {
      classes.add(top);
      return (packageOf(top).equals(LANG) ? simple(top) : top) + rest;
    }
    return names.getOrDefault(top, top) + rest;
  }

  /** Decides the simple names from what the first pass recorded, and switches to printing. */
  void resolve() {
    Set<String> taken = new HashSet<>(locals);
    claim(self, taken);
    for (String c : classes) {
      if (packageOf(c).equals(packageName)) {
        claim(c, taken);
      }
    }
    for (String c : classes) {
      if (packageOf(c).equals(LANG)) {
        claim(c, taken);
      }
    }
    for (String c : classes) {
      String pkg = packageOf(c);
      boolean other = !pkg.equals(packageName) && !pkg.equals(LANG);
      if (other && !pkg.isEmpty() && !isLang(simple(c)) && claim(c, taken)) {
        imports.add(c);
      }
    }
    resolved = true;
  }

  /** The import lines, sorted, each ending with a newline. */
  String lines() {
    StringBuilder b = new StringBuilder();
    imports.stream().sorted().forEach(c -> b.append("import ").append(c).append(";\n"));
    return b.toString();
  }

  /** Gives {@code c} its simple name when no other class or variable has it. */
  private boolean claim(String c, Set<String> taken) {
    if (names.containsKey(c) || !taken.add(simple(c))) {
      return false;
    }
    names.put(c, simple(c));
    return true;
  }

  private static boolean isLang(String simpleName) {
    try {
      Class.forName(LANG + "." + simpleName, false, null);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String packageOf(String binary) {
    int dot = binary.lastIndexOf('.');
    return dot < 0 ? "" : binary.substring(0, dot);
  }

  private static String simple(String binary) {
    return binary.substring(binary.lastIndexOf('.') + 1);
  }
}
