package dev.hypatia.jvm.code;

import java.util.List;
import org.objectweb.asm.Type;

/**
 * A generated class: public, final, with a public no-argument constructor, implementing {@code
 * interfaces}, holding {@code methods}. It has no fields: everything a method needs arrives as an
 * argument. Two equal definitions generate the same class, which is what the class cache keys on.
 *
 * @param simpleName the class name without package
 * @param interfaces the interfaces it implements (internal names via {@link Type})
 * @param methods its methods
 * @param doc a comment printed above the class in Java source (may be empty)
 */
public record ClassDef(
    String simpleName, List<Type> interfaces, List<MethodDef> methods, String doc) {
  /** Copies the lists. */
  public ClassDef {
    interfaces = List.copyOf(interfaces);
    methods = List.copyOf(methods);
  }
}
